package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receco.scenarios.ComponentCatalog.Component;
import org.receco.scenarios.model.AuthorsSpec;
import org.receco.scenarios.model.NamedComponent;
import org.receco.scenarios.model.NamedComponentSpec;
import org.receco.scenarios.model.RecommenderSpec;
import org.receco.scenarios.model.UsersSpec;

class ComponentCatalogTest {
    @Test
    void aFixedCatalogKeepsRegistrationOrder() {
        assertEquals(List.of("random", "popular", "bpr"),
                List.copyOf(Fixtures.CATALOG.components(ComponentCatalog.RECOMMENDER).keySet()));
        assertTrue(Fixtures.CATALOG.components("metric").isEmpty());
        assertTrue(Fixtures.CATALOG.find(ComponentCatalog.USER_MODEL, "nope").isEmpty());
    }

    @Test
    void defaultsMustBeOfTheParamsType() {
        assertThrows(IllegalArgumentException.class, () ->
                new Component("x", "x", Fixtures.NoParams.class, new Fixtures.FakeAuthorParams(1)));
    }

    @Test
    void namedComponentAnnotationsMatchTheRecords() {
        List<NamedComponentSpec> specs = List.of(new RecommenderSpec("n", 1, 0, Map.of()),
                new UsersSpec(1, "n", Map.of()), new AuthorsSpec(1, "n", Map.of()));
        for (NamedComponentSpec spec : specs) {
            NamedComponent a = spec.getClass().getAnnotation(NamedComponent.class);
            assertEquals(spec.registry(), a.registry(), spec.getClass().getSimpleName());
            assertEquals("n", spec.componentName());
            assertTrue(List.of(ComponentCatalog.RECOMMENDER, ComponentCatalog.USER_MODEL, ComponentCatalog.AUTHOR_MODEL)
                    .contains(a.registry()));
        }
    }
}
