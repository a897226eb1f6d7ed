package org.receco.agents.users.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receco.agents.Components;
import org.receco.agents.llm.JsonSchemaCheck;
import org.receco.core.rng.SplitMix;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

class LlmUserModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void isRegisteredAsLlmAndRatesAndReviewsInBatch() {
        assertSame(LlmUserModel.FACTORY, Components.USER_MODELS.get("llm"));
        LlmUserModel m = new LlmUserModel(LlmUserParams.defaults());
        assertTrue(m.choosesInBatch() && m.rates() && m.writesReviews());
        assertEquals(4 * 5, m.maxClicks(), "at most every item of every page");
    }

    @Test
    void thePageSchemaAcceptsAgent4RecsDecisionAndRejectsOthers() throws Exception {
        JsonNode schema = LlmUserModel.pageSchema(2);
        JsonNode ok = JSON.readTree("{\"items\": [{\"fits\": true, \"click\": true, \"rating\": 5, \"reason\": \"mine\"},"
                + "{\"fits\": false, \"click\": false, \"rating\": 2, \"reason\": \"dull\"}], \"next\": \"EXIT\"}");
        assertEquals(java.util.List.of(), JsonSchemaCheck.problems(schema, ok));
        for (String bad : new String[] {
                "{\"items\": [{\"fits\": true, \"click\": true, \"rating\": 5, \"reason\": \"x\"}], \"next\": \"EXIT\"}",
                "{\"items\": [{\"fits\": true, \"click\": true, \"rating\": 6, \"reason\": \"x\"},"
                        + "{\"fits\": true, \"click\": true, \"rating\": 1, \"reason\": \"x\"}], \"next\": \"EXIT\"}",
                "{\"items\": [{\"fits\": true, \"click\": true, \"rating\": 3, \"reason\": \"x\"},"
                        + "{\"fits\": true, \"click\": true, \"rating\": 1, \"reason\": \"x\"}], \"next\": \"MORE\"}"}) {
            assertFalse(JsonSchemaCheck.problems(schema, JSON.readTree(bad)).isEmpty(), bad);
        }
    }

    @Test
    void usersGetPersonasFromTheirLatentTwinsAndAReplayNeedsNoServer() {
        float[] centres = new float[3 * 4];
        for (int t = 0; t < 3; t++) {
            centres[t * 4 + t] = 1f;
        }
        World w = new World(new LatentSpace(4, centres), 8, 1, 1);
        float[] v = {1, 0, 0, 0};
        for (int u = 0; u < 5; u++) {
            w.users().add(v, 0, 0, u < 2 ? 0 : 1, 0);
        }
        LlmUserModel m = new LlmUserModel(LlmUserParams.defaults());
        // Replaying an empty record: no probe of the (absent) endpoint.
        m.attach(new LlmSession(new LlmCallsTable.Recorded(Map.of()), Path.of("recorded"), "t", k -> null));
        m.init(w);
        m.onUsersAdded(2, 5, new SplitMix(3));
        assertNull(m.persona(0), "another population's user");
        Persona p = m.persona(3);
        assertNotNull(p);
        assertTrue(p.taste().startsWith("You like topic 0"), p.taste());
        assertNull(m.lastExchange(3), "nothing asked yet");
        assertEquals(0, m.client().counters().done());
    }

    @Test
    void theEmbedderParamChoosesWhatEmbedsTheMemories() {
        LlmUserParams d = LlmUserParams.defaults();
        assertEquals(LlmUserParams.Embedding.minilm, d.embedder(), "offline sentence embeddings by default");
        for (LlmUserParams.Embedding e : LlmUserParams.Embedding.values()) {
            LlmUserParams p = new LlmUserParams(d.endpoint(), d.model(), "", 0.7, 400, 1, 4, 60, 0, 0, 0, 4, 5, 4, e,
                    e == LlmUserParams.Embedding.endpoint ? "nomic-embed" : "", "", LlmUserParams.Fallback.latent,
                    LlmUserParams.SchemaField.response_format, "");
            LlmUserModel m = new LlmUserModel(p);
            m.attach(new LlmSession(new LlmCallsTable.Recorded(Map.of()), Path.of("recorded"), "t", k -> null));
            World w = new World(new LatentSpace(4, new float[] {1, 0, 0, 0}), 8, 1, 1);
            m.init(w);
            String name = m.embedder().name();
            switch (e) {
                case minilm -> assertEquals(org.receco.agents.llm.memory.MiniLmEmbedder.NAME, name);
                case endpoint -> assertEquals("nomic-embed at http://127.0.0.1:8089/v1/embeddings", name);
                case none -> assertEquals("none", name);
            }
        }
    }
}
