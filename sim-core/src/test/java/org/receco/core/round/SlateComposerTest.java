package org.receco.core.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.receco.core.config.SlateSpec;
import org.receco.core.rng.RandomStreams;
import org.receco.core.world.AuthorStore;
import org.receco.core.world.ItemStats;
import org.receco.core.world.ItemStore;

class SlateComposerTest {
    private static final int D = 2;

    private static ItemStore items(int old, int fresh, int round) {
        ItemStore items = new ItemStore(D, 4);
        float[] v = {1, 0};
        for (int i = 0; i < old; i++) {
            items.add(v, 0, i % 3, round - 1, 0f, 0);
        }
        for (int i = 0; i < fresh; i++) {
            items.add(v, 0, i % 3, round, 0f, 0);
        }
        items.rebuildLive();
        return items;
    }

    private static AuthorStore authors() {
        AuthorStore a = new AuthorStore(D, 3);
        for (int i = 0; i < 3; i++) {
            a.add(new float[] {1, 0}, 0, 0, 0);
        }
        return a;
    }

    private static float[] descendingScores(int n) {
        float[] s = new float[n];
        for (int j = 0; j < n; j++) {
            s[j] = n - j; // live item 0 is the best
        }
        return s;
    }

    @Test
    void fillsChannelsInOrderWithoutDuplicatesFromLiveItemsOnly() {
        ItemStore items = items(30, 10, 1);
        ItemStats stats = new ItemStats();
        stats.ensure(items.count());
        stats.click(35, true);
        stats.click(35, true);
        stats.click(20, true);
        SlateSpec spec = new SlateSpec(10, 5, 3, 2, 0, 1, 10, 2);
        SlateComposer c = new SlateComposer(spec, new RandomStreams(1));
        RoundState state = new RoundState(10, 1);
        state.begin(1, 1);
        c.beginRound(1, 1, items, stats, authors());
        c.compose(0, descendingScores(items.liveCount()), 0, state, new WorkerScratch(0));
        assertEquals(10, state.slateLength(0));
        Set<Integer> seen = new HashSet<>();
        for (int p = 0; p < 10; p++) {
            int item = state.slateItem(0, p);
            assertTrue(seen.add(item), "duplicate " + item);
            assertTrue(items.isLive(item));
        }
        assertEquals(35, state.slateItem(0, 0)); // hot: most liked first
        assertEquals(20, state.slateItem(0, 1));
        assertEquals(RoundState.HOT, state.channels()[0]);
        assertEquals(0, state.slateItem(0, 2)); // match: best score
        assertEquals(RoundState.MATCH, state.channels()[2]);
        for (int p = 7; p < 10; p++) {
            assertEquals(RoundState.COLD_START, state.channels()[p]);
            assertEquals(1, items.createdRound(state.slateItem(0, p)), "cold-start items are this round's");
        }
    }

    @Test
    void neverShowsClickedItemsAndPushesShownItemsToTheBack() {
        ItemStore items = items(20, 0, 1);
        ItemStats stats = new ItemStats();
        stats.ensure(items.count());
        SlateSpec spec = SlateSpec.matchOnly(5, 3);
        SlateComposer c = new SlateComposer(spec, new RandomStreams(1));
        RoundState state = new RoundState(5, 2);
        WorkerScratch s = new WorkerScratch(0);
        // Round 1: the top five are shown; the user clicks item 0.
        state.begin(1, 1);
        c.beginRound(1, 1, items, stats, authors());
        c.compose(0, descendingScores(20), 0, state, s);
        state.addClick(0, 0, true, 1f);
        c.remember(0, state);
        assertTrue(c.hasConsumed(0, 0));
        // Round 2, same scores: item 0 never again; items 1..4 (shown) come after 5..9.
        state.begin(2, 1);
        c.beginRound(2, 1, items, stats, authors());
        c.compose(0, descendingScores(20), 0, state, s);
        for (int p = 0; p < 5; p++) {
            assertEquals(5 + p, state.slateItem(0, p));
        }
    }

    @Test
    void retiredItemsAreNeverShownAndShortLiveSetsGiveShortSlates() {
        ItemStore items = items(3, 2, 2);
        items.retireCreatedBefore(2); // the three old ones retire
        items.rebuildLive();
        ItemStats stats = new ItemStats();
        stats.ensure(items.count());
        SlateComposer c = new SlateComposer(SlateSpec.matchOnly(4, 1), new RandomStreams(1));
        RoundState state = new RoundState(4, 1);
        state.begin(2, 1);
        c.beginRound(2, 1, items, stats, authors());
        c.compose(0, descendingScores(items.liveCount()), 0, state, new WorkerScratch(0));
        assertEquals(2, state.slateLength(0));
        for (int p = 0; p < 2; p++) {
            assertFalse(state.slateItem(0, p) < 3, "retired item shown");
        }
    }
}
