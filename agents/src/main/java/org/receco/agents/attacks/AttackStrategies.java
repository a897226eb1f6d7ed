package org.receco.agents.attacks;

import java.util.function.Function;
import org.receco.core.util.Registry;

/**
 * The attack strategies a scenario's {@code attack} event may name ({@code strategy: bandwagon}); adding one is one
 * {@code register} line. A strategy is made per attack from the attack's options, so the Agent4SR-style attacker
 * gets its review writer.
 */
public final class AttackStrategies {
    /** What a strategy may be made with: its review writer and the memory mix of the Agent4SR-style attacker. */
    public record Options(ReviewWriter writer, double relevantShare) {
    }

    private static final Registry<Function<Options, AttackStrategy>> REGISTRY =
            new Registry<Function<Options, AttackStrategy>>("attack strategy")
                    .register(RandomAttack.NAME, o -> new RandomAttack())
                    .register(AverageAttack.NAME, o -> new AverageAttack())
                    .register(BandwagonAttack.NAME, o -> new BandwagonAttack())
                    .register(SegmentAttack.NAME, o -> new SegmentAttack())
                    .register(LoveHateAttack.NAME, o -> new LoveHateAttack())
                    .register(Agent4SrAttack.NAME, o -> new Agent4SrAttack(o.relevantShare(), o.writer()));

    private AttackStrategies() {
    }

    public static Registry<Function<Options, AttackStrategy>> registry() {
        return REGISTRY;
    }

    /** The strategy called {@code name}, or an error listing the known names. */
    public static AttackStrategy create(String name, Options options) {
        return REGISTRY.get(name).apply(options);
    }
}
