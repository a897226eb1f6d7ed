package org.receco.analysis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundDataTest {

    /**
     * Three users: 0 and 2 in population "latent", 1 in "bots". Each sees items (u, u+1) and clicks item u;
     * vectors are (u, -u).
     */
    private static RoundData fill(RoundData d) {
        d.setPopulation(0, "latent");
        d.setPopulation(1, "bots");
        d.beginRound(0, 3);
        for (int i = 0; i < 4; i++) {
            d.setItem(i, 0, 0, 0, 1f);
        }
        d.setLiveRange(0, 4);
        d.setAuthor(0, 0);
        d.setAuthorCount(1);
        int[] population = {0, 1, 0};
        float[] v = d.userVectorBuffer(3);
        for (int u = 0; u < 3; u++) {
            d.setUser(u, 10 + u, population[u]);
            d.addImpression(u, u, (byte) 1);
            d.addImpression(u, u + 1, (byte) 1);
            d.addClick(u, u, 0, true, 0.5f * u);
            v[u * 2] = u;
            v[u * 2 + 1] = -u;
        }
        for (Need n : Need.values()) {
            d.provide(n);
        }
        d.derive();
        return d;
    }

    @Test
    void unrestrictedEveryUserIsSeenUnderItsOwnId() {
        RoundData d = fill(new RoundData(2));
        assertEquals(3, d.users());
        assertEquals(1, d.userPopulation(1));
        assertEquals("bots", d.populationName(1));
        assertEquals(2, d.userId(2));
        assertEquals(2, d.roundExposures()[1], "users 0 and 1 saw item 1");
    }

    @Test
    void restrictedToAPopulationTheIncludedUsersAreDenseAndAloneInTheCounts() {
        RoundData d = new RoundData(2);
        d.restrictTo(List.of("latent"));
        fill(d);
        assertEquals(2, d.users());
        assertEquals(0, d.userId(0));
        assertEquals(2, d.userId(1), "the run's user 2 is the second included user");
        assertEquals(12, d.userTopic(1));
        assertEquals(0, d.userPopulation(1));
        assertEquals(2, d.slateLength(1));
        assertArrayEquals(new int[] {2, 3}, new int[] {d.slateItems()[d.slateStart()[1]],
                d.slateItems()[d.slateStart()[1] + 1]});
        assertEquals(1, d.clickCount(1));
        assertEquals(2, d.clickItems()[d.clickStart()[1]]);
        assertEquals(1.0f, d.clickUtilities()[d.clickStart()[1]]);
        assertEquals(2f, d.userVectors()[2]);
        assertEquals(-2f, d.userVectors()[3]);
        assertEquals(1, d.roundExposures()[1], "the bot's exposure to item 1 is left out");
        assertEquals(0, d.roundClicks()[1], "and its click");
        assertEquals(1, d.roundClicks()[2]);
    }

    @Test
    void aPopulationNotPresentYetIncludesNobody() {
        RoundData d = new RoundData(2);
        d.restrictTo(List.of("llm"));
        fill(d);
        assertEquals(0, d.users());
        assertEquals(0, d.roundExposures()[0]);
    }

    /**
     * A 30 % sample of 20,000 users keeps 30 % of them within 4 binomial standard deviations (0.013 of a share),
     * the same ones every round, dense and under their own ids, and only their impressions reach the counts.
     */
    @Test
    void aUserSampleIsAFixedShareSeenAloneInTheCounts() {
        int n = 20_000;
        RoundData d = new RoundData(1);
        d.sampleUsers(0.3, 42);
        int[] first = null;
        for (int r = 0; r < 2; r++) {
            d.beginRound(r, n);
            d.setItem(0, 0, 0, 0, 1f);
            d.setLiveRange(0, 1);
            d.setAuthor(0, 0);
            d.setAuthorCount(1);
            for (int u = 0; u < n; u++) {
                d.setUser(u, 0, 0);
                d.addImpression(u, 0, (byte) 1);
            }
            d.userVectorBuffer(n);
            d.provide(Need.SLATES);
            d.derive();
            int k = d.users();
            assertEquals(0.3, k / (double) n, 4 * Math.sqrt(0.3 * 0.7 / n));
            assertEquals(k, d.roundExposures()[0], "only the sampled users' impressions are counted");
            int[] ids = new int[k];
            for (int j = 0; j < k; j++) {
                ids[j] = d.userId(j);
                assertEquals(false, d.sampledOut(ids[j]));
                if (j > 0) {
                    assertEquals(true, ids[j] > ids[j - 1], "ascending ids");
                }
            }
            if (first == null) {
                first = ids;
            } else {
                assertArrayEquals(first, ids, "the same users every round");
            }
        }
        RoundData other = new RoundData(1);
        other.sampleUsers(0.3, 43);
        int differ = 0;
        for (int u = 0; u < 1000; u++) {
            differ += other.sampledOut(u) != d.sampledOut(u) ? 1 : 0;
        }
        assertEquals(true, differ > 300, "another seed draws another sample: " + differ + " of 1000 differ");
    }
}
