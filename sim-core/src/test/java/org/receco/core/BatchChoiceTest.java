package org.receco.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.core.testkit.BatchChoosersJoin;
import org.receco.core.testkit.TinyWiring;
import org.receco.core.world.FeedbackLog;

/**
 * A population that chooses in batch ({@code UserChoiceModel.chooseBatch}): its decisions land on the right users
 * whatever order they complete in, and nobody else's outcomes depend on its concurrency or the worker count.
 */
class BatchChoiceTest {

    /** The run's feedback log as (round, user, item, liked) rows. */
    private static List<String> play(int workers, int concurrency) {
        TinyWiring w = new TinyWiring(11, 6, 30, workers).withEvent(new BatchChoosersJoin(1, "llm", 8, concurrency));
        RecEcoModel model = new RecEcoModel(w);
        model.start();
        model.runToEnd();
        FeedbackLog log = model.world().feedback();
        List<String> rows = new ArrayList<>();
        int batchClicks = 0;
        for (int k = 0; k < log.size(); k++) {
            int u = log.user(k);
            rows.add(log.round(k) + "," + u + "," + log.item(k) + "," + log.liked(k));
        }
        for (int u = 0; u < model.world().users().count(); u++) {
            if (model.world().users().population(u) == 1) {
                batchClicks++;
            }
        }
        assertEquals(8, batchClicks, "the batch population's users");
        model.finish();
        return rows;
    }

    @Test
    void outcomesDoNotDependOnTheBatchsConcurrencyOrTheWorkers() {
        List<String> base = play(1, 1);
        assertEquals(base, play(1, 8));
        assertEquals(base, play(2, 8));
        assertEquals(base, play(2, 3));
    }

    @Test
    void eachBatchUsersClickIsItsOwnDecision() {
        TinyWiring w = new TinyWiring(11, 5, 30, 2).withEvent(new BatchChoosersJoin(1, "llm", 8, 4));
        RecEcoModel model = new RecEcoModel(w);
        model.start();
        long seed = model.streams().streamSeed("user.choose");
        int checked = 0;
        for (int r = 0; r < 5; r++) {
            model.runUntil(r + 1);
            if (r < 1) {
                continue;
            }
            for (int u = 0; u < model.state().users(); u++) {
                if (model.world().users().population(u) != 1) {
                    continue;
                }
                int pos = BatchChoosersJoin.decision(seed, r, u);
                if (pos < model.state().slateLength(u)) {
                    assertEquals(1, model.state().clickCount(u), "round " + r + " user " + u);
                    assertEquals(pos, model.state().clickPosition(u, 0), "round " + r + " user " + u);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 8 * 3, "checked " + checked);
        model.finish();
    }
}
