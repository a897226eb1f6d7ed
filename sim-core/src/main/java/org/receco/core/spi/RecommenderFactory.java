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
     * The most users this recommender can serve (its cost grows faster than the population, e.g. an all-pairs
     * graph); validation refuses a scenario beyond it before anything runs. Unlimited by default.
     */
    default int maxUsers() {
        return Integer.MAX_VALUE;
    }

    /** This factory, limited to {@code max} users ({@link #maxUsers()}). */
    default RecommenderFactory<P> withMaxUsers(int max) {
        RecommenderFactory<P> base = this;
        return new RecommenderFactory<>() {
            @Override
            public String name() {
                return base.name();
            }

            @Override
            public String description() {
                return base.description();
            }

            @Override
            public Class<P> paramsType() {
                return base.paramsType();
            }

            @Override
            public P defaults() {
                return base.defaults();
            }

            @Override
            public boolean needsGroundTruth() {
                return base.needsGroundTruth();
            }

            @Override
            public Recommender create(P params, GroundTruth truth) {
                return base.create(params, truth);
            }

            @Override
            public int maxUsers() {
                return max;
            }
        };
    }

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
