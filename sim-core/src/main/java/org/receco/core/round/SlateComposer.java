package org.receco.core.round;

import java.util.Arrays;
import org.receco.core.config.SlateSpec;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.util.IntList;
import org.receco.core.world.AuthorStore;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;

/**
 * Composes each user's slate from the recommender's scores and SimuLine's other channels, in SimuLine's order
 * (Zhang et al., "Simulating News Recommendation Ecosystems", TCSS 2024): hot → match → cold-start →
 * promote. Guarantees: no item twice in a slate, never an item the user already clicked, only live items;
 * items shown in the last {@code exposureMemory} rounds go to the back of the match ranking. When a channel
 * lacks candidates its places are filled from the rest of the match ranking. With {@code repeats: allow}
 * consumed items are eligible again (T-RECS); the match channel may be re-ranked ({@link SlateReranker}) and
 * some of its places given to random live items ({@link SlateExploration}), both strategies chosen by the spec.
 *
 * <p>Per-user work runs concurrently; each worker marks items with stamps in its scratch arrays (indexed by
 * live position), so nothing is cleared or allocated per user. User history (recent slates, clicked items)
 * lives here in flat arrays.
 */
public final class SlateComposer {
    // Kernel int slots of WorkerScratch (all below FIRST_FREE).
    private static final int MARK_CONSUMED = 0, MARK_EXPOSED = 1, MARK_IN_SLATE = 2, RANKED = 3, TOUCHED = 4,
            EXPLORE_PLACES = 5, EXPLORE_ITEMS = 6;
    private static final float EXPOSED_SCORE = -Float.MAX_VALUE;

    private final SlateSpec spec;
    private final int memory;
    private final int k;
    private final long slateSeed;
    private final long promoteSeed;
    private final boolean repeats;
    private final SlateExploration exploration;
    private final SlateReranker reranker;
    private final int rerankCandidates;

    // Recent slates: user u, memory slot m: items at ((u*memory + m) * k), count in exposedLen[u*memory + m].
    private int[] exposed = new int[0];
    private int[] exposedLen = new int[0];
    // Clicked items per user (live ones; retired ones are dropped lazily).
    private int[][] consumed = new int[0][];
    private int[] consumedLen = new int[0];
    private int capacity;

    private int round;
    private ItemCatalog catalog;
    private final IntList hot = new IntList();
    private final IntList promoted = new IntList();
    private int[] promotedAuthors = new int[0];
    private int firstNew;

    public SlateComposer(SlateSpec spec, RandomStreams streams) {
        this.spec = spec;
        this.memory = spec.exposureMemory();
        this.k = spec.size();
        this.slateSeed = streams.streamSeed("slate.compose");
        this.promoteSeed = streams.streamSeed("slate.promote");
        this.repeats = spec.repeats() == SlateSpec.Repeats.allow;
        this.exploration = SlateExploration.of(spec.explore());
        this.reranker = SlateReranker.of(spec.rerank());
        this.rerankCandidates = SlateReranker.candidates(spec.rerank());
    }

    public SlateSpec spec() {
        return spec;
    }

    private void ensureUsers(int n) {
        if (n <= capacity) {
            return;
        }
        int c = Math.max(n, capacity * 3 / 2);
        exposed = Arrays.copyOf(exposed, c * memory * k);
        exposedLen = Arrays.copyOf(exposedLen, c * memory);
        consumed = Arrays.copyOf(consumed, c);
        consumedLen = Arrays.copyOf(consumedLen, c);
        for (int u = capacity; u < c; u++) {
            consumed[u] = new int[8];
        }
        capacity = c;
    }

