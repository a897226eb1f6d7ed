package org.receco.scenarios.model;

/**
 * What an event adds to a run's size, for the memory estimate made before a run starts: users joining, their
 * clicks per round, items published, and the factors per user and item of a recommender it brings in. Each event
 * kind states its own, so a new kind (an attack injecting fake users) is counted the day it is registered.
 */
public record EventFootprint(long users, long clicksPerRound, long items, long factors) {
    public static final EventFootprint NONE = new EventFootprint(0, 0, 0, 0);
}
