package org.receco.core.world;

/**
 * Words for the world's items: a name per topic, a title and a one-line summary per item, for what shows items to
 * people or to language models (LLM users' prompts, the GUI inspector, the report). Part of an item's public
 * metadata, as its topic and author are: recommenders and attackers may read it; it reveals nothing of the ground
 * truth (quality) beyond what the topic already does.
 *
 * <p>Implementations must answer for every topic of the space and every published item, from any thread, and the
 * same way on every run of the same scenario and seed.
 */
public interface ItemText {
    /** The topic's name, e.g. "science". */
    String topicName(int topic);

    /** The item's title. */
    String title(int item);

    /** One line about the item; may be empty. */
    String summary(int item);

    /** Words that only number things: "topic 3", "item 17", no summary. The default of a world. */
    ItemText PLAIN = new ItemText() {
        @Override
        public String topicName(int topic) {
            return "topic " + topic;
        }

        @Override
        public String title(int item) {
            return "item " + item;
        }

        @Override
        public String summary(int item) {
            return "";
        }

        @Override
        public String toString() {
            return "ItemText.PLAIN";
        }
    };
}
