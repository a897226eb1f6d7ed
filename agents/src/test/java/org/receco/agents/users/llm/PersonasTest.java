package org.receco.agents.users.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.rng.SplitMix;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

class PersonasTest {
    @TempDir
    Path dir;

    private static final int DIMS = 4;
    private static final int TOPICS = 4;

    /** Topic t's centre is the t-th axis. */
    private static LatentSpace axes() {
        float[] c = new float[TOPICS * DIMS];
        for (int t = 0; t < TOPICS; t++) {
            c[t * DIMS + t] = 1f;
        }
        return new LatentSpace(DIMS, c);
    }

    private static Persona[] cohort(int n, long seed) {
        SplitMix r = new SplitMix(seed);
        float[] prefs = new float[n * DIMS];
        float[] threshold = new float[n];
        float[] quality = new float[n];
        double[] activity = new double[n];
        for (int k = 0; k < n; k++) {
            for (int d = 0; d < DIMS; d++) {
                prefs[k * DIMS + d] = (float) r.nextGaussian();
            }
            threshold[k] = (float) r.nextDouble();
            quality[k] = (float) r.nextDouble();
            activity[k] = r.nextDouble();
        }
        World w = new World(axes(), 1, 1, 1);
        return Personas.generate(new Personas.Cohort(prefs, 0, n, threshold, quality, activity), axes(),
                PromptWords.numbered(w));
    }

    private static Map<Persona.Level, Integer> levels(Persona[] ps, java.util.function.Function<Persona,
            Persona.Level> trait) {
        Map<Persona.Level, Integer> m = new EnumMap<>(Persona.Level.class);
        for (Persona p : ps) {
            m.merge(trait.apply(p), 1, Integer::sum);
        }
        return m;
    }

    @Test
    void traitsAreCutAtAgent4RecsPercentiles() {
        for (long seed = 1; seed <= 3; seed++) {
            Persona[] ps = cohort(2000, seed);
            // Activity: a uniform draw cut at 0.6/0.9; with 2,000 users each share is within 4 standard errors.
            Map<Persona.Level, Integer> a = levels(ps, Persona::activity);
            assertEquals(0.6, a.get(Persona.Level.low) / 2000.0, 4 * Math.sqrt(0.24 / 2000));
            assertEquals(0.1, a.get(Persona.Level.high) / 2000.0, 4 * Math.sqrt(0.09 / 2000));
            // Conformity: continuous values cut at their own 25th/80th percentiles, so the shares are exact.
            Map<Persona.Level, Integer> c = levels(ps, Persona::conformity);
            assertEquals(499, c.get(Persona.Level.low), 1);
            assertEquals(400, c.get(Persona.Level.high), 1);
        }
    }

    @Test
    void theTasteNamesTheClosestTopics() {
        World w = new World(axes(), 1, 1, 1);
        float[] prefs = {0.1f, 0.9f, 0.5f, -1f};
        Persona p = Personas.generate(new Personas.Cohort(prefs, 0, 1, new float[1], new float[1], new double[] {0.95}),
                axes(), PromptWords.numbered(w))[0];
        assertEquals("You like topic 1, topic 2 and topic 0; topic 3 leaves you cold.", p.taste());
        assertEquals(Persona.Level.high, p.activity());
        assertTrue(p.describe().contains("Activity: high. "), p.describe());
    }

    @Test
    void aPersonaFileOverridesWhatItGivesAndABadLineIsNamed() throws Exception {
        Path f = Files.writeString(dir.resolve("p.jsonl"), "{\"user\": 0, \"activity\": \"high\", \"demographics\": "
                + "\"a nurse, 34\"}\n\n{\"user\": 1, \"taste\": \"jazz\"}\n");
        Map<Integer, com.fasterxml.jackson.databind.JsonNode> given = Personas.read(f);
        Persona base = cohort(2, 1)[0];
        Persona p = Personas.override(base, given.get(0));
        assertEquals(Persona.Level.high, p.activity());
        assertEquals(base.taste(), p.taste());
        assertTrue(p.describe().startsWith("About you: a nurse, 34\n"));
        assertEquals("jazz", Personas.override(base, given.get(1)).taste());
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"user\": 0}\n{\"user\": 1, \"activity\": \"hyper\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Personas.read(bad));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("allowed: low, medium, high"),
                e.getMessage());
    }
}
