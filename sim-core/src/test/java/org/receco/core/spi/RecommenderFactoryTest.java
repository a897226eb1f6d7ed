package org.receco.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.core.round.WorkerScratch;
import org.receco.core.world.GroundTruth;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

class RecommenderFactoryTest {
    record Params(int k) {
    }

    private static Recommender named(String name) {
        return new Recommender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
            }

            @Override
            public void train(int round) {
            }
        };
    }

    @Test
    void passesParamsAndTruthAndRefusesToBuildATruthReaderWithoutTruth() {
        List<Object> seen = new ArrayList<>();
        RecommenderFactory<Params> f = RecommenderFactory.of("peek", "reads the truth", Params.class, new Params(3),
                true, (p, truth) -> {
                    seen.add(p);
                    seen.add(truth);
                    return named("peek");
                });
        assertEquals("peek", f.name());
        assertEquals(new Params(3), f.defaults());
        assertSame(Params.class, f.paramsType());
        assertTrue(f.needsGroundTruth());
        GroundTruth truth = new World(new LatentSpace(2, new float[] {1, 0}), 1, 1, 1);
        assertEquals("peek", f.create(new Params(5), truth).name());
        assertEquals(List.of(new Params(5), truth), seen);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.create(new Params(5), null));
        assertTrue(e.getMessage().contains("the peek recommender needs the ground truth"), e.getMessage());
    }
}
