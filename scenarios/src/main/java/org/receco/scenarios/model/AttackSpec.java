package org.receco.scenarios.model;

import java.util.List;
import org.receco.agents.attacks.Attack;
import org.receco.agents.attacks.AttackStrategies;
import org.receco.agents.attacks.LlmReviewWriter;
import org.receco.agents.attacks.ReviewWriter;
import org.receco.agents.attacks.TemplateReviewWriter;
import org.receco.agents.llm.LlmClient;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.spi.ScenarioEvent;

/**
 * A shilling attack (Lam &amp; Riedl, WWW 2004; Mobasher et al., ACM TOIT 2007; Gu et al. 2025, Agent4SR): fake
 * accounts, a share of the genuine users, join at {@code round} marked fake and rate the targets and their filler
 * until {@code end}. With {@code share: 0} the event is left out entirely, so the run is the one without it.
 */
@Doc("A shilling attack: fake accounts rate target items (push or nuke) over a window of rounds.")
public record AttackSpec(
        @Doc("Round the attack begins (its fake accounts join and start rating).") @Range(min = 0) int round,
        @Doc("First round after the attack window (exclusive end).") @Range(min = 1) int end,
        @Doc("Name of the attack and of its fake population (populations table; attack_targets).") String name,
        @Doc("Profile strategy: random, average, bandwagon, segment, love-hate (nuke) or agent4sr.") String strategy,
        @Doc("Fake accounts as a share of the genuine users when the attack begins (0 = no attack; 0.03 = 3 %).")
        @Range(min = 0, max = 10) double share,
        @Doc("Explicit target item ids (live when the attack begins); empty = draw `unpopular` targets.")
        List<Integer> targets,
        @Doc("Number of targets drawn from the least popular fifth of the live items when targets is empty.")
        @Range(min = 1, max = 1000) int unpopular,
        @Doc("Selected items per profile (bandwagon: the most popular; segment: the segment's most popular).")
        @Range(min = 0, max = 10000) int selected,
        @Doc("Filler items per profile; 0 = the public mean number of ratings per genuine user.")
        @Range(min = 0, max = 100000) int filler,
        @Doc("Ratings per account per round (at most slate.size); 0 = the profile spread evenly over the window.")
        @Range(min = 0, max = 10000) int activity,
        @Doc("agent4sr: chance that a filler item comes from the target-relevant memory rather than the recent one.")
        @Range(min = 0, max = 1) double relevantShare,
        @Doc("agent4sr: the LLM endpoint its reviews come from (endpoint empty = the built-in template generator).")
        ReviewLlmSpec llm) implements EventSpec {

    public AttackSpec {
        targets = targets == null ? List.of() : List.copyOf(targets);
        llm = llm == null ? new ReviewLlmSpec("", "", 0.7, 128, 1, "", 0) : llm;
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an attack needs a non-empty name");
        }
    }

    /** An attack without accounts changes nothing: it is left out of the run (no population, no event row). */
    @Override
    public boolean inert() {
        return share == 0;
    }

    @Override
    public ScenarioEvent create(EventContext context) {
        ReviewWriter writer = llm.enabled() ? new LlmReviewWriter(new LlmClient(llm.config(), null, null))
                : new TemplateReviewWriter();
        String text = writer.name();
        var strategyImpl = AttackStrategies.create(strategy, new AttackStrategies.Options(writer, relevantShare));
        int[] ids = targets.stream().mapToInt(Integer::intValue).toArray();
        return new Attack(new Attack.Plan(name, strategyImpl, text, round, end, share, ids, unpopular, selected,
                filler, activity), context::drawUsers);
    }

    @Override
    public void check(Scenario scenario, Problems problems) {
        if (AttackStrategies.registry().find(strategy).isEmpty()) {
            problems.report("strategy", "unknown attack strategy '" + strategy + "'",
                    String.join(", ", AttackStrategies.registry().names()));
        }
        if (end <= round) {
            problems.report("end", "the attack window ends (end = " + end + ") before it begins (round = " + round
                    + ")", "a round after " + round);
        }
        int slate = scenario.slate().size();
        if (activity > slate) {
            problems.report("activity", "an account rates at most a slate's worth of items per round, but activity "
                    + "is " + activity + " and slate.size " + slate, "0 to " + slate);
        }
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) < 0) {
                problems.report("targets." + i, "item id " + targets.get(i) + " is negative", "an item id >= 0");
            }
        }
    }

    /** At most {@code ceil(share × users)} accounts, each rating at most a slate's worth per round. */
    @Override
    public EventFootprint footprint(Scenario scenario) {
        long accounts = (long) Math.ceil(share * scenario.users().totalCount());
        return new EventFootprint(accounts, accounts * scenario.slate().size(), 0, 0);
    }
}
