package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.util.List;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.ScenarioSchema;

/** {@code receco schema}: prints the JSON Schema of scenario files. */
final class SchemaCommand implements CliCommand {
    private static final CommandSpec SPEC = new CommandSpec("schema",
            List.of("Print the JSON Schema (draft 2020-12) of scenario files: every key, its meaning, range and "
                    + "default, and the parameters of each registered component."),
            List.of(), List.of());

    private final ComponentCatalog catalog;

    SchemaCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs parsed, PrintWriter out, PrintWriter err) {
        out.println(new ScenarioSchema(catalog).toJson());
        out.flush();
        return RecEcoCli.OK;
    }
}
