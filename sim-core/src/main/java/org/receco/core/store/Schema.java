package org.receco.core.store;

import static org.receco.core.store.ColumnType.BIGINT;
import static org.receco.core.store.ColumnType.BOOLEAN;
import static org.receco.core.store.ColumnType.CLOB;
import static org.receco.core.store.ColumnType.DOUBLE;
import static org.receco.core.store.ColumnType.INTEGER;
import static org.receco.core.store.ColumnType.REAL;
import static org.receco.core.store.ColumnType.REAL_ARRAY;
import static org.receco.core.store.ColumnType.SMALLINT;
import static org.receco.core.store.ColumnType.TEXT;
import static org.receco.core.store.ColumnType.TIMESTAMP_TZ;
import static org.receco.core.store.ColumnType.TINYINT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.h2.util.ParserUtil;

/**
 * The run database's tables, declared once: this class is the one description of what {@link H2RunStore} writes
 * (each table's {@link TableSpec#description()} says what a row is), and every table's DDL, crash clean-up,
 * digest and CSV export follow from these declarations. All ids are the kernel's dense ids; rounds count from 0.
 *
 * <p>Components add tables of their own ({@link org.receco.core.spi.RunTables#table}); those are created when
 * declared and listed after the built-in ones in the {@link #CATALOGUE} table, which is how readers find every
 * table of a database without a list of their own.
 */
public final class Schema {
    /** {@code store_tables}: one row per table of the database, built-in and declared, in declaration order. */
    public static final TableSpec CATALOGUE = TableSpec.of("store_tables",
            "every table of this database, in declaration order: key (canonical row order), round column (crash "
                    + "clean-up), volatile columns (left out of digests); origin kernel or component",
            null, List.of("seq"),
            Column.of("seq", INTEGER), Column.of("name", TEXT), Column.of("description", TEXT),
            Column.of("key_columns", TEXT), Column.nullable("round_column", TEXT),
            Column.of("volatile_columns", TEXT), Column.of("origin", TEXT));

