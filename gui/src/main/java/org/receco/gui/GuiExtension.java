package org.receco.gui;

import java.util.List;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.cli.CliCommand;
import org.receco.scenarios.cli.CliExtension;

/** Adds {@code receco gui} to the command line (found through {@code META-INF/services}). */
public final class GuiExtension implements CliExtension {
    @Override
    public List<CliCommand> subcommands(ComponentCatalog catalog) {
        return List.of(new GuiCommand(catalog));
    }
}
