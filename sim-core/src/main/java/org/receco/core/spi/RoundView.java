package org.receco.core.spi;

import org.receco.core.rng.RandomStreams;
import org.receco.core.round.RoundState;
import org.receco.core.world.World;

/** Read-only access to the run as it stands at a phase boundary, for observers, sinks and the GUI. */
public interface RoundView {
    /** The round just played (or -1 before the first). */
    int round();

    World world();

    RoundState state();

    RandomStreams streams();

    /** Name of the recommender in force. */
    String recommenderName();

    /**
     * Where components declare tables of their own and append rows for the round being played (the run's store;
     * a view without one checks and discards).
     */
    default RunTables tables() {
        return RunTables.DISCARD;
    }

    /** The recommender in force (null where the view has none, e.g. offline). */
    default Recommender recommender() {
        return null;
    }
}
