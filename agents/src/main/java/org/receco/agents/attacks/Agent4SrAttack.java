package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;

/**
 * A low-knowledge LLM-style attacker after Gu, Liu, Li et al. 2025, "LLM-Based User Simulation for Low-Knowledge
 * Shilling Attacks on Recommender Systems" (Agent4SR):
 * <ul>
 *   <li><b>Persona</b> aimed at the target's audience from public metadata only: account {@code a} takes target
 *       {@code a mod targets} as its anchor, and its taste is the anchor's content vector.</li>
 *   <li><b>Filler from a hybrid memory</b>: each filler slot is drawn, with probability {@code relevantShare},
 *       from the live items most similar to the anchor (target-relevant) and otherwise from the most recently
 *       published ones (recent).</li>
 *   <li><b>Ratings consistent with the persona</b>: around the item's public mean, raised for items close to the
 *       anchor and lowered for far ones ({@code mean + 0.8 z + N(0, 0.5)}, z = the item's standardised
 *       similarity), targets r_max: plausible profiles rather than extreme ones.</li>
 *   <li><b>Review attack</b>: every rating comes with a review; reviews of unrelated items (similarity below the
 *       median) carry the anchor target's features (its topic, author and id) into them.</li>
 * </ul>
 * Reads: the catalogue's content vectors, topics, authors and publication rounds, and per-item mean ratings.
 * The texts come from a {@link ReviewWriter}: the configured LLM, or the built-in {@link TemplateReviewWriter}.
 */
public final class Agent4SrAttack implements AttackStrategy {
    public static final String NAME = "agent4sr";
    private final double relevantShare;
    private final ReviewWriter writer;

    public Agent4SrAttack(double relevantShare, ReviewWriter writer) {
        this.relevantShare = relevantShare;
        this.writer = writer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "persona aimed at the target's audience, filler from recent + target-relevant memory, "
                + "persona-consistent ratings, reviews carrying the target's features; reads public metadata";
    }

    @Override
    public boolean writesReviews() {
        return true;
    }

    public ReviewWriter writer() {
        return writer;
    }

    @Override
    public void build(AttackerKnowledge k, int account, int selected, int filler, SplitMix rng, FakeProfile out) {
        if (k.targetCount() == 0) {
            return;
        }
        int anchor = k.target(account % k.targetCount());
        for (int t = 0; t < k.targetCount(); t++) {
            out.add(k.target(t), 5, FakeProfile.TARGET);
        }
        int n = k.liveCount();
        double[] sim = new double[n];
        double mean = 0;
        for (int j = 0; j < n; j++) {
            sim[j] = k.similarity(anchor, k.live(j));
            mean += sim[j];
        }
        mean /= Math.max(1, n);
        double var = 0;
        for (int j = 0; j < n; j++) {
            var += (sim[j] - mean) * (sim[j] - mean);
        }
        double sd = Math.sqrt(var / Math.max(1, n - 1));
        double median = median(sim);
        int pool = Math.min(n, Math.max(20, 3 * filler));
        int[] relevant = topBy(k, sim, pool, true);
        int[] recent = topBy(k, sim, pool, false);
        int added = 0;
        for (int tries = 0; added < filler && tries < 20 * filler + 100 && n > 0; tries++) {
            int[] from = rng.nextDouble() < relevantShare ? relevant : recent;
            int item = from[rng.nextInt(from.length)];
            int j = indexOf(k, item);
            double z = sd == 0 || j < 0 ? 0 : (sim[j] - mean) / sd;
            int stars = FakeProfile.stars(k.itemMean(item) + 0.8 * z + 0.5 * rng.nextGaussian());
            if (!k.isTarget(item) && out.add(item, stars, FakeProfile.FILLER)) {
                added++;
            }
        }
        int m = out.size();
        int[] items = new int[m];
        int[] stars = new int[m];
        int[] carry = new int[m];
        for (int e = 0; e < m; e++) {
            items[e] = out.item(e);
            stars[e] = out.rating(e);
            boolean unrelated = out.role(e) != FakeProfile.TARGET && sim[indexOf(k, items[e])] < median;
            carry[e] = unrelated ? anchor : -1;
        }
        String[] texts = writer.reviews(k, account, items, stars, carry, m, rng);
        for (int e = 0; e < m; e++) {
            out.setReview(e, texts[e]);
        }
    }

    /** Position of {@code item} among the attacker's live snapshot (ascending ids, so a binary search). */
    private static int indexOf(AttackerKnowledge k, int item) {
        int lo = 0;
        int hi = k.liveCount() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = k.live(mid);
            if (v < item) {
                lo = mid + 1;
            } else if (v > item) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private static double median(double[] a) {
        if (a.length == 0) {
            return 0;
        }
        double[] s = a.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The {@code m} live items most similar to the anchor ({@code bySimilarity}) or most recently published. */
    private static int[] topBy(AttackerKnowledge k, double[] sim, int m, boolean bySimilarity) {
        Integer[] order = new Integer[k.liveCount()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = bySimilarity ? Double.compare(sim[b], sim[a])
                    : Integer.compare(k.catalog().createdRound(k.live(b)), k.catalog().createdRound(k.live(a)));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[m];
        for (int j = 0; j < m; j++) {
            out[j] = k.live(order[j]);
        }
        return out;
    }
}
