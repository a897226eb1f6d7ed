package org.receco.agents.users.llm;

import org.receco.core.world.ItemText;
import org.receco.core.world.World;

/**
 * The words prompts use for topics and items. Agent4Rec (Zhang et al., "On Generative Agents in
 * Recommendation", SIGIR 2024) shows its agents movie titles and genres; RecEco's items are latent vectors, so a
 * prompt names them through this interface: a world with item texts plugs its vocabulary in here, and without one
 * {@link #numbered} names topics and items by their numbers.
 */
public interface PromptWords {
    /** A short name of topic {@code topic}. */
    String topicName(int topic);

    /** A short title of {@code item}. */
    String title(int item);

    /** A one-line summary of {@code item}. */
    String summary(int item);

    /**
     * The world's own item words ({@link World#text()}: topic names, titles, one-line summaries from the scenario's
     * vocabulary), or {@link #numbered} when it has none.
     */
    static PromptWords of(World world) {
        ItemText text = world.text();
        if (text == ItemText.PLAIN) {
            return numbered(world);
        }
        return new PromptWords() {
            @Override
            public String topicName(int topic) {
                return text.topicName(topic);
            }

            @Override
            public String title(int item) {
                return text.title(item);
            }

            @Override
            public String summary(int item) {
                return text.summary(item);
            }
        };
    }

    /**
     * Topics and items by number: "topic 3", "item 1042", "a topic 3 item". Never the item's quality, which is
     * ground truth.
     */
    static PromptWords numbered(World world) {
        return new PromptWords() {
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
                return "a " + topicName(world.items().topic(item)) + " item";
            }
        };
    }
}
