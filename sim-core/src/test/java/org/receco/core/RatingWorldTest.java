package org.receco.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.store.H2RunStore;
import org.receco.core.store.RunDatabase;
import org.receco.core.store.StoreOptions;
import org.receco.core.testkit.RatersJoin;
import org.receco.core.testkit.TinyRun;
import org.receco.core.testkit.TinyWiring;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ItemStats;
import org.receco.core.world.ReviewLog;

/**
 * Explicit ratings and reviews: a population that rates puts its 1–5 ratings in the feedback log, the public item
 * counters and the {@code ratings} table, its reviews in the review log and the {@code reviews} table; a run
 * without one keeps the click-only schema.
 */
class RatingWorldTest {
    private static final int ROUNDS = 5;
    private static final int JOIN = 2;

    @TempDir
    Path tmp;

    @Test
    void ratingsAndReviewsReachTheLogsTheCountersAndTheStore() throws SQLException {
        TinyWiring w = new TinyWiring(7, ROUNDS, 20, 2).withEvent(new RatersJoin(JOIN, "raters", 6, true));
        RecEcoModel model = new RecEcoModel(w);
        Path dir = tmp.resolve("rated");
        long rated = 0;
        int reviews;
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(1))) {
            RunManifest m = TinyRun.manifest(w);
            model.setSink(store, m);
            model.start();
            model.runToEnd();
            FeedbackLog log = model.world().feedback();
            ItemStats stats = model.world().stats();
            long[] sum = new long[model.world().items().count()];
            int[] n = new int[sum.length];
            for (int k = 0; k < log.size(); k++) {
                int u = log.user(k);
                boolean rater = model.world().users().population(u) == 1;
                assertEquals(rater, log.rating(k) > 0, "entry " + k + " of user " + u);
                if (log.rating(k) > 0) {
                    assertTrue(log.round(k) >= JOIN);
                    rated++;
                    sum[log.item(k)] += log.rating(k);
                    n[log.item(k)]++;
                }
            }
            assertTrue(rated > 0);
            assertEquals(rated, log.ratedCount());
            for (int i = 0; i < sum.length; i++) {
                assertEquals(n[i], stats.ratingCount(i), "item " + i);
                if (n[i] > 0) {
                    assertEquals((double) sum[i] / n[i], stats.meanRating(i), 1e-12, "item " + i);
                } else {
                    assertTrue(Double.isNaN(stats.meanRating(i)));
                }
            }
            ReviewLog rl = model.world().reviews();
            reviews = rl.size();
            assertTrue(reviews > 0);
            for (int k = 0; k < rl.size(); k++) {
                assertEquals(RatersJoin.review(rl.round(k), rl.user(k)), rl.text(k));
            }
            store.finish(m.withProgress(model.roundsCompleted()).ended(RunManifest.COMPLETED, "now", null));
            model.finish();
        }
        try (Connection c = RunDatabase.open(dir); Statement s = c.createStatement()) {
            assertEquals(rated, count(s, "SELECT COUNT(*) FROM ratings"));
            assertEquals(reviews, count(s, "SELECT COUNT(*) FROM reviews"));
            assertEquals(0, count(s, "SELECT COUNT(*) FROM ratings r LEFT JOIN interactions i ON i.round = r.round "
                    + "AND i.user_id = r.user_id AND i.item = r.item_id WHERE i.item IS NULL"), "a rating without its click");
            try (ResultSet rs = s.executeQuery("SELECT r.round, r.user_id, i.position, r.rating FROM ratings r "
                    + "JOIN interactions i ON i.round = r.round AND i.user_id = r.user_id AND i.item = r.item_id")) {
                while (rs.next()) {
                    assertEquals(RatersJoin.stars(rs.getInt(1), rs.getInt(2), rs.getInt(3)), rs.getInt(4));
                }
            }
        }
    }

    @Test
    void aClickOnlyRunHasNoRatingTables() throws SQLException {
        Path dir = tmp.resolve("clicks");
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(1))) {
            TinyRun.run(new TinyWiring(7, ROUNDS, 20, 2), store);
        }
        try (Connection c = RunDatabase.open(dir); Statement s = c.createStatement()) {
            assertEquals(0, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN "
                    + "('RATINGS', 'REVIEWS')"));
        }
    }

    @Test
    void ratersWithoutReviewsDeclareNoReviewTable() {
        TinyWiring w = new TinyWiring(7, ROUNDS, 20, 2).withEvent(new RatersJoin(JOIN, "raters", 4, false));
        RecEcoModel model = new RecEcoModel(w);
        model.start();
        model.runToEnd();
        assertTrue(model.world().feedback().ratedCount() > 0);
        assertEquals(0, model.world().reviews().size());
        assertFalse(model.state().reviewsEnabled());
        model.finish();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
