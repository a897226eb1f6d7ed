package org.receco.agents.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.RandomStreams;
import org.receco.core.world.ItemStore;

class GeneratedItemTextTest {
    private static final int ITEMS = 200;

    /** Items in 3 dims; topic = i % 2, the strongest dim = i % 3. */
    private static ItemStore items() {
        ItemStore s = new ItemStore(3, ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            float[] v = {0.1f, 0.2f, 0.3f};
            v[i % 3] = 5;
            s.add(v, 0, 0, 0, 0.5f, i % 2);
        }
        return s;
    }

    private static List<String> all(GeneratedItemText t, boolean backwards) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < ITEMS; k++) {
            int i = backwards ? ITEMS - 1 - k : k;
            out.add(i + ": " + t.title(i) + " / " + t.summary(i));
        }
        if (backwards) {
            out.sort((a, b) -> Integer.compare(Integer.parseInt(a.split(":")[0]), Integer.parseInt(b.split(":")[0])));
        }
        return out;
    }

    @Test
    void sameSeedSameWordsWhateverTheOrderAskedIn() {
        ItemStore s = items();
        List<String> a = all(new GeneratedItemText(TopicVocabularyTest.TWO, s, new RandomStreams(7)), false);
        List<String> b = all(new GeneratedItemText(TopicVocabularyTest.TWO, s, new RandomStreams(7)), true);
        assertEquals(a, b);
        List<String> c = all(new GeneratedItemText(TopicVocabularyTest.TWO, s, new RandomStreams(8)), false);
        int differ = 0;
        for (int i = 0; i < ITEMS; i++) {
            differ += a.get(i).equals(c.get(i)) ? 0 : 1;
        }
        // Per item, another seed keeps the lead word but redraws two words of 3-4 and the templates.
        assertTrue(differ > ITEMS / 2, differ + " of " + ITEMS + " items differ under another seed");
    }

    @Test
    void wordsComeFromTheItemsTopicLedByItsStrongestDimension() {
        ItemStore s = items();
        GeneratedItemText t = new GeneratedItemText(TopicVocabularyTest.TWO, s, new RandomStreams(3));
        Set<String> titleTemplatesSeen = new HashSet<>();
        for (int i = 0; i < ITEMS; i++) {
            List<String> words = TopicVocabularyTest.TWO.topics().get(i % 2).words();
            List<String> other = TopicVocabularyTest.TWO.topics().get(1 - i % 2).words();
            String summary = t.summary(i);
            // "A {topic} story on {0}, {1}, {2}."
            String topicName = i % 2 == 0 ? "sport" : "science";
            assertTrue(summary.startsWith("A " + topicName + " story on "), summary);
            String[] named = summary.substring(("A " + topicName + " story on ").length(), summary.length() - 1)
                    .split(", ");
            assertEquals(3, named.length, summary);
            assertEquals(words.get((i % 3) % words.size()), named[0], "lead word by strongest dim: " + summary);
            assertEquals(3, Set.of(named).size(), "three distinct words: " + summary);
            for (String w : named) {
                assertTrue(words.contains(w) && !other.contains(w), w + " is a word of topic " + topicName);
            }
            String title = t.title(i);
            assertTrue(Character.isUpperCase(title.charAt(0)), title);
            assertTrue(title.toLowerCase().contains(named[0]), "the title names the lead word: " + title);
            titleTemplatesSeen.add(title.contains(" and ") ? "and" : "why");
        }
        assertEquals(2, titleTemplatesSeen.size(), "both title templates are used");
    }

    @Test
    void topicNamesRepeatWithANumberPastTheVocabulary() {
        GeneratedItemText t = new GeneratedItemText(TopicVocabularyTest.TWO, items(), new RandomStreams(1));
        assertEquals("sport", t.topicName(0));
        assertEquals("science", t.topicName(1));
        assertEquals("sport 2", t.topicName(2));
        assertEquals("science 3", t.topicName(5));
        assertNotEquals(t.topicName(0), t.topicName(2));
    }
}
