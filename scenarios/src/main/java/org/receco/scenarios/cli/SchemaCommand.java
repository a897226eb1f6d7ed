package org.receco.scenarios.cli;

import java.util.concurrent.Callable;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code receco schema}: prints the JSON Schema of scenario files. */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = RecEcoCli.Version.class,
        description = "Print the JSON Schema (draft 2020-12) of scenario files: every key, its meaning, "
                + "range and default, and the parameters of each registered component.")
final class SchemaCommand implements Callable<Integer> {
    private final ComponentCatalog catalog;

    @Spec
    private CommandSpec spec;

    SchemaCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(new ScenarioSchema(catalog).toJson());
        spec.commandLine().getOut().flush();
        return RecEcoCli.OK;
    }
}
