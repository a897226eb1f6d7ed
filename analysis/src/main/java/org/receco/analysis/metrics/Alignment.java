package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;
import org.receco.core.util.Vec;

/**
 * {@code alignment.<shown|click|like>}: mean cos(u, v_i) over all (user, item) pairs of this round's slates,
 * clicks or liked clicks, with u the user's true interests after this round's shift. SimuLine's user–item
 * cosine over exposed / clicked / liked items (Zhang et al., "Simulating News Recommendation Ecosystems for
 * Insights and Implications", IEEE TCSS 2024).
 */
public final class Alignment implements Metric {
    private final Signal signal;

    public Alignment(Signal signal) {
        this.signal = signal;
    }

    @Override
    public String name() {
        return "alignment." + (signal == Signal.EXPOSURE ? "shown" : signal.key);
    }

    @Override
    public String family() {
        return "alignment";
    }

    @Override
    public String definition() {
        return "mean cosine between users' true interests and the items they were "
                + (signal == Signal.EXPOSURE ? "shown" : signal == Signal.CLICK ? "clicked" : "liked") + " this round";
    }

    @Override
    public Set<Need> needs() {
        return signal == Signal.EXPOSURE ? Set.of(Need.SLATES, Need.USER_VECTORS, Need.ITEM_VECTORS)
                : Set.of(Need.CLICKS, Need.USER_VECTORS, Need.ITEM_VECTORS);
    }

    @Override
    public double compute(RoundData d) {
        int dims = d.dims();
        float[] uv = d.userVectors();
        float[] iv = d.itemVectors();
        boolean shown = signal == Signal.EXPOSURE;
        int[] start = shown ? d.slateStart() : d.clickStart();
        int[] items = shown ? d.slateItems() : d.clickItems();
        boolean[] liked = d.clickLiked();
        double sum = 0;
        long n = 0;
        for (int u = 0; u < d.users(); u++) {
            for (int k = start[u]; k < start[u + 1]; k++) {
                if (signal == Signal.LIKE && !liked[k]) {
                    continue;
                }
                sum += Vec.cosine(uv, u * dims, iv, items[k] * dims, dims);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
