package org.receco.agents.users.llm;

import java.util.Objects;

/**
 * An LLM user's profile as Agent4Rec builds it (Zhang et al., "On Generative Agents in Recommendation", SIGIR
 * 2024, §3.1): a taste summary in words, a rating tendency, and three social traits at three levels each
 * (activity, conformity, diversity), each level a sentence of the system prompt. The prompt names each trait's
 * level in a fixed form ({@code Activity: high. ...}) so that the page decisions can be audited against it.
 *
 * @param taste          what the user likes, in words
 * @param ratingTendency how generously the user rates, in words
 * @param activity       how much the user browses (Agent4Rec: number of ratings, cut at the 60th/90th percentiles)
 * @param conformity     how closely the user's ratings follow the crowd's (cut at the 25th/80th percentiles)
 * @param diversity      how many topics the user's interest spans (cut at the 33rd/66th percentiles)
 * @param demographics   optional words on who the user is ("" for none)
 */
public record Persona(String taste, String ratingTendency, Level activity, Level conformity, Level diversity,
        String demographics) {
    /** A trait's level. */
    public enum Level { low, medium, high }

    public Persona {
        Objects.requireNonNull(taste, "taste");
        Objects.requireNonNull(ratingTendency, "ratingTendency");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(conformity, "conformity");
        Objects.requireNonNull(diversity, "diversity");
        demographics = demographics == null ? "" : demographics;
    }

    /** The persona as the system prompt's lines. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!demographics.isBlank()) {
            b.append("About you: ").append(demographics).append('\n');
        }
        b.append("Taste: ").append(taste).append('\n');
        b.append("Rating tendency: ").append(ratingTendency).append('\n');
        b.append("Activity: ").append(activity).append(". ").append(switch (activity) {
            case low -> "You rarely browse: one page of recommendations is usually enough for you.";
            case medium -> "You browse a few pages when something catches your eye.";
            case high -> "You love browsing and often look through many pages of recommendations.";
        }).append('\n');
        b.append("Conformity: ").append(conformity).append(". ").append(switch (conformity) {
            case low -> "Your ratings are your own; how others rate an item does not sway you.";
            case medium -> "Other people's opinions sometimes sway your ratings.";
            case high -> "Your ratings tend to follow the crowd: well-made, popular items get high marks from you.";
        }).append('\n');
        b.append("Diversity: ").append(diversity).append(". ").append(switch (diversity) {
            case low -> "You stick to your favourite topics.";
            case medium -> "You mostly keep to your favourite topics but try something new now and then.";
            case high -> "You enjoy items from many different topics.";
        });
        return b.toString();
    }
}
