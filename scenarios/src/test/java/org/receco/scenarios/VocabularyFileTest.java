package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.text.TopicVocabulary;
import org.receco.agents.text.TopicVocabulary.Topic;

class VocabularyFileTest {
    @TempDir
    Path dir;

    @Test
    void theBundledVocabularyIsNewsLike() {
        TopicVocabulary v = VocabularyFile.load(VocabularyFile.DEFAULT);
        List<String> names = v.topics().stream().map(Topic::name).toList();
        assertTrue(names.size() >= 10 && names.size() <= 20, names.toString());
        assertTrue(names.containsAll(List.of("politics", "sport", "science")), names.toString());
        assertEquals(names.size(), Set.copyOf(names).size(), "distinct topic names");
        for (Topic t : v.topics()) {
            assertTrue(t.words().size() >= 25, t.name() + " has " + t.words().size() + " words");
        }
        assertTrue(v.titles().size() >= 5 && v.summaries().size() >= 3);
    }

    @Test
    void aFileGivesTopicsAndMayLeaveTemplatesToTheBundledOnes() throws Exception {
        Path f = Files.writeString(dir.resolve("v.yaml"), """
                topics:
                  - {name: chess, words: [opening, endgame, gambit]}
                """);
        TopicVocabulary v = VocabularyFile.load(f.toString());
        assertEquals(List.of(new Topic("chess", List.of("opening", "endgame", "gambit"))), v.topics());
        assertEquals(VocabularyFile.standard().titles(), v.titles());
        Path g = Files.writeString(dir.resolve("g.yaml"), """
                topics: [{name: chess, words: [opening, endgame, gambit]}]
                titles: ["{0} wins"]
                """);
        assertEquals(List.of("{0} wins"), VocabularyFile.load(g.toString()).titles());
    }

    @Test
    void badFilesSayWhereAndWhy() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yaml"), """
                topics:
                  - {name: chess, words: [opening, endgame, gambit]}
                  - {name: go, words: [ko, atari]}
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> VocabularyFile.load(f.toString()));
        String m = e.getMessage();
        assertTrue(m.contains("bad.yaml:3:"), m);
        assertTrue(m.contains("topic go needs at least 3"), m);
        Path t = Files.writeString(dir.resolve("template.yaml"), """
                topics: [{name: chess, words: [opening, endgame, gambit]}]
                titles: ["{0} beats {5}"]
                """);
        String tm = assertThrows(ScenarioException.class, () -> VocabularyFile.load(t.toString())).getMessage();
        assertTrue(tm.contains("template.yaml:") && tm.contains("unknown placeholder {5}"), tm);
        Path k = Files.writeString(dir.resolve("key.yaml"), "topics: []\nwords: [a]\n");
        String km = assertThrows(ScenarioException.class, () -> VocabularyFile.load(k.toString())).getMessage();
        assertTrue(km.contains("key.yaml:2:") && km.contains("words"), km);
        String missing = assertThrows(ScenarioException.class,
                () -> VocabularyFile.load(dir.resolve("none.yaml").toString())).getMessage();
        assertTrue(missing.contains("none.yaml") && missing.contains("no such vocabulary file"), missing);
    }

    @Test
    void aScenarioNamingABadVocabularyFailsAtThatKey() throws Exception {
        Path s = Files.writeString(dir.resolve("s.yaml"), """
                name: words
                space: {topics: 2}
                items:
                  text:
                    vocabulary: %s
                    topicNames: [a, b, c]
                """.formatted(dir.resolve("none.yaml")));
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(s));
        List<Problem> p = e.problems();
        assertEquals(List.of("items.text.vocabulary", "items.text.topicNames"), p.stream().map(Problem::path).toList(),
                e.getMessage());
        assertEquals(List.of(5, 6), p.stream().map(x -> x.origin().line()).toList());
        assertTrue(p.get(0).message().contains("no such vocabulary file"), p.get(0).message());
        Path dup = Files.writeString(dir.resolve("dup.yaml"), """
                name: words
                space: {topics: 3}
                items: {text: {topicNames: [a, a]}}
                """);
        ScenarioException d = assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(dup));
        assertEquals("items.text.topicNames.1", d.problems().get(0).path(), d.getMessage());
    }
}
