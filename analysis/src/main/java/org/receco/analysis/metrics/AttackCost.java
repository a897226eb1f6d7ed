package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * What a shilling attack has cost so far (Mobasher et al., ACM TOIT 2007: attack size and profile size):
 * {@code attack.cost.accounts}, the fake accounts as a share of all accounts this round, and
 * {@code attack.cost.ratings}, the fake ratings written up to this round. The only metric that sees the fake
 * accounts, and it sees only how many there are and how much they rated.
 */
public final class AttackCost implements Metric {
    /** Which cost. */
    public enum Kind { ACCOUNTS, RATINGS }

    private final Kind kind;
    private long ratings;
    private int lastRound = -1;

    public AttackCost(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return "attack.cost." + kind.name().toLowerCase();
    }

    @Override
    public String family() {
        return "attack";
    }

    @Override
    public String definition() {
        return kind == Kind.ACCOUNTS ? "fake accounts / all accounts (attack size)"
                : "fake ratings written so far (each fake click is a rating)";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        if (!TargetSlates.anyAttack(d)) {
            return Double.NaN;
        }
        if (d.round() != lastRound) {
            ratings += d.fakeClicks();
            lastRound = d.round();
        }
        int all = d.users() + d.fakeUsers();
        return kind == Kind.ACCOUNTS ? (all == 0 ? Double.NaN : (double) d.fakeUsers() / all) : ratings;
    }
}
