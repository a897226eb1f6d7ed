package org.receco.core.spi;

import java.util.function.BiFunction;
import org.receco.core.world.GroundTruth;

/**
 * Creates a recommender by name from its parameter record {@code P} (a Java record whose components are the
 * YAML keys under {@code recommender.params}; validated in its compact constructor). {@code truth} is
 * non-null only for factories that declare {@link #needsGroundTruth()}: upper bounds such as {@code oracle}, and
 * {@code social}, which builds its friendship graph from true preferences as Chaney et al. do; every other
 * recommender learns from feedback only.
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

    /**
     * A factory from its parts. {@code create} receives the ground truth exactly when {@code needsGroundTruth};
     * asking such a factory for a recommender without it is an error naming the recommender.
     */
    static <P extends Record> RecommenderFactory<P> of(String name, String description, Class<P> paramsType,
                                                       P defaults, boolean needsGroundTruth,
                                                       BiFunction<P, GroundTruth, Recommender> create) {
        return new RecommenderFactory<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Class<P> paramsType() {
                return paramsType;
            }

            @Override
            public P defaults() {
                return defaults;
            }

            @Override
            public boolean needsGroundTruth() {
                return needsGroundTruth;
            }

            @Override
            public Recommender create(P params, GroundTruth truth) {
                if (needsGroundTruth && truth == null) {
                    throw new IllegalArgumentException("the " + name + " recommender needs the ground truth");
                }
                return create.apply(params, truth);
            }
        };
    }
}