    /**
     * Prepares the round's shared candidate lists (single-threaded): the hot ranking, the promoted authors'
     * live items and where this round's new items start.
     */
    public void beginRound(int r, int userCount, ItemCatalog items, ItemStats stats, AuthorStore authors) {
        ensureUsers(userCount);
        round = r;
        catalog = items;
        int n = items.liveCount();
        firstNew = n;
        while (firstNew > 0 && items.createdRound(items.liveItem(firstNew - 1)) >= r) {
            firstNew--;
        }
        hot.clear();
        if (spec.hot() > 0 && n > 0) {
            // Enough of the most-liked items to fill the channel even after skipping what a user has seen.
            int want = Math.min(n, spec.hot() + memory * k + 16);
            float[] likes = new float[n];
            for (int j = 0; j < n; j++) {
                int l = stats.likes(items.liveItem(j));
                likes[j] = l > 0 ? l : Float.NEGATIVE_INFINITY;
            }
            int[] top = new int[want];
            int got = new org.receco.core.util.TopK(want).select(likes, 0, n, want, Float.NEGATIVE_INFINITY, top);
            for (int j = 0; j < got; j++) {
                hot.add(top[j]);
            }
        }
        promoted.clear();
        if (spec.promote() > 0 && authors.count() > 0) {
            if (promotedAuthors.length == 0 || r % spec.promoteRedrawEvery() == 0) {
                SplitMix rng = new SplitMix(RandomStreams.seed(promoteSeed, r, 0));
                int m = Math.min(spec.promoteAuthors(), authors.count());
                int[] all = new int[authors.count()];
                for (int a = 0; a < all.length; a++) {
                    all[a] = a;
                }
                for (int a = 0; a < m; a++) { // partial Fisher–Yates
                    int j = a + rng.nextInt(all.length - a);
                    int t = all[a];
                    all[a] = all[j];
                    all[j] = t;
                }
                promotedAuthors = Arrays.copyOf(all, m);
                Arrays.sort(promotedAuthors);
            }
            for (int j = 0; j < n; j++) {
                if (Arrays.binarySearch(promotedAuthors, items.author(items.liveItem(j))) >= 0) {
                    promoted.add(j);
                }
            }
        }
    }

    /** The authors currently promoted (sorted). */
    public int[] promotedAuthors() {
        return promotedAuthors.clone();
    }

    /**
     * Composes user {@code u}'s slate into {@code state} from its match scores at
     * {@code scores[off .. off + liveCount)} (the row is overwritten).
     */
    public void compose(int u, float[] scores, int off, RoundState state, WorkerScratch s) {
        int n = catalog.liveCount();
        int[] consumedMark = s.ints(MARK_CONSUMED, n);
        int[] exposedMark = s.ints(MARK_EXPOSED, n);
        int[] inSlate = s.ints(MARK_IN_SLATE, n);
        int stamp = s.nextStamp();
        // Live positions of the user's remembered clicks and recent slates, also collected in 'touched' so
        // that only those scores need editing below (the work is O(history), not O(live items)).
        int[] touched = s.ints(TOUCHED, historySize(u));
        int nTouched = markHistory(u, stamp, consumedMark, exposedMark, touched);
        SplitMix rng = s.rng();
        rng.reseed(RandomStreams.seed(slateSeed, round, u));

        int[] slate = state.slates();
        byte[] channel = state.channels();
        int base = u * state.slateCapacity();
        int len = 0;

        // 1. hot: most liked live items this user has neither clicked nor been shown recently.
        int hotWanted = spec.hot();
        for (int h = 0; h < hot.size() && len < hotWanted; h++) {
            int j = hot.get(h);
            if (consumedMark[j] != stamp && exposedMark[j] != stamp && inSlate[j] != stamp) {
                inSlate[j] = stamp;
                scores[off + j] = Float.NEGATIVE_INFINITY;
                slate[base + len] = catalog.liveItem(j);
                channel[base + len++] = RoundState.HOT;
            }
        }

        // 2. match: the recommender's ranking; clicked items excluded, recently shown ones pushed back.
        for (int t = 0; t < nTouched; t++) {
            int j = touched[t];
            scores[off + j] = consumedMark[j] == stamp ? Float.NEGATIVE_INFINITY : EXPOSED_SCORE;
        }
        int rankedWanted = Math.min(n, Math.max(k - len + spec.coldStart() + spec.promote(), rerankCandidates));
        int[] ranked = s.ints(RANKED, Math.max(1, rankedWanted));
        int rankedCount = s.topK().select(scores, off, n, rankedWanted, Float.NEGATIVE_INFINITY, ranked);
        reranker.rerank(scores, off, ranked, rankedCount, spec.match(), catalog, s);
        int r = 0;
        int matchStart = len;
        int matchEnd = len + spec.match();
        for (; r < rankedCount && len < matchEnd; r++) {
            int j = ranked[r];
            inSlate[j] = stamp;
            slate[base + len] = catalog.liveItem(j);
            channel[base + len++] = RoundState.MATCH;
        }
        explore(matchStart, len, n, stamp, consumedMark, exposedMark, inSlate, rng, slate, channel, base, s);

        // 3. cold-start: random items published this round.
        len = sample(firstNew, n, null, spec.coldStart(), RoundState.COLD_START, stamp, consumedMark, exposedMark,
                inSlate, rng, slate, channel, base, len);

        // 4. promote: random live items by the promoted authors.
        if (spec.promote() > 0) {
            len = sample(0, promoted.size(), promoted.raw(), spec.promote(), RoundState.PROMOTE, stamp,
                    consumedMark, exposedMark, inSlate, rng, slate, channel, base, len);
        }

        // 5. places a channel could not fill go to the rest of the match ranking.
        for (; r < rankedCount && len < k; r++) {
            int j = ranked[r];
            if (inSlate[j] != stamp) {
                inSlate[j] = stamp;
                slate[base + len] = catalog.liveItem(j);
                channel[base + len++] = RoundState.MATCH;
            }
        }
        state.setSlateLength(u, len);
    }

