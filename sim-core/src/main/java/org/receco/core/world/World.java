package org.receco.core.world;

import java.util.Objects;

/**
 * The simulated world of one run: the latent space, users, authors, items, and the platform's observable
 * records (feedback log, item counters). Owned by the model; agents reach it through their phase calls.
 */
public final class World implements GroundTruth {
    private final LatentSpace space;
    private final UserStore users;
    private final AuthorStore authors;
    private final ItemStore items;
    private final FeedbackLog feedback = new FeedbackLog();
    private final ReviewLog reviews = new ReviewLog();
    private final ItemStats stats = new ItemStats();
    private final Populations populations = new Populations();
    private final Attacks attacks = new Attacks();
    private UtilityFunction utility = (u, i) -> 0f;
    private ItemText text = ItemText.PLAIN;

    public World(LatentSpace space, int userCapacity, int authorCapacity, int itemCapacity) {
        this.space = space;
        this.users = new UserStore(space.dims(), userCapacity);
        this.authors = new AuthorStore(space.dims(), authorCapacity);
        this.items = new ItemStore(space.dims(), itemCapacity);
    }

    @Override
    public LatentSpace space() {
        return space;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public AuthorStore authors() {
        return authors;
    }

    @Override
    public ItemStore items() {
        return items;
    }

    @Override
    public UtilityFunction utility() {
        return utility;
    }

    public void setUtility(UtilityFunction utility) {
        this.utility = utility;
    }

    /** Review texts written with ratings (empty in a click-only world). */
    public ReviewLog reviews() {
        return reviews;
    }

    /** The words of topics and items (public metadata, not ground truth); {@link ItemText#PLAIN} unless set. */
    public ItemText text() {
        return text;
    }

    public void setText(ItemText text) {
        this.text = Objects.requireNonNull(text, "item text");
    }

    public FeedbackLog feedback() {
        return feedback;
    }

    /** The user populations (names, models, joining rounds); users refer to them by id. */
    public Populations populations() {
        return populations;
    }

    /** The shilling attacks that have begun (empty in most runs). */
    public Attacks attacks() {
        return attacks;
    }

    public ItemStats stats() {
        return stats;
    }

    public int dims() {
        return space.dims();
    }
}
