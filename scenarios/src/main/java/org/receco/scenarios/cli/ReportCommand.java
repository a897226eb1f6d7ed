package org.receco.scenarios.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.receco.analysis.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code receco report RUN_DIR}: writes {@code report.html} (and its charts) beside the run database. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = RecEcoCli.Version.class,
        description = "Write RUN_DIR/report.html: scenario, metric summary, one chart per metric family (PNG + SVG), "
                + "latent space by PCA. Opens offline in any browser.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (holding run.mv.db).")
    private Path runDir;

    @Option(names = "--pca-rounds", split = ",", paramLabel = "R",
            description = "Snapshot rounds to project (default: first, middle and last snapshot).")
    private List<Integer> pcaRounds = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Path out = ReportWriter.write(runDir, pcaRounds);
        System.out.printf("wrote %s (%.1f s)%n", out, (System.nanoTime() - t0) / 1e9);
        return RecEcoCli.OK;
    }
}