    /**
     * Gives the places of {@code [from, to)} (the match channel) that the exploration policy marks to random
     * eligible live items; the ranked items they displace are the lowest-ranked of the channel.
     */
    private void explore(int from, int to, int n, int stamp, int[] consumedMark, int[] exposedMark, int[] inSlate,
                         SplitMix rng, int[] slate, byte[] channel, int base, WorkerScratch s) {
        int places = to - from;
        if (exploration == SlateExploration.NONE || places == 0) {
            return;
        }
        int[] marked = s.ints(EXPLORE_PLACES, places);
        int want = exploration.choose(places, rng, marked, stamp);
        if (want == 0) {
            return;
        }
        int[] picks = s.ints(EXPLORE_ITEMS, want);
        int got = 0;
        for (int t = 0, attempts = 8 * want + 32; t < attempts && got < want; t++) {
            int j = rng.nextInt(n);
            if (consumedMark[j] != stamp && exposedMark[j] != stamp && inSlate[j] != stamp) {
                inSlate[j] = stamp;
                picks[got++] = j;
            }
        }
        for (int q = 0, start = rng.nextInt(n); q < n && got < want; q++) {
            int j = (start + q) % n;
            if (consumedMark[j] != stamp && exposedMark[j] != stamp && inSlate[j] != stamp) {
                inSlate[j] = stamp;
                picks[got++] = j;
            }
        }
        // Only as many random places as random items were found; the later marks revert to the ranking.
        int seen = 0;
        for (int p = 0; p < places; p++) {
            if (marked[p] == stamp && ++seen > got) {
                marked[p] = 0;
            }
        }
        // The displaced ranked items leave the slate (and may fill later channels' gaps again).
        for (int q = places - got; q < places; q++) {
            inSlate[catalog.liveIndexOf(slate[base + from + q])] = 0;
        }
        // Fill backwards: kept ranked item number `kept` always sits at or before its new place.
        int kept = places - got;
        int rnd = got;
        for (int p = places - 1; p >= 0; p--) {
            if (marked[p] == stamp) {
                slate[base + from + p] = catalog.liveItem(picks[--rnd]);
                channel[base + from + p] = RoundState.EXPLORE;
            } else {
                slate[base + from + p] = slate[base + from + --kept];
                channel[base + from + p] = RoundState.MATCH;
            }
        }
    }

