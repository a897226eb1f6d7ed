package org.receco.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.core.round.RoundState;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.testkit.PopulationJoins;
import org.receco.core.testkit.TinyWiring;
import org.receco.core.testkit.UsersJoin;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.Populations;

/** The kernel's round flow: populations joining mid-run, and events landing in their own round. */
class RecEcoModelTest {

    /**
     * Every click a user holds after CHOOSE is on that user's own slate, at the position it names, in the order
     * the user made it: a click spilled into a neighbour's slots would name an item not on the neighbour's slate
     * (or a position out of order). Also checks that each population keeps to its own click budget.
     */
    private static final class ClickAudit implements Observer {
        int roundsChecked;
        long attackClicks;

        @Override
        public String name() {
            return "click-audit";
        }

        @Override
        public void observe(RoundView view, MetricRecorder out) {
            RoundState s = view.state();
            for (int u = 0; u < s.users(); u++) {
                int n = s.clickCount(u);
                int population = view.world().users().population(u);
                int limit = population == 0 ? TinyWiring.MAX_CLICKS : 5;
                assertTrue(n <= limit, "round " + view.round() + " user " + u + ": " + n + " clicks");
                int last = -1;
                for (int c = 0; c < n; c++) {
                    int pos = s.clickPosition(u, c);
                    assertTrue(pos > last && pos < s.slateLength(u), "user " + u + " click " + c + " at " + pos);
                    assertEquals(s.slateItem(u, pos), s.clickItem(u, c), "user " + u + " click " + c);
                    last = pos;
                }
                if (population == 1) {
                    attackClicks += n;
                }
            }
            roundsChecked++;
        }
    }

    @Test
    void aPopulationJoiningWithMoreClicksPerRoundOverwritesNoOtherUsersClicks() {
        ClickAudit audit = new ClickAudit();
        // The attack population joins at round 2 and clicks all 5 slate positions (the others click at most 2);
        // ordinary users join after it at round 3, so attackers sit between ordinary users in the state.
        TinyWiring w = new TinyWiring(5, 6, 12, 2)
                .withEvent(new PopulationJoins(2, "attack", 4, 5))
                .withEvent(new UsersJoin(3, 6))
                .withObservers(() -> List.of(audit));
        RecEcoModel model = new RecEcoModel(w);
        model.start();
        model.runToEnd();
        assertEquals(6, audit.roundsChecked);
        assertEquals(4L * 5 * 4, audit.attackClicks, "4 attackers x 5 clicks x rounds 2..5");
        assertEquals(5, model.state().clickCapacity());
        Populations p = model.world().populations();
        assertEquals(List.of("users", "attack"), p.names());
        assertEquals(2, p.get(1).joinedRound());
        assertEquals("greedy", p.get(1).model());
        int[] count = new int[2];
        for (int u = 0; u < model.world().users().count(); u++) {
            count[model.world().users().population(u)]++;
        }
        assertEquals(18, count[0]);
        assertEquals(4, count[1]);
        model.finish();
    }

    @Test
    void aModelClickingMoreThanItDeclaresIsAClearError() {
        TinyWiring w = new TinyWiring(5, 4, 8, 1).withEvent(new PopulationJoins(1, "liar", 2, 3, 1));
        RecEcoModel model = new RecEcoModel(w);
        model.start();
        IllegalStateException e = assertThrows(IllegalStateException.class, model::runToEnd);
        String m = e.getMessage();
        assertTrue(m.contains("round 1") && m.contains("user 8") && m.contains("population 1 'liar'")
                && m.contains("maxClicks() = 1") && m.contains("capacity 2"), m);
        model.finish();
    }

    @Test
    void aModelClickingBeyondTheCapacityIsAClearErrorNotAnOverwrite() {
        TinyWiring w = new TinyWiring(5, 4, 8, 1).withEvent(new PopulationJoins(1, "liar", 2, 4, 1));
        RecEcoModel model = new RecEcoModel(w);
        model.start();
        IllegalStateException e = assertThrows(IllegalStateException.class, model::runToEnd);
        assertTrue(e.getMessage().contains("population 1 'liar'") && e.getMessage().contains("more than 2 items"),
                e.getMessage());
        assertTrue(e.getCause() instanceof RoundState.ClickOverflowException, String.valueOf(e.getCause()));
        model.finish();
    }

    /** Test event: user 0 clicks (and likes) item 0 at the start of its round, as an injected user would. */
    private record FeedbackAtStart(int round) implements ScenarioEvent {
        @Override
        public String type() {
            return "feedback";
        }

        @Override
        public String describe() {
            return "user 0 likes item 0";
        }

        @Override
        public void apply(RecEcoModel model) {
            assertEquals(round, model.round(), "the round is open when its events run");
            model.world().feedback().add(0, 0, model.round(), true);
        }
    }

    @Test
    void feedbackAnEventAddsIsFiledUnderTheEventsRound() {
        TinyWiring w = new TinyWiring(5, 5, 6, 1).withEvent(new FeedbackAtStart(3));
        RecEcoModel model = new RecEcoModel(w);
        model.start();
        model.runToEnd();
        FeedbackLog log = model.world().feedback();
        int found = 0;
        for (int r = 0; r < log.rounds(); r++) {
            for (int k = log.roundStart(r); k < log.roundEnd(r); k++) {
                assertEquals(log.round(k), r, "entry " + k + " is filed under round " + r);
                if (log.round(k) == 3 && log.user(k) == 0 && log.item(k) == 0 && k == log.roundStart(3)) {
                    found++;
                }
            }
        }
        assertEquals(1, found, "the event's entry opens round 3's range");
        model.finish();
    }
}
