package org.receco.analysis.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;
import org.receco.core.rng.RandomStreams;

/** Every metric on small hand-built rounds with answers worked out by hand (in the comments). */
class MetricsHandComputedTest {
    private static final double EPS = 1e-12;
    private static final double L3 = 1 / (Math.log(3) / Math.log(2)); // 1 / log2(3)

    /**
     * 4 live items (0, 1 by author 0 of topic 0; 2, 3 by author 1 of topic 1), 3 users (u0, u1 topic 0; u2
     * topic 1), 2-D vectors. Round 0: u0 clicks items 0 and 1, u1 clicks item 0. Returns the data ready for
     * round 1 (filled by {@code round1}).
     */
    private static RoundData world() {
        RoundData d = new RoundData(2);
        d.beginRound(0, 3);
        for (int i = 0; i < 4; i++) {
            d.setItem(i, i / 2, i / 2, 0, i + 1);
        }
        d.setAuthor(0, 0);
        d.setAuthor(1, 1);
        d.setAuthorCount(2);
        d.setUser(0, 0);
        d.setUser(1, 0);
        d.setUser(2, 1);
        d.setLiveRange(0, 4);
        d.addClick(0, 0, 0, true, 0.5f);
        d.addClick(0, 1, 1, false, 0.1f);
        d.addClick(1, 0, 0, true, 0.5f);
        d.provide(Need.CLICKS);
        d.derive();
        return d;
    }

    private static void begin(RoundData d, int round) {
        d.beginRound(round, 3);
        d.setLiveRange(0, 4);
    }

    private static double one(Metric m, RoundData d) {
        m.start(new RandomStreams(1));
        return m.compute(d);
    }

    /** Round 1: slates u0 [0, 1], u1 [2, 3], u2 []; clicks u0 → item 1 at position 1, u1 → item 2 at position 0. */
    private static RoundData round1() {
        RoundData d = world();
        begin(d, 1);
        d.addImpression(0, 0, (byte) 1);
        d.addImpression(0, 1, (byte) 1);
        d.addImpression(1, 2, (byte) 1);
        d.addImpression(1, 3, (byte) 2);
        d.addClick(0, 1, 1, true, 0.75f);
        d.addClick(1, 2, 0, false, 0.25f);
        d.provide(Need.SLATES);
        d.provide(Need.CLICKS);
        d.derive();
        return d;
    }

    @Test
    void giniOfEqualExposureIsZeroAndOfAllOnOneItemIsNMinusOneOverN() {
        RoundData d = new RoundData(1);
        d.beginRound(0, 4);
        for (int i = 0; i < 4; i++) {
            d.setItem(i, 0, 0, 0, 1);
        }
        d.setAuthorCount(1);
        d.setLiveRange(0, 4);
        for (int u = 0; u < 4; u++) {
            d.addImpression(u, u, (byte) 1);
        }
        d.provide(Need.SLATES);
        d.derive();
        assertEquals(0.0, one(new ItemGini(Signal.EXPOSURE), d), EPS);
        d.beginRound(1, 4);
        d.setLiveRange(0, 4);
        for (int u = 0; u < 4; u++) {
            d.addImpression(u, 2, (byte) 1);
        }
        d.provide(Need.SLATES);
        d.derive();
        assertEquals(3.0 / 4.0, one(new ItemGini(Signal.EXPOSURE), d), EPS);
    }

    @Test
    void giniOfItemsAndAuthors() {
        RoundData d = round1();
        // exposures 1,1,1,1 -> 0; clicks 0,1,1,0 sorted 0,0,1,1: (-3*0 -1*0 +1*1 +3*1) / (4*2) = 0.5
        assertEquals(0.0, one(new ItemGini(Signal.EXPOSURE), d), EPS);
        assertEquals(0.5, one(new ItemGini(Signal.CLICK), d), EPS);
        // likes: item 1 only -> (n-1)/n = 0.75
        assertEquals(0.75, one(new ItemGini(Signal.LIKE), d), EPS);
        // authors: exposure 2, 2 -> 0; likes 1, 0 -> 1/2
        assertEquals(0.0, one(new AuthorGini(Signal.EXPOSURE), d), EPS);
        assertEquals(0.5, one(new AuthorGini(Signal.LIKE), d), EPS);
    }

