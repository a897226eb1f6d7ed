package org.receco.agents.text;

import java.util.ArrayList;
import java.util.List;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemText;

/**
 * Titles and summaries written from a {@link TopicVocabulary}: an item's words are those of its topic, the first
 * picked by its content vector's strongest dimension (so items near each other in the space tend to share a lead
 * word, as stories on one subject do) and two more drawn at random, with a title and a summary template drawn
 * likewise.
 *
 * <p>Nothing is stored per item: the text is a pure function of the run's seed (the stream
 * {@value #STREAM}), the item's id, topic and vector, computed when asked for. So it costs nothing in rounds
 * nobody reads it, does not depend on the order or thread items are asked for in, and leaves every other random
 * stream of the run untouched (adding words changes no result). Thread-safe once the items asked for are
 * published.
 */
public final class GeneratedItemText implements ItemText {
    /** The named random stream of item words. */
    public static final String STREAM = "items.text";
    private static final int TOPIC = -1;

    private final TopicVocabulary vocabulary;
    private final ItemCatalog items;
    private final long seed;
    private final String[][] words;
    private final Template[] titles;
    private final Template[] summaries;

    /** A template split into literal text and slots ({@link #TOPIC} or a word number). */
    private record Template(String[] literals, int[] slots) {
        static Template parse(String text) {
            List<String> literals = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            int at = 0;
            while (true) {
                int open = text.indexOf('{', at);
                int close = open < 0 ? -1 : text.indexOf('}', open);
                if (close < 0) {
                    literals.add(text.substring(at));
                    break;
                }
                literals.add(text.substring(at, open));
                String name = text.substring(open + 1, close);
                slots.add(name.equals("topic") ? TOPIC : Integer.parseInt(name));
                at = close + 1;
            }
            return new Template(literals.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /**
     * @param vocabulary the words
     * @param items      the items written about (their topics and vectors)
     * @param streams    the run's random streams
     */
    public GeneratedItemText(TopicVocabulary vocabulary, ItemCatalog items, RandomStreams streams) {
        this.vocabulary = vocabulary;
        this.items = items;
        this.seed = streams.streamSeed(STREAM);
        this.words = vocabulary.topics().stream().map(t -> t.words().toArray(String[]::new)).toArray(String[][]::new);
        this.titles = vocabulary.titles().stream().map(Template::parse).toArray(Template[]::new);
        this.summaries = vocabulary.summaries().stream().map(Template::parse).toArray(Template[]::new);
    }

    public TopicVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The vocabulary's name for the topic; past the vocabulary's topics, names repeat with a number ("science 2"),
     * as the words do.
     */
    @Override
    public String topicName(int topic) {
        int n = vocabulary.topics().size();
        String name = vocabulary.topics().get(Math.floorMod(topic, n)).name();
        return topic >= 0 && topic < n ? name : name + " " + (Math.floorDiv(topic, n) + 1);
    }

    @Override
    public String title(int item) {
        return write(item, true);
    }

    @Override
    public String summary(int item) {
        return write(item, false);
    }

    private String write(int item, boolean title) {
        int topic = items.topic(item);
        String[] w = words[Math.floorMod(topic, words.length)];
        // Title and summary replay one draw sequence per item, so they name the same three words.
        SplitMix rng = new SplitMix(RandomStreams.seed(seed, item, 0));
        int lead = strongestDim(item) % w.length;
        int second = other(rng, w.length, lead, -1);
        int third = other(rng, w.length, lead, second);
        int[] picked = {lead, second, third};
        int titleTemplate = rng.nextInt(titles.length);
        int summaryTemplate = rng.nextInt(summaries.length);
        Template t = title ? titles[titleTemplate] : summaries[summaryTemplate];
        StringBuilder sb = new StringBuilder(64);
        for (int k = 0; k < t.slots().length; k++) {
            sb.append(t.literals()[k]);
            int slot = t.slots()[k];
            sb.append(slot == TOPIC ? topicName(topic) : w[picked[slot]]);
        }
        sb.append(t.literals()[t.slots().length]);
        if (sb.length() > 0) {
            sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        }
        return sb.toString();
    }

    /** A word index other than {@code a} and {@code b} (the vocabulary guarantees three distinct words). */
    private static int other(SplitMix rng, int n, int a, int b) {
        int i = rng.nextInt(n - (b < 0 ? 1 : 2));
        // Skip the taken indices in increasing order, so every free index is equally likely.
        int lo = b < 0 ? a : Math.min(a, b);
        int hi = b < 0 ? Integer.MAX_VALUE : Math.max(a, b);
        if (i >= lo) {
            i++;
        }
        if (i >= hi) {
            i++;
        }
        return i;
    }

    private int strongestDim(int item) {
        int dims = items.dims();
        float[] v = items.vectors();
        int o = item * dims;
        int best = 0;
        for (int k = 1; k < dims; k++) {
            if (v[o + k] > v[o + best]) {
                best = k;
            }
        }
        return best;
    }
}
