package org.receco.analysis.metrics;

import java.util.List;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RoundView;
import org.receco.core.world.Attacks;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.World;

/**
 * What the recommender's own scores say about a shilling attack's targets, over genuine users (Mobasher et al.,
 * ACM TOIT 2007): {@code attack.target.rank}, the mean rank (1 = best) of each target among the live items by
 * the recommender's score, and {@code attack.prediction_shift}, the mean over genuine users and targets of the
 * target's score relative to the user's mean score over the live items, now minus in the round the attack began.
 * Relative, because these are ranking scores, not predicted ratings (a BPR logit, a popularity count): their
 * level drifts as the model retrains, and only a target's standing against the other items moves a ranking. Both recorded from the round the first attack began; they read the running
 * recommender (a scoring pass over every genuine user and live item per round), so live only, asked for by
 * name.
 */
public final class AttackScores implements Observer {
    public static final String RANK = "attack.target.rank";
    public static final String SHIFT = "attack.prediction_shift";
    private static final int BLOCK = 8;

    private final WorkerScratch scratch = new WorkerScratch(0);
    private float[] scores = new float[0];
    /** Scores at the attack's start, by user and target index; null until then. */
    private float[] baseline;
    private int[] targets;

    @Override
    public String name() {
        return "attack.scores";
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        World w = view.world();
        List<Attacks.Attack> attacks = w.attacks().all();
        if (attacks.isEmpty()) {
            return;
        }
        if (targets == null) {
            targets = attacks.stream().flatMapToInt(a -> java.util.Arrays.stream(a.targets())).distinct().sorted()
                    .toArray();
        }
        ItemCatalog items = w.items();
        int n = items.liveCount();
        int users = w.users().count();
        int[] live = new int[targets.length];
        for (int t = 0; t < targets.length; t++) {
            live[t] = items.liveIndexOf(targets[t]);
        }
        boolean first = baseline == null;
        if (first) {
            baseline = new float[users * targets.length];
        }
        if (scores.length < BLOCK * n) {
            scores = new float[BLOCK * n];
        }
        Recommender rec = view.recommender();
        double rankSum = 0;
        double shiftSum = 0;
        long count = 0;
        for (int b = 0; b < users; b += BLOCK) {
            int e = Math.min(users, b + BLOCK);
            rec.score(b, e, scores, n, scratch);
            for (int u = b; u < e; u++) {
                if (w.populations().isFake(w.users().population(u))) {
                    continue;
                }
                int off = (u - b) * n;
                double mean = 0;
                for (int j = 0; j < n; j++) {
                    mean += scores[off + j];
                }
                mean /= Math.max(1, n);
                for (int t = 0; t < targets.length; t++) {
                    if (live[t] < 0) {
                        continue;
                    }
                    float s = scores[off + live[t]];
                    float rel = (float) (s - mean);
                    int above = 0;
                    for (int j = 0; j < n; j++) {
                        above += scores[off + j] > s ? 1 : 0;
                    }
                    rankSum += above + 1;
                    int k = u * targets.length + t;
                    if (first) {
                        baseline[k] = rel;
                    } else if (k < baseline.length) {
                        shiftSum += rel - baseline[k];
                    }
                    count++;
                }
            }
        }
        if (count > 0) {
            out.record(RANK, rankSum / count);
            out.record(SHIFT, shiftSum / count);
        }
    }
}
