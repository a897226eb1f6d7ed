package org.receco.analysis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.analysis.metrics.AttackCost;
import org.receco.analysis.metrics.TargetExposureShare;
import org.receco.analysis.metrics.TargetHitRatio;
import org.receco.core.world.Attacks;

/** Fake accounts never reach a metric: RoundData leaves them out whatever the population restriction. */
class FakeUsersLeakTest {
    /** Users 0 and 1 genuine, user 2 fake; the fake one is shown and clicks the target, item 3. */
    private static RoundData round(List<String> only) {
        RoundData d = new RoundData(1);
        d.restrictTo(only);
        d.beginRound(0, 3);
        for (int i = 0; i < 4; i++) {
            d.setItem(i, 0, 0, 0, 1f);
        }
        d.setLiveRange(0, 4);
        d.setPopulation(0, "users");
        d.setPopulation(1, "shills");
        d.setUser(0, 0, 0, false);
        d.setUser(1, 0, 0, false);
        d.setUser(2, 0, 1, true);
        d.addAttack(new Attacks.Attack("shills", 1, "bandwagon", 0, 5, new int[] {3}, true));
        d.addImpression(0, 0, (byte) 1);
        d.addImpression(0, 1, (byte) 1);
        d.addImpression(1, 1, (byte) 1);
        d.addImpression(1, 2, (byte) 1);
        d.addImpression(2, 3, (byte) 1);
        d.addClick(0, 0, 0, true, 1f);
        d.addClick(2, 3, 0, true, 0f);
        d.provide(Need.SLATES);
        d.provide(Need.CLICKS);
        d.derive();
        return d;
    }

    @Test
    void fakeAccountsAreInvisibleToEveryCount() {
        for (List<String> only : List.of(List.<String>of(), List.of("users", "shills"))) {
            RoundData d = round(only);
            assertEquals(2, d.users(), "restriction " + only);
            assertEquals(0, d.roundExposures()[3], "the fake account's own view of the target");
            assertEquals(0, d.roundClicks()[3], "the fake account's click on the target");
            assertEquals(1, d.fakeUsers());
            assertEquals(1, d.fakeClicks());
            assertEquals(0.0, new TargetHitRatio(10).compute(d), "no genuine user saw the target");
            assertEquals(0.0, new TargetExposureShare().compute(d));
            assertEquals(1.0 / 3, new AttackCost(AttackCost.Kind.ACCOUNTS).compute(d), 1e-12);
            assertEquals(1.0, new AttackCost(AttackCost.Kind.RATINGS).compute(d));
        }
    }

    @Test
    void withoutFakeUsersNothingIsRestricted() {
        RoundData d = new RoundData(1);
        d.beginRound(0, 2);
        d.setItem(0, 0, 0, 0, 1f);
        d.setLiveRange(0, 1);
        d.setPopulation(0, "users");
        d.setUser(0, 0, 0, false);
        d.setUser(1, 0, 0, false);
        d.addImpression(1, 0, (byte) 1);
        d.provide(Need.SLATES);
        d.derive();
        assertEquals(2, d.users());
        assertEquals(1, d.userId(1));
        assertEquals(1, d.roundExposures()[0]);
        assertEquals(Double.NaN, new TargetHitRatio(10).compute(d), "no attack, no value");
    }
}
