package org.receco.agents.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.agents.text.TopicVocabulary.Topic;

class TopicVocabularyTest {
    static final TopicVocabulary TWO = new TopicVocabulary(
            List.of(new Topic("sport", List.of("goal", "coach", "derby", "medal")),
                    new Topic("science", List.of("comet", "genome", "fossil", "quantum", "enzyme"))),
            List.of("{0} and {1}", "Why {0} matters for {2} in {topic}"), List.of("A {topic} story on {0}, {1}, {2}."));

    @Test
    void aTopicNeedsThreeDistinctWords() {
        assertThrows(IllegalArgumentException.class, () -> new Topic("sport", List.of("goal", "coach")));
        assertThrows(IllegalArgumentException.class, () -> new Topic("sport", List.of("goal", "coach", "goal")));
        assertThrows(IllegalArgumentException.class, () -> new Topic("sport", List.of("goal", "coach", " ")));
        assertThrows(IllegalArgumentException.class, () -> new Topic(" ", List.of("goal", "coach", "derby")));
    }

    @Test
    void templatesMayNameOnlyThreeWordsAndTheTopic() {
        assertNull(TopicVocabulary.templateProblem("{0}, {1}, {2} in {topic}"));
        assertTrue(TopicVocabulary.templateProblem("{3} too many").contains("{3}"));
        assertTrue(TopicVocabulary.templateProblem("{author}").contains("{author}"));
        assertThrows(IllegalArgumentException.class,
                () -> new TopicVocabulary(TWO.topics(), List.of("{x}"), TWO.summaries()));
        assertThrows(IllegalArgumentException.class,
                () -> new TopicVocabulary(TWO.topics(), List.of(), TWO.summaries()));
        assertThrows(IllegalArgumentException.class,
                () -> new TopicVocabulary(List.of(), TWO.titles(), TWO.summaries()));
    }

    @Test
    void renamingKeepsWordsAndExtendsRoundRobin() {
        assertSame(TWO, TWO.renamed(List.of()));
        TopicVocabulary r = TWO.renamed(List.of("football", "astronomy", "athletics"));
        assertEquals(List.of("football", "astronomy", "athletics"), r.topics().stream().map(Topic::name).toList());
        assertEquals(TWO.topics().get(0).words(), r.topics().get(0).words());
        assertEquals(TWO.topics().get(0).words(), r.topics().get(2).words(), "topic 2 reuses topic 0's words");
        assertEquals(TWO.titles(), r.titles());
    }
}
