package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.scenarios.model.EventKinds;

class ScenarioSchemaTest {
    private final JsonNode schema = parse(new ScenarioSchema(Fixtures.CATALOG).toJson());

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not valid JSON", e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void isADraft202012ObjectSchemaWithEveryTopLevelKey() {
        assertEquals(ScenarioSchema.DRAFT, schema.get("$schema").asText());
        assertEquals("object", schema.get("type").asText());
        assertFalse(schema.get("additionalProperties").asBoolean());
        List<String> keys = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("name", "description", "seed", "rounds", "threads", "space", "world", "users", "authors",
                "items", "slate", "recommender", "store", "metrics", "events"), keys);
    }

    @Test
    void propertiesCarryTypeDescriptionRangeAndDefault() {
        JsonNode rounds = schema.at("/properties/rounds");
        assertEquals("integer", rounds.get("type").asText());
        assertEquals("Rounds to play.", rounds.get("description").asText());
        assertEquals(1, rounds.get("minimum").asInt());
        assertEquals(1000000, rounds.get("maximum").asInt());
        assertEquals(50, rounds.get("default").asInt());
        JsonNode sample = schema.at("/properties/store/properties/impressionSample");
        assertEquals("number", sample.get("type").asText());
        assertEquals(0.05, sample.get("default").asDouble());
        assertEquals(List.of("off", "sampled", "full"), texts(schema.at("/properties/store/properties/impressions/enum")));
        assertEquals(10, schema.at("/properties/slate/properties/coldStart/default").asInt());
        assertEquals("array", schema.at("/properties/space/properties/topicWeights/type").asText());
        assertEquals("number", schema.at("/properties/space/properties/topicWeights/items/type").asText());
        assertFalse(schema.at("/properties/slate/additionalProperties").asBoolean());
    }

    @Test
    void namedComponentsListTheirNamesAndBindParamsPerName() {
        JsonNode rec = schema.at("/properties/recommender");
        assertEquals(List.of("random", "popular", "bpr"), texts(rec.at("/properties/name/enum")));
        JsonNode allOf = rec.get("allOf");
        assertEquals(3, allOf.size());
        JsonNode bpr = allOf.get(2);
        assertEquals("bpr", bpr.at("/if/properties/name/const").asText());
        assertEquals(List.of("name"), texts(bpr.at("/if/required")));
        JsonNode params = bpr.at("/then/properties/params");
        assertFalse(params.get("additionalProperties").asBoolean());
        assertEquals(1, params.at("/properties/k/minimum").asInt());
        assertEquals(10, params.at("/properties/k/default").asInt());
        assertTrue(params.get("description").asText().contains("Fake BPR."));
        JsonNode users = schema.at("/properties/users");
        assertEquals(List.of("simuline"), texts(users.at("/properties/model/enum")));
        assertEquals(0.3, users.at("/allOf/0/then/properties/params/properties/likeThreshold/properties/mean/default")
                .asDouble());
    }

    @Test
    void eventsAreOneOfTheirTypesWithTypeDefaultsAndRequiredKeys() {
        JsonNode oneOf = schema.at("/properties/events/items/oneOf");
        List<String> kinds = new ArrayList<>();
        oneOf.forEach(k -> kinds.add(k.at("/properties/type/const").asText()));
        assertEquals(List.copyOf(EventKinds.registry().names()), kinds, "one entry per registered event kind");
        JsonNode news = oneOf.get(0);
        assertEquals("breaking-news", news.at("/properties/type/const").asText());
        assertEquals(List.of("type", "round"), texts(news.get("required")));
        assertEquals(50, news.at("/properties/items/default").asInt());
        assertFalse(news.get("additionalProperties").asBoolean());
        JsonNode sw = oneOf.get(1);
        assertEquals("switch-recommender", sw.at("/properties/type/const").asText());
        assertEquals(List.of("random", "popular", "bpr"), texts(sw.at("/properties/recommender/properties/name/enum")));
        assertEquals("bpr", sw.at("/properties/recommender/properties/name/default").asText());
        JsonNode add = oneOf.get(2);
        assertEquals("add-population", add.at("/properties/type/const").asText());
        assertEquals(List.of("type", "round", "name", "count", "model"), texts(add.get("required")));
    }

    @Test
    void theStandardCatalogSchemaIsValidJson() {
        JsonNode real = parse(new ScenarioSchema(ComponentCatalog.standard()).toJson());
        assertTrue(real.at("/properties/recommender/properties/name").has("enum"));
    }
}
