package org.receco.agents.events;

import java.util.Arrays;
import java.util.List;
import org.receco.core.RecEcoModel;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.util.Vec;
import org.receco.core.world.AuthorStore;
import org.receco.core.world.ItemStore;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

/**
 * Breaking news: an exogenous burst of {@code items} items on one topic, with high initial quality, published
 * at the start of a round by chosen authors — the interrupt that SimuLine (Zhang et al., TCSS 2024) names but
 * leaves as an empty stub. Item vectors are drawn from N(topic centre, spread² I); authors are the given ids,
 * or the {@code authorCount} authors whose vectors are closest (cosine) to the topic centre, taking turns.
 */
public final class BreakingNews implements ScenarioEvent {
    private final int round;
    private final int topic;
    private final int items;
    private final double quality;
    private final double spread;
    private final int authorCount;
    private final List<Integer> authorIds;
    private int[] lastItems = new int[0];

    public BreakingNews(int round, int topic, int items, double quality, double spread, int authorCount,
                        List<Integer> authorIds) {
        this.round = round;
        this.topic = topic;
        this.items = items;
        this.quality = quality;
        this.spread = spread;
        this.authorCount = authorCount;
        this.authorIds = List.copyOf(authorIds);
    }

    @Override
    public int round() {
        return round;
    }

    @Override
    public String type() {
        return "breaking-news";
    }

    @Override
    public String describe() {
        return "breaking news: " + items + " items on topic " + topic + " with quality " + quality;
    }

    /** Ids of the items the latest application published. */
    public int[] publishedItems() {
        return lastItems.clone();
    }

    @Override
    public void apply(RecEcoModel model) {
        World world = model.world();
        LatentSpace space = world.space();
        if (topic >= space.topics()) {
            throw new IllegalArgumentException("breaking news topic " + topic + " does not exist (topics: "
                    + space.topics() + ")");
        }
        int[] authors = chooseAuthors(world.authors(), space);
        if (authors.length == 0) {
            throw new IllegalStateException("breaking news needs at least one author");
        }
        SplitMix rng = model.streams().stream("event.breaking-news." + round + "." + topic);
        int d = space.dims();
        float[] vec = new float[d];
        ItemStore store = world.items();
        lastItems = new int[items];
        for (int q = 0; q < items; q++) {
            for (int k = 0; k < d; k++) {
                vec[k] = (float) (space.centre(topic, k) + spread * rng.nextGaussian());
            }
            lastItems[q] = store.add(vec, 0, authors[q % authors.length], round, (float) quality,
                    space.nearestTopic(vec, 0));
        }
    }

    private int[] chooseAuthors(AuthorStore authors, LatentSpace space) {
        if (!authorIds.isEmpty()) {
            int[] ids = authorIds.stream().mapToInt(Integer::intValue).toArray();
            for (int a : ids) {
                if (a < 0 || a >= authors.count()) {
                    throw new IllegalArgumentException("breaking news author id " + a + " does not exist (authors: "
                            + authors.count() + ")");
                }
            }
            return ids;
        }
        int n = authors.count();
        int d = space.dims();
        float[] centre = new float[d];
        space.copyCentre(topic, centre, 0);
        Integer[] order = new Integer[n];
        float[] cos = new float[n];
        for (int a = 0; a < n; a++) {
            order[a] = a;
            cos[a] = Vec.cosine(authors.vectors(), a * d, centre, 0, d);
        }
        Arrays.sort(order, (x, y) -> cos[x] != cos[y] ? Float.compare(cos[y], cos[x]) : Integer.compare(x, y));
        int m = Math.min(n, authorCount);
        int[] out = new int[m];
        for (int q = 0; q < m; q++) {
            out[q] = order[q];
        }
        return out;
    }
}