    /** The kernel's tables, in digest order (which must not change: it is part of every run's digest). */
    public static final List<TableSpec> BUILT_IN = List.of(
            TableSpec.of("run_manifest", "the RunManifest; written at start (status running), rounds_completed "
                            + "advanced in every round's transaction, everything rewritten at finish. A killed run "
                            + "still says running.",
                    null, List.of("id"),
                    Column.of("id", INTEGER), Column.nullable("scenario_name", TEXT),
                    Column.nullable("scenario_file", TEXT), Column.nullable("scenario_sha256", TEXT),
                    Column.nullable("scenario_text", CLOB), Column.nullable("seed", BIGINT),
                    Column.nullable("rounds_planned", INTEGER), Column.nullable("rounds_completed", INTEGER),
                    Column.nullable("threads", INTEGER), Column.nullable("receco_version", TEXT),
                    Column.nullable("git_commit", TEXT), Column.nullable("jvm", TEXT),
                    Column.nullable("started_at", TEXT), Column.nullable("ended_at", TEXT),
                    Column.nullable("status", TEXT), Column.nullable("error", CLOB),
                    // overrides: a JSON array of the overrides as applied; resolved_scenario: every value as YAML;
                    // rerun_of: the run a `run --from` replayed (left out of digests, like the file path).
                    Column.nullable("overrides", CLOB), Column.nullable("resolved_scenario", CLOB),
                    Column.nullable("rerun_of", TEXT))
                    .withVolatile("scenario_file", "threads", "receco_version", "git_commit", "jvm", "started_at",
                            "ended_at", "rerun_of"),
            TableSpec.of("rounds", "one row per complete round, its commit mark: the recommender in force, users "
                            + "taking part, live items",
                    "round", List.of("round"),
                    Column.of("round", INTEGER), Column.of("recommender", TEXT), Column.of("users", INTEGER),
                    Column.of("live_items", INTEGER), Column.of("committed_at", TIMESTAMP_TZ))
                    .withVolatile("committed_at"),
            TableSpec.of("users", "initial users at start; users joining later in the transaction of the round they "
                            + "joined. topic = of origin; fake = an account of a shilling attack (its population is "
                            + "fake), left out of every genuine-user metric",
                    "joined_round", List.of("id"),
                    Column.of("id", INTEGER), Column.of("topic", INTEGER), Column.of("population", INTEGER),
                    Column.of("joined_round", INTEGER), Column.of("fake", BOOLEAN)),
            TableSpec.of("populations", "user populations: dense id (users.population), unique name, the user "
                            + "model's name, the round it joined (0 for those declared in the scenario)",
                    "joined_round", List.of("id"),
                    Column.of("id", INTEGER), Column.of("name", TEXT), Column.of("model", TEXT),
                    Column.of("joined_round", INTEGER)),
            TableSpec.of("authors", "as users", "joined_round", List.of("id"),
                    Column.of("id", INTEGER), Column.of("topic", INTEGER), Column.of("joined_round", INTEGER)),
            TableSpec.of("items", "each item in the transaction of the round it was published; quality as at "
                            + "publication",
                    "created_round", List.of("id"),
                    Column.of("id", INTEGER), Column.of("author", INTEGER), Column.of("created_round", INTEGER),
                    Column.of("quality", REAL), Column.of("topic", INTEGER))
                    .withIndex("created_round"),
            TableSpec.of("interactions", "one row per click (clicked is always true); position is the 0-based slate "
                            + "position; utility the realised true utility. Only if StoreOptions.interactions",
                    "round", List.of("round", "user_id", "position"),
                    Column.of("round", INTEGER), Column.of("user_id", INTEGER), Column.of("item", INTEGER),
                    Column.of("position", SMALLINT), Column.of("clicked", BOOLEAN), Column.of("liked", BOOLEAN),
                    Column.of("utility", REAL)),
            TableSpec.of("impressions", "slate positions shown, for all users or a deterministic sample "
                            + "(StoreOptions.impressions); channel names are in channels",
                    "round", List.of("round", "user_id", "position"),
                    Column.of("round", INTEGER), Column.of("user_id", INTEGER), Column.of("item", INTEGER),
                    Column.of("position", SMALLINT), Column.of("channel", TINYINT)),
            TableSpec.of("channels", "names of impressions.channel: hot, match, cold-start, promote", null,
                    List.of("id"),
                    Column.of("id", TINYINT), Column.of("name", TEXT)),
            TableSpec.of("snapshots", "true user preferences after the round's interest shift and the live items' "
                            + "vectors, at the rounds StoreOptions.snapshotAt names; topic is the nearest topic "
                            + "centre of vec now; arrays are 1-based in SQL: vec[1]",
                    "round", List.of("round", "kind", "id"),
                    Column.of("round", INTEGER), new Column("kind", TEXT, 4, false), Column.of("id", INTEGER),
                    Column.of("topic", INTEGER), Column.of("vec", REAL_ARRAY))
                    .withIndex("kind", "id", "round"),
            TableSpec.of("metrics", "every value the observe phase recorded; a name recorded twice in a round "
                            + "keeps the last value",
                    "round", List.of("round", "name"),
                    Column.of("round", INTEGER), Column.of("name", TEXT), Column.of("value", DOUBLE))
                    .withIndex("name", "round"),
            TableSpec.of("events", "scenario events, recommender switches and notes, in the transaction of the "
                            + "round they happened in",
                    "round", List.of("seq"),
                    Column.of("seq", INTEGER), Column.of("round", INTEGER), Column.of("type", TEXT),
                    Column.of("description", TEXT)));

