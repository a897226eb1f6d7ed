package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.World;

/**
 * The user model of a shilling attack's fake population (Lam &amp; Riedl, WWW 2004): each account's profile is
 * built by the attack's {@link AttackStrategy} when the accounts join, then played over the attack window, up to
 * {@code activity} ratings per account per round, in profile order (targets and selected items placed where the
 * window reaches them).
 * An account goes to its items itself ({@link RoundState#replaceSlate}) rather than waiting for the recommender to
 * show them, and stays idle outside the window. Profiles are flat primitive arrays; a round allocates nothing.
 */
public final class FakeAccounts implements UserChoiceModel {
    private static final int SLATE = WorkerScratch.FIRST_FREE + 7;

    private final AttackStrategy strategy;
    private final AttackerKnowledge knowledge;
    private final int start;
    private final int end;
    private final int activity;
    private final int selected;
    private final int filler;
    private World world;
    private int first = -1;
    private int[] profileStart = new int[1];
    private int[] items = new int[0];
    private byte[] ratings = new byte[0];
    private String[] reviews;
    private int[] cursor = new int[0];

    /**
     * @param start    first round of the window
     * @param end      first round after it
     * @param activity most ratings per account per round (at most the slate size)
     */
    public FakeAccounts(AttackStrategy strategy, AttackerKnowledge knowledge, int start, int end, int activity,
                        int selected, int filler) {
        if (end <= start || activity < 1) {
            throw new IllegalArgumentException("an attack window needs end > start and activity >= 1");
        }
        this.strategy = strategy;
        this.knowledge = knowledge;
        this.start = start;
        this.end = end;
        this.activity = activity;
        this.selected = selected;
        this.filler = filler;
    }

    @Override
    public void init(World w) {
        this.world = w;
    }

    @Override
    public boolean rates() {
        return true;
    }

    @Override
    public boolean writesReviews() {
        return strategy.writesReviews();
    }

    @Override
    public int maxClicks() {
        return activity;
    }

    /** Builds the profiles of accounts {@code [from, to)} (one batch: the attack's accounts join together). */
    @Override
    public void onUsersAdded(int from, int to, SplitMix rng) {
        if (first >= 0) {
            throw new IllegalStateException("an attack's accounts join once");
        }
        first = from;
        int n = to - from;
        profileStart = new int[n + 1];
        cursor = new int[n];
        FakeProfile p = new FakeProfile();
        int playable = activity * (end - start);
        int total = 0;
        int[][] itemRows = new int[n][];
        byte[][] ratingRows = new byte[n][];
        String[][] reviewRows = new String[n][];
        for (int a = 0; a < n; a++) {
            p.clear();
            strategy.build(knowledge, a, selected, filler, rng, p);
            order(p, playable, rng);
            int m = p.size();
            itemRows[a] = new int[m];
            ratingRows[a] = new byte[m];
            reviewRows[a] = new String[m];
            for (int e = 0; e < m; e++) {
                itemRows[a][e] = p.item(e);
                ratingRows[a][e] = (byte) p.rating(e);
                reviewRows[a][e] = p.review(e);
            }
            total += m;
        }
        items = new int[total];
        ratings = new byte[total];
        reviews = strategy.writesReviews() ? new String[total] : null;
        for (int a = 0, off = 0; a < n; a++) {
            profileStart[a] = off;
            int m = itemRows[a].length;
            System.arraycopy(itemRows[a], 0, items, off, m);
            System.arraycopy(ratingRows[a], 0, ratings, off, m);
            if (reviews != null) {
                System.arraycopy(reviewRows[a], 0, reviews, off, m);
            }
            off += m;
            profileStart[a + 1] = off;
        }
    }

    /**
     * Shuffles the profile, then moves each target and each selected item to a random place the window reaches
     * (onto a filler item's). Targets and selected items are the profile's structure, filler its camouflage
     * (Mobasher et al., ACM TOIT 2007, section 3): when the window plays only part of a long profile (MovieLens:
     * 150 filler items, 10 ratings a round), a bandwagon account that left its popular items unplayed would be a
     * random attack, and an item-based victim would never link the targets to the items genuine users rate.
     */
    static void order(FakeProfile p, int playable, SplitMix rng) {
        for (int e = p.size() - 1; e > 0; e--) {
            p.swap(e, rng.nextInt(e + 1));
        }
        int reach = Math.min(p.size(), playable);
        for (int e = reach; e < p.size(); e++) {
            if (p.role(e) != FakeProfile.FILLER) {
                int to = rng.nextInt(reach);
                for (int tries = 0; p.role(to) != FakeProfile.FILLER && tries < 4 * reach; tries++) {
                    to = rng.nextInt(reach);
                }
                p.swap(e, to);
            }
        }
    }

    /** Accounts of this model (0 before they joined). */
    public int accounts() {
        return cursor.length;
    }

    /** Account {@code a}'s profile length. */
    public int profileLength(int a) {
        return profileStart[a + 1] - profileStart[a];
    }

    /** Entry {@code e} of account {@code a}'s profile: item id. */
    public int profileItem(int a, int e) {
        return items[profileStart[a] + e];
    }

    public int profileRating(int a, int e) {
        return ratings[profileStart[a] + e];
    }

    public String profileReview(int a, int e) {
        return reviews == null ? null : reviews[profileStart[a] + e];
    }

    @Override
    public void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch) {
        int r = state.round();
        if (r < start || r >= end) {
            return;
        }
        int a = u - first;
        int from = profileStart[a] + cursor[a];
        int stop = profileStart[a + 1];
        int cap = Math.min(activity, state.slateCapacity());
        int[] slate = scratch.ints(SLATE, cap);
        int[] entry = scratch.ints(SLATE + 1, cap);
        ItemCatalog catalog = world.items();
        int n = 0;
        int e = from;
        for (; e < stop && n < cap; e++) {
            if (catalog.isLive(items[e])) {
                slate[n] = items[e];
                entry[n++] = e;
            }
        }
        cursor[a] = e - profileStart[a];
        if (n == 0) {
            return;
        }
        state.replaceSlate(u, slate, 0, n);
        for (int p = 0; p < n; p++) {
            int stars = ratings[entry[p]];
            state.addClick(u, p, stars >= 4, 0f, stars);
            if (reviews != null && reviews[entry[p]] != null) {
                state.setClickReview(u, p, reviews[entry[p]]);
            }
        }
    }

    @Override
    public void updateInterest(int u, RoundState state, WorkerScratch scratch) {
    }

    /** Fake accounts have no true utility for anything. */
    @Override
    public float utility(int user, int item) {
        return 0f;
    }
}
