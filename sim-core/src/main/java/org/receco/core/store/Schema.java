package org.receco.core.store;

import java.util.List;
import java.util.Set;

/**
 * The run database's tables: their DDL, the order that makes their contents canonical, and the wall-clock or
 * environment columns a digest leaves out. {@link H2RunStore}'s class comment describes the tables.
 */
final class Schema {
    /**
     * One table: name, DDL, canonical row order, columns left out of digests, and the column holding the round
     * whose transaction wrote a row (null: the table is not written round by round).
     */
    record Table(String name, String ddl, String orderBy, Set<String> volatileColumns, String roundColumn) {
    }

    static final List<Table> TABLES = List.of(
            new Table("run_manifest", """
                    CREATE TABLE run_manifest (
                      id INTEGER PRIMARY KEY,
                      scenario_name VARCHAR, scenario_file VARCHAR, scenario_sha256 VARCHAR,
                      scenario_text CHARACTER LARGE OBJECT,
                      seed BIGINT, rounds_planned INTEGER, rounds_completed INTEGER, threads INTEGER,
                      receco_version VARCHAR, git_commit VARCHAR, jvm VARCHAR,
                      started_at VARCHAR, ended_at VARCHAR, status VARCHAR, error CHARACTER LARGE OBJECT)""",
                    "id", Set.of("SCENARIO_FILE", "THREADS", "RECECO_VERSION", "GIT_COMMIT", "JVM", "STARTED_AT",
                            "ENDED_AT"), null),
            new Table("rounds", """
                    CREATE TABLE rounds (
                      round INTEGER PRIMARY KEY, recommender VARCHAR NOT NULL, users INTEGER NOT NULL,
                      live_items INTEGER NOT NULL, committed_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
                    "round", Set.of("COMMITTED_AT"), "round"),
            new Table("users", """
                    CREATE TABLE users (
                      id INTEGER PRIMARY KEY, topic INTEGER NOT NULL, population INTEGER NOT NULL,
                      joined_round INTEGER NOT NULL)""",
                    "id", Set.of(), "joined_round"),
            new Table("populations", """
                    CREATE TABLE populations (
                      id INTEGER PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, model VARCHAR NOT NULL,
                      joined_round INTEGER NOT NULL)""",
                    "id", Set.of(), "joined_round"),
            new Table("authors", """
                    CREATE TABLE authors (
                      id INTEGER PRIMARY KEY, topic INTEGER NOT NULL, joined_round INTEGER NOT NULL)""",
                    "id", Set.of(), "joined_round"),
            new Table("items", """
                    CREATE TABLE items (
                      id INTEGER PRIMARY KEY, author INTEGER NOT NULL, created_round INTEGER NOT NULL,
                      quality REAL NOT NULL, topic INTEGER NOT NULL)""",
                    "id", Set.of(), "created_round"),
            new Table("interactions", """
                    CREATE TABLE interactions (
                      round INTEGER NOT NULL, user_id INTEGER NOT NULL, item INTEGER NOT NULL,
                      position SMALLINT NOT NULL, clicked BOOLEAN NOT NULL, liked BOOLEAN NOT NULL,
                      utility REAL NOT NULL,
                      PRIMARY KEY (round, user_id, position))""",
                    "round, user_id, position", Set.of(), "round"),
            new Table("impressions", """
                    CREATE TABLE impressions (
                      round INTEGER NOT NULL, user_id INTEGER NOT NULL, item INTEGER NOT NULL,
                      position SMALLINT NOT NULL, channel TINYINT NOT NULL,
                      PRIMARY KEY (round, user_id, position))""",
                    "round, user_id, position", Set.of(), "round"),
            new Table("channels", """
                    CREATE TABLE channels (id TINYINT PRIMARY KEY, name VARCHAR NOT NULL)""",
                    "id", Set.of(), null),
            new Table("snapshots", """
                    CREATE TABLE snapshots (
                      round INTEGER NOT NULL, kind VARCHAR(4) NOT NULL, id INTEGER NOT NULL,
                      topic INTEGER NOT NULL, vec REAL ARRAY NOT NULL,
                      PRIMARY KEY (round, kind, id))""",
                    "round, kind, id", Set.of(), "round"),
            new Table("metrics", """
                    CREATE TABLE metrics (
                      round INTEGER NOT NULL, name VARCHAR NOT NULL, "VALUE" DOUBLE PRECISION NOT NULL,
                      PRIMARY KEY (round, name))""",
                    "round, name", Set.of(), "round"),
            new Table("events", """
                    CREATE TABLE events (
                      seq INTEGER PRIMARY KEY, round INTEGER NOT NULL, type VARCHAR NOT NULL,
                      description VARCHAR NOT NULL)""",
                    "seq", Set.of(), "round"));

    static final List<String> INDEXES = List.of(
            "CREATE INDEX metrics_name_round ON metrics(name, round)",
            "CREATE INDEX items_created ON items(created_round)",
            "CREATE INDEX snapshots_kind_id ON snapshots(kind, id, round)");

    private Schema() {
    }
}