    @Test
    void coverageAndLongTail() {
        RoundData d = round1();
        assertEquals(1.0, one(new ItemCoverage(), d), EPS);
        // phi = {2, 1, 0, 0}, total 3; head = item 0 (covers 2 >= 0.6); tail = 1, 2, 3
        // slates u0 [0, 1] (1 tail of 2), u1 [2, 3] (2 of 2); u2 empty is not counted
        assertEquals(0.75, one(new LongTail(LongTail.Kind.SHARE), d), EPS);
        assertEquals((0.5 + 1.0) / 2, one(new LongTail(LongTail.Kind.APLT), d), EPS);
        assertEquals((1 + 2) / 2.0, one(new LongTail(LongTail.Kind.ACLT), d), EPS);
        // ARP = (mean(2, 1) + mean(0, 0)) / 2 = 0.75
        assertEquals(0.75, one(new AverageRecommendationPopularity(), d), EPS);
        // GAP_slate = 0.75; GAP_profile = (phi(1) + phi(2)) / 2 = 0.5; lift = 0.5
        assertEquals(0.5, one(new PopularityLift(), d), EPS);
    }

    @Test
    void popRspOverHeadAndTail() {
        RoundData d = world();
        PopularityRsp rsp = new PopularityRsp();
        rsp.start(new RandomStreams(1));
        // round 0 has no head yet (no earlier clicks): undefined
        d.beginRound(0, 3);
        assertTrue(Double.isNaN(rsp.compute(world())));
        d = round1();
        PopularityRsp fresh = new PopularityRsp();
        RoundData r0 = world();
        fresh.compute(r0); // learns the consumed pairs of round 0: (u0, 0), (u0, 1), (u1, 0)
        // head {0}: open = 3 - 2 = 1, shown 1 -> P = 1; tail {1, 2, 3}: open 2 + 3 + 3 = 8, shown 3 -> P = 3/8
        double ph = 1;
        double pt = 3.0 / 8;
        assertEquals((Math.abs(ph - pt) / 2) / ((ph + pt) / 2), fresh.compute(round1Continuing(r0)), EPS);
    }

    /** Round 1 of {@link #round1()} filled into an existing round-0 data object. */
    private static RoundData round1Continuing(RoundData d) {
        begin(d, 1);
        d.addImpression(0, 0, (byte) 1);
        d.addImpression(0, 1, (byte) 1);
        d.addImpression(1, 2, (byte) 1);
        d.addImpression(1, 3, (byte) 2);
        d.addClick(0, 1, 1, true, 0.75f);
        d.addClick(1, 2, 0, false, 0.25f);
        d.provide(Need.SLATES);
        d.provide(Need.CLICKS);
        d.derive();
        return d;
    }

    @Test
    void qualityCorrelation() {
        RoundData d = round1();
        // quality 1, 2, 3, 4; clicks 0, 1, 1, 0: covariance 0 -> correlation 0
        assertEquals(0.0, one(new QualityCorrelation(Signal.CLICK), d), EPS);
        // exposure is constant: undefined
        assertTrue(Double.isNaN(one(new QualityCorrelation(Signal.EXPOSURE), d)));
        // likes 0, 1, 0, 0 vs 1, 2, 3, 4: cov = -0.25... computed by hand: x-mean = -1.5,-.5,.5,1.5; y-mean =
        // -.25,.75,-.25,-.25; sxy = .375-.375-.125-.375 = -.5; sxx = 5; syy = .75 -> -.5 / sqrt(3.75)
        assertEquals(-0.5 / Math.sqrt(3.75), one(new QualityCorrelation(Signal.LIKE), d), EPS);
    }

    @Test
    void authorGroupExposure() {
        RoundData d = round1();
        MetricConfig c = new MetricConfig(10, 2, List.of(0), List.of(0), 5);
        // E(0) = 1, E(1) = 1/log2 3, E(2) = 1, E(3) = 1/log2 3: author 0 and author 1 both 1 + 1/log2 3
        assertEquals(0.5, one(new AuthorGroupExposure(AuthorGroupExposure.Kind.SHARE, c), d), EPS);
        assertEquals(0.5, one(new AuthorGroupExposure(AuthorGroupExposure.Kind.ITEM_SHARE, c), d), EPS);
        assertEquals(0.0, one(new AuthorGroupExposure(AuthorGroupExposure.Kind.DISPARITY, c), d), EPS);
        RoundData e = world();
        begin(e, 1);
        e.addImpression(0, 0, (byte) 1);
        e.addImpression(0, 1, (byte) 1);
        e.addImpression(1, 2, (byte) 1);
        e.provide(Need.SLATES);
        e.derive();
        assertEquals((1 + L3) / (2 + L3), one(new AuthorGroupExposure(AuthorGroupExposure.Kind.SHARE, c), e), EPS);
        assertEquals(L3, one(new AuthorGroupExposure(AuthorGroupExposure.Kind.DISPARITY, c), e), EPS);
    }

