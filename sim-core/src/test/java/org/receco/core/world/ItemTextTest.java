package org.receco.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ItemTextTest {

    @Test
    void plainTextNumbersTopicsAndItems() {
        assertEquals("topic 3", ItemText.PLAIN.topicName(3));
        assertEquals("item 17", ItemText.PLAIN.title(17));
        assertEquals("", ItemText.PLAIN.summary(17));
    }

    @Test
    void aWorldSpeaksPlainUntilGivenWords() {
        World w = new World(new LatentSpace(2, new float[] {1, 0}), 1, 1, 1);
        assertSame(ItemText.PLAIN, w.text());
        ItemText named = new ItemText() {
            @Override
            public String topicName(int topic) {
                return "science";
            }

            @Override
            public String title(int item) {
                return "Comet seen";
            }

            @Override
            public String summary(int item) {
                return "A comet.";
            }
        };
        w.setText(named);
        assertSame(named, w.text());
        assertThrows(NullPointerException.class, () -> w.setText(null));
    }
}