    /**
     * A kernel table whose rows are stored packed, one storage row per (round, run of neighbouring users: up to
     * {@link #PACKED_USERS} users and {@link #PACKED_VALUES} values) with the per-row values in arrays, and read
     * through a view of the table's own name that SQL sees one row per click or slate position, column for column
     * as declared in {@link #BUILT_IN}. Why: stored flat, every click was a row plus a three-column key index plus
     * an undo-log entry for each in H2, and writing them cost more than simulating the round; one storage row per
     * (round, user) still cost H2 about 12 µs a user (a million users: 12 s of writing a round, a core's worth);
     * a run of 64 users is 64 times fewer B-tree entries and undo-log records for the same values.
     *
     * <p>The view unpacks with a join on {@code SYSTEM_RANGE} (H2 2.x has no lateral {@code UNNEST}); it is a
     * LEFT JOIN because H2 never reorders an outer join, while for an inner one it put the range first and
     * scanned the storage once per array index. A storage row never has empty arrays (a CHECK), so the outer
     * join adds no NULL rows. A condition on {@code round} reaches the storage table's key; one on
     * {@code user_id} filters the round's rows. Databases written with one storage row per (round, user) keep
     * their own view (a view is stored in its database), so they read as before.
     *
     * @param table   the table readers see (a view), as declared in {@link #BUILT_IN}
     * @param storage the table its rows are stored in, with the same round column ({@code round})
     * @param ddl     the storage table's and then the view's DDL
     */
    record Packed(String table, String storage, String ddl) {
    }

    /** The largest array H2 stores (its {@code MAX_ARRAY_CARDINALITY}): the range a packed view unpacks over. */
    static final int MAX_PACKED = 65536;

    /** Users a storage row of a packed table holds at most (neighbours in id order). */
    static final int PACKED_USERS = 64;

    /**
     * Values a storage row holds at most, unless one user alone has more (that user then has a row alone, up to
     * {@link #MAX_PACKED}): keeps a row's arrays a few pages of H2 at most.
     */
    static final int PACKED_VALUES = 4096;

    /**
     * {@code interactions}, stored in {@code user_clicks}: the clicks of a run of users in a round, user by user
     * in id order, each user's in the order clicked; {@code users[i]} is the user of click i, {@code first_user}
     * the run's first (the key).
     */
    static final Packed CLICKS = new Packed("interactions", "user_clicks", """
            CREATE TABLE user_clicks (
              round INTEGER NOT NULL,
              first_user INTEGER NOT NULL,
              users INTEGER ARRAY NOT NULL,
              items INTEGER ARRAY NOT NULL,
              positions SMALLINT ARRAY NOT NULL,
              liked BOOLEAN ARRAY NOT NULL,
              utility REAL ARRAY NOT NULL,
              PRIMARY KEY (round, first_user),
              CHECK (CARDINALITY(items) > 0));
            CREATE VIEW interactions AS SELECT c.round, c.users[n.x] AS user_id, c.items[n.x] AS item,
              c.positions[n.x] AS position, TRUE AS clicked, c.liked[n.x] AS liked, c.utility[n.x] AS utility
            FROM user_clicks c LEFT JOIN SYSTEM_RANGE(1, %d) n ON n.x <= CARDINALITY(c.items)""".formatted(MAX_PACKED));

    /**
     * {@code impressions}, stored in {@code user_slates}: the recorded slates of a run of users in a round, slate
     * by slate in user order, each by position; {@code users[i]} and {@code positions[i]} say whose slate and
     * where value i was.
     */
    static final Packed SLATES = new Packed("impressions", "user_slates", """
            CREATE TABLE user_slates (
              round INTEGER NOT NULL,
              first_user INTEGER NOT NULL,
              users INTEGER ARRAY NOT NULL,
              positions SMALLINT ARRAY NOT NULL,
              items INTEGER ARRAY NOT NULL,
              channels TINYINT ARRAY NOT NULL,
              PRIMARY KEY (round, first_user),
              CHECK (CARDINALITY(items) > 0));
            CREATE VIEW impressions AS SELECT s.round, s.users[n.x] AS user_id, s.items[n.x] AS item,
              s.positions[n.x] AS position, s.channels[n.x] AS channel
            FROM user_slates s LEFT JOIN SYSTEM_RANGE(1, %d) n ON n.x <= CARDINALITY(s.items)""".formatted(MAX_PACKED));