    @Test
    void accuracyAgainstClicks() {
        RoundData d = world();
        begin(d, 1);
        // u0 clicks positions 1 and 3; u1 clicks position 0; u2 nothing (not counted)
        d.addClick(0, 1, 1, true, 0.5f);
        d.addClick(0, 3, 3, false, 0.25f);
        d.addClick(1, 2, 0, true, 0.25f);
        d.provide(Need.CLICKS);
        d.derive();
        int k = 2;
        assertEquals((0.5 + 0.5) / 2, one(new Accuracy(Accuracy.Kind.PRECISION, k), d), EPS);
        assertEquals((0.5 + 1.0) / 2, one(new Accuracy(Accuracy.Kind.RECALL, k), d), EPS);
        assertEquals((0.5 + 1.0) / 2, one(new Accuracy(Accuracy.Kind.MRR, k), d), EPS);
        assertEquals(1.0, one(new Accuracy(Accuracy.Kind.HR, k), d), EPS);
        // u0: DCG = 1/log2 3, IDCG = 1 + 1/log2 3; u1: 1
        assertEquals((L3 / (1 + L3) + 1.0) / 2, one(new Accuracy(Accuracy.Kind.NDCG, k), d), EPS);
        MetricConfig c = new MetricConfig(10, k, List.of(0), List.of(1), 5);
        // group 1 = topic 1 = u2, who did not click: undefined; with group 1 = topic 0 (u0, u1) group 2 is empty
        assertTrue(Double.isNaN(one(new UserGroupGap(UserGroupGap.Kind.UTILITY, c), d)));
    }

    @Test
    void userGroupGaps() {
        RoundData d = world();
        begin(d, 1);
        d.addClick(0, 1, 0, true, 0.5f);
        d.addClick(0, 3, 1, false, 0.25f);
        d.addClick(2, 2, 3, true, 0.25f);
        d.provide(Need.CLICKS);
        d.derive();
        MetricConfig c = new MetricConfig(10, 2, List.of(0), List.of(0), 5);
        // group 1 = u0 (utility 0.75, NDCG 1), group 2 = u2 (utility 0.25, click outside top 2: NDCG 0)
        assertEquals(0.5, one(new UserGroupGap(UserGroupGap.Kind.UTILITY, c), d), EPS);
        assertEquals(1.0, one(new UserGroupGap(UserGroupGap.Kind.NDCG, c), d), EPS);
    }

    @Test
    void homogenisationOfIdenticalSetsIsOneAndOfDisjointSetsZero() {
        RoundData d = new RoundData(1);
        d.beginRound(0, 2);
        for (int i = 0; i < 4; i++) {
            d.setItem(i, 0, 0, 0, 1);
        }
        d.setLiveRange(0, 4);
        d.addImpression(0, 1, (byte) 1);
        d.addImpression(0, 3, (byte) 1);
        d.addImpression(1, 3, (byte) 1);
        d.addImpression(1, 1, (byte) 1);
        d.addClick(0, 1, 0, true, 1);
        d.addClick(1, 3, 0, true, 1);
        d.provide(Need.SLATES);
        d.provide(Need.CLICKS);
        d.derive();
        assertEquals(1.0, one(new Homogenisation(false, 5), d), EPS);
        assertEquals(0.0, one(new Homogenisation(true, 5), d), EPS);
    }