    /**
     * Draws up to {@code want} distinct eligible candidates from positions {@code [from, to)} of
     * {@code pool} (or of the live set itself when pool is null), by rejection, then a scan.
     */
    private int sample(int from, int to, int[] pool, int want, byte ch, int stamp, int[] consumedMark,
                       int[] exposedMark, int[] inSlate, SplitMix rng, int[] slate, byte[] channel, int base,
                       int len) {
        int size = to - from;
        if (want <= 0 || size <= 0) {
            return len;
        }
        int got = 0;
        int attempts = 8 * want + 32;
        for (int t = 0; t < attempts && got < want; t++) {
            int p = from + rng.nextInt(size);
            int j = pool == null ? p : pool[p];
            if (consumedMark[j] != stamp && exposedMark[j] != stamp && inSlate[j] != stamp) {
                inSlate[j] = stamp;
                slate[base + len] = catalog.liveItem(j);
                channel[base + len++] = ch;
                got++;
            }
        }
        if (got < want) {
            int start = rng.nextInt(size);
            for (int q = 0; q < size && got < want; q++) {
                int p = from + (start + q) % size;
                int j = pool == null ? p : pool[p];
                if (consumedMark[j] != stamp && exposedMark[j] != stamp && inSlate[j] != stamp) {
                    inSlate[j] = stamp;
                    slate[base + len] = catalog.liveItem(j);
                    channel[base + len++] = ch;
                    got++;
                }
            }
        }
        return len;
    }

    private int historySize(int u) {
        int n = consumedLen[u];
        for (int m = 0; m < memory; m++) {
            n += exposedLen[u * memory + m];
        }
        return Math.max(1, n);
    }

    /** Marks the user's live clicked and recently shown items; lists their live positions in {@code touched}. */
    private int markHistory(int u, int stamp, int[] consumedMark, int[] exposedMark, int[] touched) {
        int t = 0;
        int[] c = consumed[u];
        int w = 0;
        for (int q = 0; q < consumedLen[u]; q++) {
            int j = catalog.liveIndexOf(c[q]);
            if (j >= 0) {
                consumedMark[j] = stamp;
                touched[t++] = j;
                c[w++] = c[q];
            }
        }
        consumedLen[u] = w; // retired items can never be shown again: forget them
        for (int m = 0; m < memory; m++) {
            int slot = u * memory + m;
            int off = slot * k;
            for (int q = 0; q < exposedLen[slot]; q++) {
                int j = catalog.liveIndexOf(exposed[off + q]);
                if (j >= 0 && exposedMark[j] != stamp) {
                    exposedMark[j] = stamp;
                    touched[t++] = j;
                }
            }
        }
        return t;
    }

    /** Remembers user {@code u}'s slate and clicks of this round. Concurrent calls for distinct users only. */
    public void remember(int u, RoundState state) {
        if (memory > 0) {
            int slot = u * memory + (round % memory);
            int len = state.slateLength(u);
            System.arraycopy(state.slates(), u * state.slateCapacity(), exposed, slot * k, len);
            exposedLen[slot] = len;
        }
        if (repeats) {
            return; // consumed items stay eligible: nothing to remember
        }
        int clicks = state.clickCount(u);
        int[] c = consumed[u];
        if (consumedLen[u] + clicks > c.length) {
            c = Arrays.copyOf(c, Math.max(c.length * 2, consumedLen[u] + clicks));
            consumed[u] = c;
        }
        for (int q = 0; q < clicks; q++) {
            c[consumedLen[u]++] = state.clickItem(u, q);
        }
    }

    /** True if user {@code u} clicked {@code item} in a round still remembered (items still live). */
    public boolean hasConsumed(int u, int item) {
        for (int q = 0; q < consumedLen[u]; q++) {
            if (consumed[u][q] == item) {
                return true;
            }
        }
        return false;
    }
}
