package org.receco.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.receco.analysis.report.CsvExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code receco export RUN_DIR --format csv [--out DIR]}: every table as CSV, metrics in long form. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = RecEcoCli.Version.class,
        description = "Export every table of a run as CSV (metrics in long form: round,name,value) for pandas or R.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (holding run.mv.db).")
    private Path runDir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "Output format: csv.")
    private String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: RUN_DIR/csv).")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("csv")) {
            spec.commandLine().getErr().println("receco export: unknown format '" + format + "'; allowed: csv");
            return RecEcoCli.INVALID_INPUT;
        }
        Path dir = out != null ? out : runDir.resolve("csv");
        List<Path> files = CsvExport.export(runDir, dir);
        System.out.println("wrote " + files.size() + " files to " + dir);
        return RecEcoCli.OK;
    }
}
