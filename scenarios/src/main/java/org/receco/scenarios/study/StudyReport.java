package org.receco.scenarios.study;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.receco.analysis.stats.MeanInterval;
import org.receco.core.util.Csv;

/**
 * Writes a study's report: {@code summary.csv} (per metric, arm and round: replicates, mean and 95 % CI, and
 * the same relative to the baseline arm), {@code seeds.csv}, and one PNG chart per metric (each arm's mean
 * with its confidence band over rounds, relative to the baseline when there is one, as Chaney et al. plot).
 */
public final class StudyReport {
    private StudyReport() {
    }

    public static void write(StudyResult r, Path dir) {
        write(r, dir, true);
    }

    /** As {@link #write(StudyResult, Path)}, the charts only when {@code charts}. */
    public static void write(StudyResult r, Path dir, boolean charts) {
        try {
            Files.createDirectories(dir);
            StudyDefinition def = r.definition();
            StringBuilder text = new StringBuilder();
            Csv csv = new Csv(text).row("metric", "arm", "round", "replicates", "mean", "ci95_low", "ci95_high",
                    "rel_mean", "rel_ci95_low", "rel_ci95_high");
            for (String m : def.metrics()) {
                for (String arm : r.arms()) {
                    for (int t = 0; t < r.rounds(); t++) {
                        MeanInterval a = r.atRound(m, arm, null, t);
                        csv.field(m).field(arm).field(t).field(a.n());
                        append(csv, a);
                        if (def.baseline() != null) {
                            append(csv, r.atRound(m, arm, def.baseline(), t));
                        } else {
                            csv.fields("", "", "");
                        }
                        csv.endRow();
                    }
                }
                if (charts) {
                    StudyChart.write(r, m, dir.resolve(m.replaceAll("[^A-Za-z0-9._-]", "_") + ".png"));
                }
            }
            Files.writeString(dir.resolve("summary.csv"), text);
            StringBuilder seeds = new StringBuilder();
            Csv seedCsv = new Csv(seeds).row("replicate", "seed");
            for (int k = 0; k < def.replicates(); k++) {
                seedCsv.field(k).field(r.seed(k)).endRow();
            }
            Files.writeString(dir.resolve("seeds.csv"), seeds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the study report to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void append(Csv csv, MeanInterval e) {
        csv.fields(String.format(Locale.ROOT, "%.6g", e.mean()), String.format(Locale.ROOT, "%.6g", e.low()),
                String.format(Locale.ROOT, "%.6g", e.high()));
    }

    /** A table of each metric's mean over the last {@code window} rounds, per arm (relative if a baseline). */
    public static void printTable(StudyResult r, PrintStream out, int window) {
        StudyDefinition def = r.definition();
        int to = r.rounds();
        int from = Math.max(0, to - window);
        out.printf("%s: %d arms x %d replicates, %d rounds, %.1f s wall%n", def.name(), r.arms().size(),
                def.replicates(), r.rounds(), r.wallSeconds());
        out.printf("mean over rounds %d-%d, 95 %% CI%s%n", from, to - 1,
                def.baseline() == null ? "" : "; relative = arm - " + def.baseline() + " (paired by seed)");
        for (String m : def.metrics()) {
            out.println("  " + m);
            for (String arm : r.arms()) {
                MeanInterval a = r.mean(m, arm, from, to);
                String rel = def.baseline() == null ? "" : "   relative " + r.relative(m, arm, def.baseline(), from, to);
                out.printf(Locale.ROOT, "    %-14s %s%s%n", arm, a, rel);
            }
        }
    }

    static List<String> files(StudyResult r) {
        return r.definition().metrics().stream().map(m -> m + ".png").toList();
    }
}
