package org.receco.analysis.metrics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.receco.analysis.data.DbSource;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;
import org.receco.core.store.RunDatabase;

/**
 * Computes metrics from a finished run's database, round by round through {@link DbSource} (one round's
 * impressions, clicks and snapshot in memory at a time), with exactly the code used live. A metric gets no
 * value for a round whose stored data lack one of its {@link Metric#needs()}; {@link Result#coverage()} says
 * for each metric how many rounds were computed and what was missing.
 */
public final class OfflineMetrics {
    /** Receives values as they are computed. */
    @FunctionalInterface
    public interface Sink {
        void value(int round, String name, double value);
    }

    /** Per metric: rounds with a value, rounds in the run, and what the other rounds lacked. */
    public record Coverage(String metric, int computed, int rounds, Set<Need> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }

        /** "name: 12 of 12 rounds" or "name: 0 of 12 rounds; missing: ...". */
        public String describe() {
            StringBuilder b = new StringBuilder(metric).append(": ").append(computed).append(" of ").append(rounds)
                    .append(" rounds");
            if (!missing.isEmpty()) {
                b.append("; other rounds lack ");
                List<String> parts = new ArrayList<>();
                for (Need n : missing) {
                    parts.add(n.description());
                }
                b.append(String.join(", ", parts));
            }
            return b.toString();
        }
    }

    /** Coverage of each metric, in the order given. */
    public record Result(List<Coverage> coverage) {
    }

    private OfflineMetrics() {
    }

    /** Computes {@code metrics} over every complete round of the run in {@code runDir}. */
    public static Result compute(Path runDir, List<Metric> metrics, Sink sink) throws SQLException {
        return compute(runDir, metrics, List.of(), sink);
    }

    /** As live with {@code metrics.populations}: over the users of {@code populations} only (empty = all). */
    public static Result compute(Path runDir, List<Metric> metrics, List<String> populations, Sink sink)
            throws SQLException {
        try (Connection c = RunDatabase.openPlayed(runDir)) {
            return compute(c, metrics, populations, sink);
        }
    }

    public static Result compute(Connection c, List<Metric> metrics, Sink sink) throws SQLException {
        return compute(c, metrics, List.of(), sink);
    }

    public static Result compute(Connection c, List<Metric> metrics, List<String> populations, Sink sink)
            throws SQLException {
        Map<Metric, int[]> computed = new LinkedHashMap<>();
        Map<Metric, EnumSet<Need>> missing = new LinkedHashMap<>();
        for (Metric m : metrics) {
            computed.put(m, new int[1]);
            missing.put(m, EnumSet.noneOf(Need.class));
        }
        int rounds;
        try (DbSource src = new DbSource(c)) {
            RoundData d = new RoundData(src.dims());
            d.restrictTo(populations);
            for (Metric m : metrics) {
                m.start(src.streams());
            }
            rounds = src.lastRound() + 1;
            for (int r = 0; r < rounds; r++) {
                src.fill(r, d);
                for (Metric m : metrics) {
                    if (!d.hasAll(m.needs())) {
                        for (Need n : m.needs()) {
                            if (!d.has(n)) {
                                missing.get(m).add(n);
                            }
                        }
                        continue;
                    }
                    double v = m.compute(d);
                    computed.get(m)[0]++;
                    if (!Double.isNaN(v)) {
                        sink.value(r, m.name(), v);
                    }
                }
            }
        }
        List<Coverage> out = new ArrayList<>();
        for (Metric m : metrics) {
            out.add(new Coverage(m.name(), computed.get(m)[0], rounds, Set.copyOf(missing.get(m))));
        }
        return new Result(out);
    }
}
