package org.receco.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.receco.core.spi.ComponentFactory;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.world.GroundTruth;
import org.receco.scenarios.model.NamedComponentSpec;

/**
 * Turns the {@code params} of a loaded scenario's named component into the component's parameter record and
 * creates the component. The params of a {@link ScenarioLoader loaded} scenario are already merged over the
 * component's defaults and validated, so binding them cannot fail for that component.
 */
public final class ComponentParams {
    private ComponentParams() {
    }

    /**
     * The params of {@code spec} as a {@code type} record.
     *
     * @throws ScenarioException if they do not fit {@code type}
     */
    public static <P extends Record> P bind(NamedComponentSpec spec, Class<P> type) {
        return bind(spec.params(), type, spec.registry() + " '" + spec.componentName() + "' params");
    }

    /**
     * {@code params} as a {@code type} record; {@code sourceName} names them in problems.
     *
     * @throws ScenarioException if they do not fit {@code type}
     */
    public static <P extends Record> P bind(Map<String, Object> params, Class<P> type, String sourceName) {
        List<Problem> problems = new ArrayList<>();
        Origin origin = Origin.of(sourceName);
        Object value = new RecordBinder(ComponentCatalog.of(Map.of()), Map.of(), problems)
                .bind(Node.fromPlain(params, origin), type, null, "params", origin);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return type.cast(value);
    }

    /** The recommender {@code spec} names, created by {@code factory} from the spec's params. */
    public static Recommender createRecommender(RecommenderFactory<?> factory, NamedComponentSpec spec,
                                                GroundTruth truth) {
        return createRecommenderTyped(factory, spec, truth);
    }

    /** The user or author model {@code spec} names, created by {@code factory} from the spec's params. */
    public static <T> T create(ComponentFactory<?, T> factory, NamedComponentSpec spec) {
        return createTyped(factory, spec);
    }

    private static <P extends Record> Recommender createRecommenderTyped(RecommenderFactory<P> factory,
                                                                          NamedComponentSpec spec, GroundTruth truth) {
        return factory.create(bind(spec, factory.paramsType()), factory.needsGroundTruth() ? truth : null);
    }

    private static <P extends Record, T> T createTyped(ComponentFactory<P, T> factory, NamedComponentSpec spec) {
        return factory.create(bind(spec, factory.paramsType()));
    }
}
