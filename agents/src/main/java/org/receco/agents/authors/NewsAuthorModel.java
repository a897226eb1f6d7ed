package org.receco.agents.authors;

import java.util.Arrays;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.ComponentFactory;
import org.receco.core.world.AuthorStore;
import org.receco.core.world.ItemStats;
import org.receco.core.world.ItemStore;
import org.receco.core.world.World;

/**
 * SimuLine's news author (creator) model (Zhang et al., "Simulating News Recommendation Ecosystems", TCSS
 * 2024).
 *
 * <ul>
 *   <li>Topic choice: pick one of the author's recent items with probability softmax(concentration · likes);
 *       with none yet (first round, or after a silence), write near the author's own vector.</li>
 *   <li>The new item's vector ~ N(picked vector, (concentration · δ_author)² I).</li>
 *   <li>Its quality = ln(1 + the author's likes over the last {@code recentRounds} rounds): authors who are
 *       liked write better (SimuLine's quality feedback loop).</li>
 * </ul>
 */
public final class NewsAuthorModel implements AuthorModel {
    public static final ComponentFactory<NewsAuthorParams, AuthorModel> FACTORY = ComponentFactory.of("news",
            "SimuLine news authors: write near recently liked items; quality = ln(1 + recent likes)",
            NewsAuthorParams.class, NewsAuthorParams.defaults(), params -> new NewsAuthorModel(params));

    private final NewsAuthorParams params;
    private final int recentCap;
    private World world;
    private float[] concentration = new float[0];
    // Recent items per author: ring of recentCap ids at a*recentCap; recentCount[a] valid entries.
    private int[] recent = new int[0];
    private int[] recentCount = new int[0];
    private int[] recentNext = new int[0];
    // Likes per author per round, ring of recentRounds slots at a*recentRounds.
    private int[] likesRing = new int[0];
    private int capacity;
    private int lastRound = -1;
    private float[] vec = new float[0];
    private double[] weights = new double[0];

    public NewsAuthorModel(NewsAuthorParams params) {
        this.params = params;
        this.recentCap = Math.max(1, params.itemsPerRound() * params.recentRounds());
    }

    @Override
    public void init(World w) {
        this.world = w;
        this.vec = new float[w.dims()];
        this.weights = new double[recentCap];
    }

    @Override
    public void onAuthorsAdded(int from, int to, SplitMix rng) {
        if (to > capacity) {
            int c = Math.max(to, capacity * 3 / 2);
            concentration = Arrays.copyOf(concentration, c);
            recent = Arrays.copyOf(recent, c * recentCap);
            recentCount = Arrays.copyOf(recentCount, c);
            recentNext = Arrays.copyOf(recentNext, c);
            likesRing = Arrays.copyOf(likesRing, c * params.recentRounds());
            capacity = c;
        }
        for (int a = from; a < to; a++) {
            concentration[a] = (float) params.concentration().sample(rng);
        }
    }

    public float concentration(int a) {
        return concentration[a];
    }

    /** Likes the author's items earned over the last {@code recentRounds} rounds. */
    public int recentLikes(int a) {
        int s = 0;
        int r = params.recentRounds();
        for (int k = 0; k < r; k++) {
            s += likesRing[a * r + k];
        }
        return s;
    }

    @Override
    public void publish(int a, int round, SplitMix rng) {
        if (round != lastRound) {
            startRound(round);
        }
        ItemStore items = world.items();
        AuthorStore authors = world.authors();
        ItemStats stats = world.stats();
        int d = world.dims();
        float conc = concentration[a];
        double sd = conc * params.itemSpread();
        float quality = (float) Math.log(1 + recentLikes(a));
        int n = recentCount[a];
        for (int q = 0; q < params.itemsPerRound(); q++) {
            float[] src;
            int srcOff;
            if (n == 0) {
                src = authors.vectors();
                srcOff = a * d;
            } else {
                int pick = pickRecent(a, n, conc, stats, rng);
                src = items.vectors();
                srcOff = pick * d;
            }
            for (int k = 0; k < d; k++) {
                vec[k] = (float) (src[srcOff + k] + sd * rng.nextGaussian());
            }
            int id = items.add(vec, 0, a, round, quality, world.space().nearestTopic(vec, 0));
            remember(a, id);
        }
    }

    /** softmax(concentration · likes) over the author's recent items; returns an item id. */
    private int pickRecent(int a, int n, float conc, ItemStats stats, SplitMix rng) {
        int base = a * recentCap;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, conc * (double) stats.likes(recent[base + j]));
        }
        double total = 0;
        for (int j = 0; j < n; j++) {
            weights[j] = Math.exp(conc * (double) stats.likes(recent[base + j]) - max);
            total += weights[j];
        }
        double x = rng.nextDouble() * total;
        for (int j = 0; j < n; j++) {
            x -= weights[j];
            if (x < 0) {
                return recent[base + j];
            }
        }
        return recent[base + n - 1];
    }

    private void remember(int a, int item) {
        int base = a * recentCap;
        recent[base + recentNext[a]] = item;
        recentNext[a] = (recentNext[a] + 1) % recentCap;
        recentCount[a] = Math.min(recentCap, recentCount[a] + 1);
    }

    /** Opens this round's likes slot (forgetting the likes that left the window). */
    private void startRound(int round) {
        lastRound = round;
        int r = params.recentRounds();
        int slot = Math.floorMod(round, r);
        int authors = world.authors().count();
        for (int a = 0; a < authors; a++) {
            likesRing[a * r + slot] = 0;
        }
    }

    @Override
    public void afterRound(RoundState state) {
        int r = params.recentRounds();
        int slot = Math.floorMod(state.round(), r);
        ItemStore items = world.items();
        for (int u = 0; u < state.users(); u++) {
            int clicks = state.clickCount(u);
            for (int c = 0; c < clicks; c++) {
                if (state.clickLiked(u, c)) {
                    int a = items.author(state.clickItem(u, c));
                    if (a < capacity) {
                        likesRing[a * r + slot]++;
                    }
                }
            }
        }
    }
}
