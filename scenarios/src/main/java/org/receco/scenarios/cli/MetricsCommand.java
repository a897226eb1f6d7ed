package org.receco.scenarios.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.receco.analysis.data.Need;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.analysis.metrics.MetricConfig;
import org.receco.analysis.metrics.OfflineMetrics;
import org.receco.core.store.RunDatabase;
import org.receco.core.util.Csv;

/**
 * {@code receco metrics}: lists every metric of the {@link MetricCatalog} (name, family, definition, where it
 * can be computed, needs, options), those of studies included. With {@code --compute RUN_DIR} it computes
 * metrics offline from a finished run into {@code RUN_DIR/metrics-offline.csv} (or {@code --out DIR}; long form) and says which
 * metrics could not be computed for which rounds, and why; a metric that exists live only is refused with the
 * reason when named, and left out (and said so) by default.
 */
final class MetricsCommand implements CliCommand {
    static final OptionSpec<Path> COMPUTE = OptionSpec.single("--compute", "RUN_DIR", ValueType.PATH,
            "Compute metrics offline from this run into RUN_DIR/metrics-offline.csv.");
    static final OptionSpec<String> NAMES = OptionSpec.list("--names", "NAME", ValueType.STRING, ",",
            "Metrics to compute (default: every one computable offline).");

    static final OptionSpec<Path> OUT = SharedOptions.out("RUN_DIR; metrics-offline.csv is written there");

    private static final CommandSpec SPEC = new CommandSpec("metrics",
            List.of("List every metric with its one-line definition; --compute RUN_DIR computes them offline."),
            List.of(), List.of(COMPUTE, NAMES, OUT));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        Path runDir = args.value(COMPUTE);
        List<String> names = args.values(NAMES);
        String outProblem = SharedOptions.outProblem("metrics", args.value(OUT));
        if (outProblem == null && runDir == null && args.value(OUT) != null) {
            outProblem = "receco metrics: --out goes with --compute RUN_DIR (the listing is printed, not written)";
        }
        if (outProblem != null) {
            err.println(outProblem);
            return RecEcoCli.INVALID_INPUT;
        }
        if (runDir == null) {
            for (MetricCatalog.Entry m : MetricCatalog.registry().entries().values()) {
                String needs = m.needs().stream().map(n -> n.name().toLowerCase(Locale.ROOT))
                        .sorted().collect(Collectors.joining(","));
                out.printf("%-36s %-20s %s%n", m.name(), m.family(), m.definition());
                out.printf("%-36s %-20s %s; needs: %s%s%n", "", "", m.availability(), needs.isEmpty() ? "-" : needs,
                        m.options().isEmpty() ? "" : "; options: metrics." + String.join(", metrics.", m.options()));
            }
            out.flush();
            return RecEcoCli.OK;
        }
        for (String n : names) {
            if (MetricCatalog.registry().find(n).isEmpty()) {
                err.println("receco metrics: unknown metric '" + n + "'; known: "
                        + String.join(", ", MetricCatalog.registry().names()));
                return RecEcoCli.INVALID_INPUT;
            }
            MetricCatalog.Entry e = MetricCatalog.get(n);
            if (!e.offline()) {
                err.println("receco metrics: '" + n + "' cannot be computed offline: " + e.availability()
                        + (e.source() instanceof MetricCatalog.Kernel || e.source() instanceof MetricCatalog.Reported
                        ? "; read it from the run's metrics table"
                        : e.needsBaseline() ? "; run it in a study file's metrics: list"
                        : "; name it in the scenario's metrics.names and run again"));
                return RecEcoCli.INVALID_INPUT;
            }
        }
        // every refusal before anything is written: the run, where the file goes, and that the run has a round
        String problem = ReportCommand.missingRunDatabase(List.of(runDir), "--compute");
        if (problem == null && args.value(OUT) == null && !Files.isWritable(runDir)) {
            problem = ReportCommand.readOnly(runDir, "metrics-offline.csv", "receco metrics --compute " + runDir, "metrics");
        }
        if (problem != null) {
            err.println(problem.startsWith("receco") ? problem : "receco metrics: " + problem);
            return RecEcoCli.INVALID_INPUT;
        }
        RunDatabase.openPlayed(runDir).close();
        Path dir = args.value(OUT) != null ? Files.createDirectories(args.value(OUT)) : runDir;
        Path file = dir.resolve("metrics-offline.csv");
        OfflineMetrics.Result result;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Csv csv = new Csv(w).row("round", "name", "value");
            result = OfflineMetrics.compute(runDir, MetricCatalog.create(names, MetricConfig.defaults()),
                    (r, name, v) -> csv.field(r).field(name).field(String.valueOf(v)).endRow());
        }
        int incomplete = 0;
        for (OfflineMetrics.Coverage c : result.coverage()) {
            if (!c.complete()) {
                incomplete++;
            }
            out.println((c.complete() ? "  ok  " : "  --  ") + c.describe());
        }
        out.printf("wrote %s; %d of %d metrics could not be computed for every round%n", file, incomplete,
                result.coverage().size());
        if (names.isEmpty()) {
            long liveOnly = MetricCatalog.registry().entries().values().stream()
                    .filter(e -> e.source() instanceof MetricCatalog.Observed).count();
            out.printf("not computed: %d live-only metrics (they read the running model; `receco metrics` says "
                    + "what each reads) and the kernel counters (in the metrics table already)%n", liveOnly);
        }
        out.flush();
        return RecEcoCli.OK;
    }

    static String needs(MetricCatalog.Entry m) {
        return m.needs().stream().map(Need::description).collect(Collectors.joining("; "));
    }
}
