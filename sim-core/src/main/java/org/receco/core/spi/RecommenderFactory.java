package org.receco.core.spi;

import org.receco.core.world.GroundTruth;

/**
 * Creates a recommender by name from its parameter record {@code P} (a Java record whose components are the
 * YAML keys under {@code recommender.params}; validated in its compact constructor). {@code truth} is
 * non-null only for factories that declare {@link #needsGroundTruth()} (upper bounds such as {@code oracle});
 * every other recommender learns from feedback only.
 */
public interface RecommenderFactory<P extends Record> {
    /** The registry name, as written in scenario files. */
    String name();

    /** One line for {@code --help}, {@code receco schema} and error messages. */
    String description();

    /** The parameter record type. */
    Class<P> paramsType();

    /** Parameters used when a scenario gives none. */
    P defaults();

    default boolean needsGroundTruth() {
        return false;
    }

    Recommender create(P params, GroundTruth truth);
}
