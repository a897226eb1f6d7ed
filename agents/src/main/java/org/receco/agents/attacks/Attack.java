package org.receco.agents.attacks;

import java.util.Arrays;
import org.receco.agents.events.AddPopulation;
import org.receco.agents.space.SyntheticSpace;
import org.receco.core.RecEcoModel;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.store.TableWriter;
import org.receco.core.world.Attacks;
import org.receco.core.world.ItemStats;
import org.receco.core.world.World;

/**
 * A shilling attack begins (Lam &amp; Riedl, WWW 2004; Mobasher et al., ACM TOIT 2007; Gu et al. 2025, Agent4SR):
 * at round {@code start} a fake population of {@code share} × (genuine users then) accounts joins, marked fake,
 * and plays profiles made by its strategy until round {@code end}. Targets are the given item ids or {@code k}
 * unpopular live items drawn from the named stream {@code event.attack.<name>.targets}; the accounts' latent
 * vectors (which nothing of the attack uses) come from {@code event.attack.<name>}. The attack registers its
 * targets and window in {@link World#attacks()} and the {@code attack_targets} table, where the metrics of its
 * effect find them.
 */
public final class Attack implements ScenarioEvent {
    /**
     * The attack as configured.
     *
     * @param filler   filler items per profile; 0 = the public mean number of ratings per genuine user
     * @param activity ratings per account per round; 0 = the profile spread evenly over the window
     */
    public record Plan(String name, AttackStrategy strategy, String textSource, int start, int end, double share,
                       int[] targets, int unpopular, int selected, int filler, int activity) {
        public Plan {
            targets = targets.clone();
        }
    }

    private final Plan plan;
    private final AddPopulation.UserDraw draw;
    private String outcome;

    public Attack(Plan plan, AddPopulation.UserDraw draw) {
        this.plan = plan;
        this.draw = draw;
    }

    @Override
    public int round() {
        return plan.start();
    }

    @Override
    public String type() {
        return "attack";
    }

    @Override
    public String describe() {
        return outcome != null ? outcome : plan.strategy().name() + " attack " + plan.name() + " (share "
                + plan.share() + ", rounds " + plan.start() + "-" + (plan.end() - 1) + ")";
    }

    /** The fake population's model name in the store: the strategy, and where its review texts come from. */
    public String modelName() {
        return plan.strategy().writesReviews() ? plan.strategy().name() + "/" + plan.textSource()
                : plan.strategy().name();
    }

    @Override
    public void apply(RecEcoModel m) {
        World w = m.world();
        int genuine = 0;
        for (int u = 0; u < w.users().count(); u++) {
            genuine += w.populations().isFake(w.users().population(u)) ? 0 : 1;
        }
        int accounts = Math.max(1, (int) Math.round(plan.share() * genuine));
        int[] targets = plan.targets().length > 0 ? checkedTargets(w)
                : AttackerKnowledge.unpopular(w.items(), w.stats(), plan.unpopular(),
                m.streams().stream("event.attack." + plan.name() + ".targets"));
        if (targets.length == 0) {
            throw new IllegalStateException("attack " + plan.name() + " at round " + plan.start()
                    + " found no live items to target");
        }
        double perUser = genuine == 0 ? 0 : (double) ratings(w.stats(), w) / genuine;
        int filler = plan.filler() > 0 ? plan.filler() : Math.max(1, (int) Math.round(perUser));
        int profile = targets.length + plan.selected() + filler;
        int window = plan.end() - plan.start();
        int activity = plan.activity() > 0 ? plan.activity() : (profile + window - 1) / window;
        activity = Math.min(activity, m.config().slate().size());
        AttackerKnowledge k = new AttackerKnowledge(w.items(), w.stats(), targets, perUser);
        FakeAccounts model = new FakeAccounts(plan.strategy(), k, plan.start(), plan.end(), activity,
                plan.selected(), filler);
        int id = m.addPopulation(plan.name(), modelName(), model, true);
        SyntheticSpace.Population users = draw.draw(accounts, m.streams().stream("event.attack." + plan.name()));
        m.addUsers(users.vectors(), users.topics(), id);
        Attacks.Attack a = new Attacks.Attack(plan.name(), id, plan.strategy().name(), plan.start(), plan.end(),
                targets, plan.strategy().pushes());
        w.attacks().add(a);
        TableWriter rows = m.tables().table(Attacks.TABLE);
        for (int t : a.targets()) {
            rows.append(plan.start(), plan.name(), id, plan.strategy().name(), plan.start(), plan.end(),
                    plan.strategy().pushes(), t);
        }
        outcome = plan.strategy().name() + " attack " + plan.name() + ": " + accounts + " fake accounts ("
                + plan.share() + " of " + genuine + " genuine users), targets " + Arrays.toString(a.targets())
                + ", filler " + filler + ", " + activity + " ratings per account per round, rounds " + plan.start()
                + "-" + (plan.end() - 1) + (plan.strategy().writesReviews() ? ", review texts: " + plan.textSource()
                : "");
    }

    private static long ratings(ItemStats stats, World w) {
        long n = 0;
        for (int i = 0; i < w.items().count(); i++) {
            n += stats.ratingCount(i);
        }
        return n;
    }

    private int[] checkedTargets(World w) {
        for (int t : plan.targets()) {
            if (t < 0 || t >= w.items().count() || !w.items().isLive(t)) {
                throw new IllegalArgumentException("attack " + plan.name() + ": target item " + t + " is not a live "
                        + "item at round " + plan.start() + " (live items: " + w.items().liveCount() + ", ids 0 to "
                        + (w.items().count() - 1) + ")");
            }
        }
        return plan.targets();
    }
}
