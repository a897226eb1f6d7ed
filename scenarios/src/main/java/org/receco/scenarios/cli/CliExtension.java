package org.receco.scenarios.cli;

import java.util.List;
import org.receco.scenarios.ComponentCatalog;

/**
 * Adds subcommands to {@code receco} from a module the scenarios module cannot depend on (e.g. the GUI's
 * {@code receco gui}). Implementations are found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.receco.scenarios.cli.CliExtension} and need a public no-argument constructor;
 * their subcommands are listed after the built-in ones, in class-path order. A built-in command of the same
 * name wins. Extensions are only looked up when a command is not built in or all commands are listed.
 */
public interface CliExtension {
    /** The commands to add. */
    List<CliCommand> subcommands(ComponentCatalog catalog);
}
