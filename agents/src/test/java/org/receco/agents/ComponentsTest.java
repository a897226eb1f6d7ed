package org.receco.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.receco.agents.space.SpaceParams;
import org.receco.core.config.ExploreSpec;
import org.receco.core.config.Range;
import org.receco.core.config.RerankSpec;

/**
 * Every parameter record scenario files reach (each registered recommender, user model and author model, the
 * latent space, exploration and re-ranking) rejects, when built in Java code, a value just outside a
 * component's {@code @Range} with an error naming that component: the bounds are written once, in the
 * annotation, and hold for YAML (the binder) and Java (the compact constructor) alike.
 */
class ComponentsTest {

    static Stream<Record> parameterDefaults() {
        List<Record> all = new ArrayList<>();
        Components.RECOMMENDERS.entries().values().forEach(f -> all.add(f.defaults()));
        Components.USER_MODELS.entries().values().forEach(f -> all.add(f.defaults()));
        Components.AUTHOR_MODELS.entries().values().forEach(f -> all.add(f.defaults()));
        all.add(SpaceParams.defaults());
        all.add(ExploreSpec.NONE);
        all.add(RerankSpec.NONE);
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("parameterDefaults")
    void valuesJustOutsideARangeAreRejectedNamingTheKey(Record defaults) throws Exception {
        Class<?> type = defaults.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        int ranged = 0;
        for (int k = 0; k < components.length; k++) {
            Range r = components[k].getAnnotation(Range.class);
            if (r == null) {
                continue;
            }
            for (double bad : new double[] {r.min() - 1, r.max() + 1}) {
                Object value = outside(components[k].getType(), bad);
                if (value == null) {
                    continue;
                }
                Object[] args = new Object[components.length];
                for (int j = 0; j < components.length; j++) {
                    args[j] = components[j].getAccessor().invoke(defaults);
                }
                args[k] = value;
                InvocationTargetException e = assertThrows(InvocationTargetException.class,
                        () -> canonical.newInstance(args), type.getSimpleName() + "." + components[k].getName()
                                + " = " + value + " was accepted");
                assertInstanceOf(IllegalArgumentException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains(components[k].getName()), e.getCause().getMessage());
                ranged++;
            }
        }
        assertEquals(ranged == 0, Stream.of(components).noneMatch(c -> c.isAnnotationPresent(Range.class)),
                type.getSimpleName() + ": a range with no finite bound");
    }

    /** {@code bad} as a value of {@code type}, or null when it is infinite or beyond the type. */
    private static Object outside(Class<?> type, double bad) {
        if (Double.isInfinite(bad)) {
            return null;
        }
        if (type == int.class) {
            return bad < Integer.MIN_VALUE || bad > Integer.MAX_VALUE ? null : (Object) (int) bad;
        }
        if (type == long.class) {
            return (long) bad;
        }
        return type == double.class ? (Object) bad : null;
    }
}
