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
 */
public final class Populations {
    /** One population: dense id, unique name, the name of its user model, and the round it joined. */
    public record Population(int id, String name, String model, int joinedRound) {
    }

    private final List<Population> all = new ArrayList<>();

    /**
     * Registers a population; returns its id.
     *
     * @throws IllegalArgumentException if {@code name} is blank or already taken
     */
    public int add(String name, String model, int joinedRound) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a population needs a name");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("population '" + name + "' exists already; population names must "
                    + "be unique (known: " + String.join(", ", names()) + ")");
        }
        all.add(new Population(all.size(), name, model, joinedRound));
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

    /** Names by id. */
    public List<String> names() {
        return all.stream().map(Population::name).toList();
    }

    public List<Population> all() {
        return Collections.unmodifiableList(all);
    }
}
