package org.receco.agents.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words items are written with: per topic a name and a list of words, and the templates titles and summaries
 * are made from. A template's {@code {0}}, {@code {1}}, {@code {2}} stand for three distinct words of the item's
 * topic ({@code {0}} the one its vector's strongest dimension picks), {@code {topic}} for the topic's name.
 *
 * <p>Topics of the latent space map onto the vocabulary's topics in order; a space with more topics than the
 * vocabulary reuses its words round-robin ({@link GeneratedItemText}).
 *
 * @param topics    at least one; each with a name and at least {@link #MIN_WORDS} distinct words
 * @param titles    title templates, at least one
 * @param summaries one-line summary templates, at least one
 */
public record TopicVocabulary(List<Topic> topics, List<String> titles, List<String> summaries) {
    /** Words a topic needs: a template names three distinct ones. */
    public static final int MIN_WORDS = 3;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    /** One topic's name and words. */
    public record Topic(String name, List<String> words) {
        public Topic {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a topic needs a name");
            }
            words = List.copyOf(words);
            if (words.size() < MIN_WORDS || words.stream().distinct().count() != words.size()
                    || words.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("topic " + name + " needs at least " + MIN_WORDS
                        + " distinct, non-blank words, got " + words);
            }
        }
    }

    public TopicVocabulary {
        topics = List.copyOf(topics);
        titles = List.copyOf(titles);
        summaries = List.copyOf(summaries);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs at least one topic");
        }
        if (titles.isEmpty() || summaries.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs at least one title and one summary template");
        }
        for (String t : titles) {
            checkTemplate(t);
        }
        for (String t : summaries) {
            checkTemplate(t);
        }
    }

    /**
     * Why {@code template} cannot be used (a placeholder other than {0}, {1}, {2}, {topic}), or null when it can.
     */
    public static String templateProblem(String template) {
        if (template == null || template.isBlank()) {
            return "a template must not be empty";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String p = m.group(1);
            if (!p.equals("0") && !p.equals("1") && !p.equals("2") && !p.equals("topic")) {
                return "unknown placeholder {" + p + "} in template '" + template + "'; use {0}, {1}, {2}, {topic}";
            }
        }
        return null;
    }

    private static void checkTemplate(String template) {
        String problem = templateProblem(template);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The same words with the first {@code names.size()} topics renamed (a scenario's {@code topicNames}). */
    public TopicVocabulary renamed(List<String> names) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty()) {
            return this;
        }
        List<Topic> renamed = new ArrayList<>(topics);
        for (int t = 0; t < names.size(); t++) {
            Topic base = topics.get(t % topics.size());
            if (t < renamed.size()) {
                renamed.set(t, new Topic(names.get(t), base.words()));
            } else {
                renamed.add(new Topic(names.get(t), base.words()));
            }
        }
        return new TopicVocabulary(renamed, titles, summaries);
    }
}