    /** The packed kernel tables. */
    static final List<Packed> PACKED = List.of(CLICKS, SLATES);

    /**
     * The table the rows of catalogue table {@code name} are stored in: its packed storage where the database
     * has one ({@code hasTable} says; a database written before the packed layout stored every table flat), else
     * the table itself.
     */
    static String storageOf(String name, java.util.function.Predicate<String> hasTable) {
        for (Packed p : PACKED) {
            if (p.table().equals(name) && hasTable.test(p.storage())) {
                return p.storage();
            }
        }
        return name;
    }

    /** A declaration with its DDL (for a packed table: its storage table's and its view's, in one script). */
    record Table(TableSpec spec, String ddl) {
        String name() {
            return spec.name();
        }

        String orderBy() {
            return spec.orderBy();
        }

        Set<String> volatileColumns() {
            return spec.volatileColumns();
        }

        String roundColumn() {
            return spec.roundColumn();
        }
    }

    /** {@link #BUILT_IN} with their DDL. */
    static final List<Table> TABLES = BUILT_IN.stream().map(t -> new Table(t, PACKED.stream()
            .filter(p -> p.table().equals(t.name())).map(Packed::ddl).findFirst().orElseGet(() -> ddl(t)))).toList();

    private Schema() {
    }

    /** Whether {@code name} is a kernel table's (or the catalogue's) name. */
    public static boolean isBuiltIn(String name) {
        return CATALOGUE.name().equals(name) || BUILT_IN.stream().anyMatch(t -> t.name().equals(name))
                || PACKED.stream().anyMatch(p -> p.storage().equals(name));
    }

    /**
     * Checks that a component may declare {@code spec}: not a kernel table's name, and no column named by an SQL
     * keyword (readers would have to quote it in every query). A declared table without a round column takes rows
     * only before the run starts (they go in with the initial users and items, like {@code channels}).
     */
    public static void checkDeclarable(TableSpec spec) {
        if (isBuiltIn(spec.name())) {
            throw new IllegalArgumentException("table '" + spec.name() + "' is a built-in table of the run store; "
                    + "choose another name (built-in: " + CATALOGUE.name() + ", "
                    + BUILT_IN.stream().map(TableSpec::name).collect(Collectors.joining(", ")) + "; storage: "
                    + PACKED.stream().map(Packed::storage).collect(Collectors.joining(", ")) + ")");
        }
        for (Column c : spec.columns()) {
            if (ParserUtil.isKeyword(c.name(), true)) {
                throw new IllegalArgumentException("table " + spec.name() + ": column '" + c.name()
                        + "' is an SQL keyword, which every query would have to quote; choose e.g. '"
                        + c.name() + "_id' or '" + spec.name() + "_" + c.name() + "'");
            }
        }
    }

    /** {@code CREATE TABLE} for {@code t}; its key is the primary key. */
    static String ddl(TableSpec t) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(t.name()).append(" (\n");
        for (Column c : t.columns()) {
            sb.append("  ").append(c.ddl()).append(",\n");
        }
        sb.append("  PRIMARY KEY (").append(t.key().stream().map(Schema::identifier)
                .collect(Collectors.joining(", "))).append("))");
        return sb.toString();
    }

    /** {@code CREATE INDEX} statements for {@code t}'s indexes, named {@code <table>_<columns>}. */
    static List<String> indexDdl(TableSpec t) {
        List<String> out = new ArrayList<>();
        for (List<String> ix : t.indexes()) {
            out.add("CREATE INDEX " + t.name() + "_" + String.join("_", ix) + " ON " + t.name() + "("
                    + ix.stream().map(Schema::identifier).collect(Collectors.joining(", ")) + ")");
        }
        return out;
    }

    /** A column name as SQL: quoted (upper case, as H2 folds unquoted names) only where it is a keyword. */
    static String identifier(String name) {
        return ParserUtil.isKeyword(name, true) ? '"' + name.toUpperCase(Locale.ROOT) + '"' : name;
    }
}
