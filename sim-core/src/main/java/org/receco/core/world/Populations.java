package org.receco.core.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * The user populations of a run, by dense id in the order they joined (population 0 is the scenario's first).
 * Each user belongs to one ({@link UserStore#population(int)}); a population has its own choice model, so
 * latent users, LLM-driven users and injected fake users can share a platform and be told apart by metrics and
 * in the run database's {@code populations} table.
 *
 * <p>A population is <em>fake</em> when its users are the accounts of a shilling attack (Lam &amp; Riedl, WWW
 * 2004; Mobasher et al., ACM TOIT 2007): the run database marks each of them ({@code users.fake}), and metrics of
 * genuine users leave them out. {@link #fakeUsers} gives the per-user labels that detectors are scored against.
 */
public final class Populations {
    /**
     * One population: dense id, unique name, the name of its user model, the round it joined, and whether its
     * users are fake (an attack's accounts).
     */
    public record Population(int id, String name, String model, int joinedRound, boolean fake) {
    }

    private final List<Population> all = new ArrayList<>();

    /**
     * Registers a population; returns its id.
     *
     * @throws IllegalArgumentException if {@code name} is blank or already taken
     */
    public int add(String name, String model, int joinedRound) {
        return add(name, model, joinedRound, false);
    }

    /**
     * Registers a population, fake (an attack's accounts) or genuine; returns its id.
     *
     * @throws IllegalArgumentException if {@code name} is blank or already taken
     */
    public int add(String name, String model, int joinedRound, boolean fake) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a population needs a name");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("population '" + name + "' exists already; population names must "
                    + "be unique (known: " + String.join(", ", names()) + ")");
        }
        all.add(new Population(all.size(), name, model, joinedRound, fake));
        return all.size() - 1;
    }

    public int count() {
        return all.size();
    }

    public Population get(int id) {
        return all.get(id);
    }

    public String name(int id) {
        return all.get(id).name();
    }

    /** The id of the population called {@code name}, if any. */
    public OptionalInt find(String name) {
        for (Population p : all) {
            if (p.name().equals(name)) {
                return OptionalInt.of(p.id());
            }
        }
        return OptionalInt.empty();
    }

    /** Whether population {@code id}'s users are fake (a population never registered is genuine). */
    public boolean isFake(int id) {
        return id < all.size() && all.get(id).fake();
    }

    /** Whether any population is fake. */
    public boolean anyFake() {
        for (Population p : all) {
            if (p.fake()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per-user labels, {@code true} for the users of fake populations: what a shilling detector's precision and
     * recall are computed against. A fresh array of {@code users.count()} entries.
     */
    public boolean[] fakeUsers(UserStore users) {
        boolean[] fake = new boolean[users.count()];
        for (int u = 0; u < fake.length; u++) {
            fake[u] = isFake(users.population(u));
        }
        return fake;
    }

    /** Names by id. */
    public List<String> names() {
        return all.stream().map(Population::name).toList();
    }

    public List<Population> all() {
        return Collections.unmodifiableList(all);
    }
}
