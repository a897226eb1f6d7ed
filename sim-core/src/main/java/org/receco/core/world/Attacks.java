package org.receco.core.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.receco.core.store.Column;
import org.receco.core.store.ColumnType;
import org.receco.core.store.TableSpec;

/**
 * The shilling attacks of a run (Lam &amp; Riedl, WWW 2004; Mobasher et al., ACM TOIT 2007): for each, its fake
 * population, strategy, window and target items, as the attack registered them when it began. Metrics of an
 * attack's effect (target hit ratio among genuine users, exposure share, cost) read the targets and windows here
 * live and from the {@link #TABLE} offline; the recommender never sees this.
 */
public final class Attacks {
    /**
     * One attack.
     *
     * @param name       the attack's name (also its fake population's)
     * @param population the fake population's id
     * @param strategy   the profile strategy's registered name
     * @param startRound first round the fake accounts rate
     * @param endRound   first round after the attack window (exclusive)
     * @param targets    target item ids, ascending
     * @param push       true to push the targets (rated r_max), false to nuke them (r_min)
     */
    public record Attack(String name, int population, String strategy, int startRound, int endRound, int[] targets,
                         boolean push) {
        public Attack {
            targets = targets.clone();
            Arrays.sort(targets);
        }

        @Override
        public int[] targets() {
            return targets.clone();
        }

        public int targetCount() {
            return targets.length;
        }

        public int target(int k) {
            return targets[k];
        }

        /** Whether {@code round} is inside the attack window. */
        public boolean during(int round) {
            return round >= startRound && round < endRound;
        }
    }

    /** One row per (attack, target item), in the transaction of the round the attack began. */
    public static final TableSpec TABLE = TableSpec.of("attack_targets", "one row per target item of each shilling "
                    + "attack, written when it began: its fake population (users.fake), profile strategy, window "
                    + "[start_round, end_round) and whether it pushes (1) or nukes (0) the target",
            "round", List.of("attack", "item_id"),
            Column.of("round", ColumnType.INTEGER), Column.of("attack", ColumnType.TEXT),
            Column.of("population", ColumnType.INTEGER), Column.of("strategy", ColumnType.TEXT),
            Column.of("start_round", ColumnType.INTEGER), Column.of("end_round", ColumnType.INTEGER),
            Column.of("push", ColumnType.BOOLEAN), Column.of("item_id", ColumnType.INTEGER));

    private final List<Attack> all = new ArrayList<>();

    public void add(Attack a) {
        all.add(a);
    }

    public List<Attack> all() {
        return Collections.unmodifiableList(all);
    }

    public int count() {
        return all.size();
    }
}
