package org.receco.agents.attacks;

import java.util.Arrays;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;

/**
 * What a low-knowledge attacker can read when its attack begins, and nothing else: the public item metadata
 * (the catalogue's live items with their topic, author, publication round and content vector) and the public
 * counters (ratings received and mean rating, clicks), from which the global rating statistics and the popular
 * items follow. Not the recommender's model, not the rating matrix, not any user's profile or true preferences
 * (the low-knowledge setting of Lam &amp; Riedl, WWW 2004, Mobasher et al., ACM TOIT 2007, and Gu et al. 2025,
 * Agent4SR). Computed once per attack; the arrays are the attacker's snapshot.
 */
public final class AttackerKnowledge {
    private final ItemCatalog catalog;
    private final ItemStats stats;
    private final int[] live;
    private final int[] byPopularity;
    private final double globalMean;
    private final double globalSd;
    private final int[] targets;
    private final double meanProfileLength;

    /**
     * @param ratingsPerUser public mean number of ratings per genuine user (the platform's visible profile
     *                       length), for the filler size "around the mean genuine profile length"
     */
    public AttackerKnowledge(ItemCatalog catalog, ItemStats stats, int[] targets, double ratingsPerUser) {
        this.catalog = catalog;
        this.stats = stats;
        this.targets = targets.clone();
        this.meanProfileLength = ratingsPerUser;
        int n = catalog.liveCount();
        live = new int[n];
        for (int j = 0; j < n; j++) {
            live[j] = catalog.liveItem(j);
        }
        long count = 0;
        double sum = 0;
        for (int i : live) {
            int c = stats.ratingCount(i);
            if (c > 0) {
                count += c;
                sum += stats.meanRating(i) * c;
            }
        }
        globalMean = count == 0 ? 3.0 : sum / count;
        // The public counters give each item's mean, not its spread: the spread of item means, floored at one
        // star (MovieLens' global rating sd is about 1.0), stands in for the global sd.
        double ss = 0;
        int rated = 0;
        for (int i : live) {
            if (stats.ratingCount(i) > 0) {
                double dev = stats.meanRating(i) - globalMean;
                ss += dev * dev;
                rated++;
            }
        }
        globalSd = Math.max(1.0, rated < 2 ? 1.0 : Math.sqrt(ss / (rated - 1)));
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = live[j];
        }
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(popularity(b), popularity(a));
            return c != 0 ? c : Integer.compare(a, b);
        });
        byPopularity = new int[n];
        for (int j = 0; j < n; j++) {
            byPopularity[j] = order[j];
        }
    }

    /** Public popularity: ratings received, then clicks (a click-only world has no ratings). */
    private int popularity(int item) {
        return stats.ratingCount(item) * 1_000_000 + Math.min(stats.clicks(item), 999_999);
    }

    public ItemCatalog catalog() {
        return catalog;
    }

    public ItemStats stats() {
        return stats;
    }

    public int[] targets() {
        return targets.clone();
    }

    public int targetCount() {
        return targets.length;
    }

    public int target(int k) {
        return targets[k];
    }

    public boolean isTarget(int item) {
        for (int t : targets) {
            if (t == item) {
                return true;
            }
        }
        return false;
    }

    /** Live items at the attack's start, ascending ids. */
    public int liveCount() {
        return live.length;
    }

    public int live(int j) {
        return live[j];
    }

    /** The {@code j}-th most popular live item (0 = most ratings). */
    public int popular(int j) {
        return byPopularity[j];
    }

    /** Mean of all public ratings (3 when nothing is rated yet). */
    public double globalMean() {
        return globalMean;
    }

    /** Spread used for random and average filler ratings (at least one star). */
    public double globalSd() {
        return globalSd;
    }

    /** Item {@code i}'s public mean rating, or the global mean if it has none. */
    public double itemMean(int i) {
        double m = stats.meanRating(i);
        return Double.isNaN(m) ? globalMean : m;
    }

    /** Mean ratings per genuine user, as the public counters show it. */
    public double meanProfileLength() {
        return meanProfileLength;
    }

    /** Cosine of two items' public content vectors. */
    public double similarity(int a, int b) {
        int d = catalog.dims();
        float[] v = catalog.vectors();
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += v[a * d + k] * v[b * d + k];
        }
        double n = (double) catalog.norm(a) * catalog.norm(b);
        return n == 0 ? 0 : dot / n;
    }

    /**
     * {@code k} target items drawn at random from the least popular fifth of the live items (at least {@code k}
     * of them): the unpopular targets of the standard setup (Mobasher et al., ACM TOIT 2007), which a push can
     * move most.
     */
    public static int[] unpopular(ItemCatalog catalog, ItemStats stats, int k, org.receco.core.rng.SplitMix rng) {
        AttackerKnowledge all = new AttackerKnowledge(catalog, stats, new int[0], 0);
        int n = all.liveCount();
        int pool = Math.min(n, Math.max(k, n / 5));
        int[] tail = new int[pool];
        for (int j = 0; j < pool; j++) {
            tail[j] = all.popular(n - 1 - j);
        }
        rng.shuffle(tail, pool);
        int[] out = Arrays.copyOf(tail, Math.min(k, pool));
        Arrays.sort(out);
        return out;
    }
}
