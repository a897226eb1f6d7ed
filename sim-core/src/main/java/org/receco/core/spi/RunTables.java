package org.receco.core.spi;

import org.receco.core.store.Schema;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;

/**
 * Where a component (recommender, user or author model, observer, event) declares a table of its own in the
 * run database and gets the writer that appends its rows for the round being played. Declaring the same spec
 * again returns a writer to the same table; a different spec under a name already used is an error, as is a
 * built-in table's name ({@link Schema#checkDeclarable}). Reach it through {@link RoundView#tables()}, or by
 * implementing {@link DeclaresTables}.
 */
@FunctionalInterface
public interface RunTables {
    TableWriter table(TableSpec spec);

    /** Checks declarations and rows and keeps nothing. */
    RunTables DISCARD = spec -> {
        Schema.checkDeclarable(spec);
        return TableWriter.discarding(spec);
    };
}