    @Test
    void intraListSimilarityAndAlignment() {
        RoundData d = new RoundData(2);
        d.beginRound(0, 1);
        for (int i = 0; i < 3; i++) {
            d.setItem(i, 0, 0, 0, 1);
        }
        d.setUser(0, 0);
        d.setLiveRange(0, 3);
        float[] iv = d.itemVectorBuffer(3);
        System.arraycopy(new float[] {1, 0, 2, 0, 0, 3}, 0, iv, 0, 6);
        float[] uv = d.userVectorBuffer(1);
        uv[0] = 1;
        uv[1] = 0;
        d.addImpression(0, 0, (byte) 1);
        d.addImpression(0, 1, (byte) 1);
        d.addImpression(0, 2, (byte) 1);
        d.addClick(0, 2, 2, true, 1);
        d.provide(Need.SLATES);
        d.provide(Need.CLICKS);
        d.provide(Need.ITEM_VECTORS);
        d.provide(Need.USER_VECTORS);
        d.derive();
        // cosines: (0,1) = 1, (0,2) = 0, (1,2) = 0 -> 2/(3*2) * 1
        assertEquals(1.0 / 3, one(new IntraListSimilarity(), d), EPS);
        // user (1,0): cos 1, 1, 0 with the shown items; 0 with the clicked one
        assertEquals(2.0 / 3, one(new Alignment(Signal.EXPOSURE), d), 1e-6);
        assertEquals(0.0, one(new Alignment(Signal.CLICK), d), 1e-6);
    }

    @Test
    void topicProfileOverAWindow() {
        // topics: items 0, 1 topic 0; 2, 3 topic 1. u0 clicks topic 0 and 1 in round 0, then topic 0 twice more
        RoundData d = world();
        MetricConfig c = MetricConfig.defaults();
        TopicProfile entropy = new TopicProfile(TopicProfile.Kind.ENTROPY, 5);
        TopicProfile distinct = new TopicProfile(TopicProfile.Kind.DISTINCT, 5);
        TopicProfile top1 = new TopicProfile(TopicProfile.Kind.TOP1, 5);
        TopicProfile rising = new TopicProfile(TopicProfile.Kind.RISING, c.topicWindow());
        int[][] clicks = {{0, 2}, {1}, {0}};
        double[] expectTop = {0.5, 2.0 / 3, 0.75};
        for (int r = 0; r < 3; r++) {
            d.beginRound(r, 1);
            d.setLiveRange(0, 4);
            for (int k = 0; k < clicks[r].length; k++) {
                d.addClick(0, clicks[r][k], k, true, 1);
            }
            d.provide(Need.CLICKS);
            d.derive();
            double h = entropy.compute(d);
            double n = distinct.compute(d);
            double t = top1.compute(d);
            double rise = rising.compute(d);
            assertEquals(expectTop[r], t, EPS);
            assertEquals(2, n, EPS);
            double p = expectTop[r];
            assertEquals(-(p * Math.log(p) + (1 - p) * Math.log(1 - p)), h, EPS);
            if (r < 2) {
                assertTrue(Double.isNaN(rise), "needs three rounds");
            } else {
                assertEquals(1.0, rise, EPS);
            }
        }
    }

    @Test
    void interestShiftDriftAndCentroids() {
        RoundData d = new RoundData(2);
        d.beginRound(0, 3);
        d.setUser(0, 0);
        d.setUser(1, 0);
        d.setUser(2, 1);
        System.arraycopy(new float[] {0, 0, 2, 0, 10, 0}, 0, d.userVectorBuffer(3), 0, 6);
        System.arraycopy(new float[] {3, 4, 2, 0, 10, 0}, 0, d.previousUserVectorBuffer(3), 0, 6);
        System.arraycopy(new float[] {0, 0, 2, 0, 4, 8}, 0, d.initialUserVectorBuffer(3), 0, 6);
        for (Need n : Need.values()) {
            d.provide(n);
        }
        d.derive();
        assertEquals(5.0 / 3, one(new InterestShift(false), d), EPS);
        assertEquals(10.0 / 3, one(new InterestShift(true), d), EPS);
        // topic 0 centroid (1,0): distances 1, 1; topic 1 alone: 0. Global centroid (4,0): 4, 2, 6
        assertEquals(2.0 / 3, one(new CentroidDistance(CentroidDistance.Kind.TOPIC), d), EPS);
        assertEquals(4.0, one(new CentroidDistance(CentroidDistance.Kind.GLOBAL), d), EPS);
        assertEquals((2.0 / 3) / 4.0, one(new CentroidDistance(CentroidDistance.Kind.RATIO), d), EPS);
    }

    @Test
    void everyRegisteredMetricHasADottedLowercaseNameAndADefinition() {
        for (Metric m : MetricCatalog.all()) {
            assertTrue(m.name().matches("[a-z0-9_]+(\\.[a-z0-9_]+)+"), m.name());
            assertTrue(!m.definition().isBlank() && !m.definition().contains("\n"), m.name());
        }
        assertTrue(MetricCatalog.registry().names().containsAll(
                List.of("gini.exposure.item", "homogenisation.click", "interest.shift")));
    }
}
