package org.receco.scenarios.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.receco.analysis.report.CompareWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code receco compare RUN_DIR... [--out DIR]}: overlays the same metrics from several runs. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = RecEcoCli.Version.class,
        description = "Overlay the metrics of several runs (one line per run, labelled scenario · recommender · seed) "
                + "in DIR/compare.html.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories to compare.")
    private List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: runs/compare-<yyyyMMdd-HHmmss>).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        Path dir = out != null ? out : Path.of("runs",
                "compare-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        System.out.println("wrote " + CompareWriter.write(runs, dir));
        return RecEcoCli.OK;
    }
}
