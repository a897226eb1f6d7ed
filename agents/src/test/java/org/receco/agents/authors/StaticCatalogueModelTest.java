package org.receco.agents.authors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.receco.agents.Components;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.AuthorModel;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

class StaticCatalogueModelTest {
    @Test
    void publishesNothingAndIsRegistered() {
        World w = new World(new LatentSpace(2, new float[] {1, 0}), 1, 2, 4);
        w.authors().add(new float[] {1, 0}, 0, 0, 0);
        assertSame(StaticCatalogueModel.FACTORY, Components.AUTHOR_MODELS.get(StaticCatalogueModel.NAME));
        AuthorModel m = StaticCatalogueModel.FACTORY.create(new StaticCatalogueModel.Params());
        m.init(w);
        m.onAuthorsAdded(0, 1, new SplitMix(1));
        for (int r = 0; r < 5; r++) {
            m.publish(0, r, new SplitMix(r));
        }
        assertEquals(0, w.items().count());
    }
}
