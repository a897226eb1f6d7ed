package org.receco.core.store;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.receco.core.RunManifest;

/**
 * Opens a run database written by {@link H2RunStore} ({@code <runDir>/run.mv.db}) for reading, and answers the
 * two questions every reader asks first: how far did the run get, and is it the same as another run.
 *
 * <p>A run killed mid-round is readable up to its last complete round. H2 rolls the unfinished transaction back
 * when the file is opened, but not always entirely: in about 3 % of SIGKILLs landing mid-round (2 of 60 in a
 * loop of kills at random moments, H2 2.5.252), rows of the unfinished round survived (all its clicks, part of
 * its impressions, its items) while its {@code rounds} row did not. So {@link #open} also removes, from a run
 * whose manifest still says running, every row written for a round after the last one in {@code rounds}: that
 * row is the round's commit mark. That repair is the only write a reader makes, and only where the run
 * directory can be written; elsewhere the database opens read-only. H2 locks the file while a process
 * has it open, so a run can be read by another process only once its writer has closed or died.
 * Connections use {@code NON_KEYWORDS=VALUE} so {@code SELECT value FROM metrics} works unquoted.
 */
public final class RunDatabase {
    /** The database file name inside a run directory. */
    public static final String FILE_NAME = "run.mv.db";

    private RunDatabase() {
    }

    /** The JDBC URL of the run database in {@code runDir}, without settings. */
    static String baseUrl(Path runDir) {
        return "jdbc:h2:file:" + runDir.toAbsolutePath().normalize().resolve("run");
    }

    /** The database file of the run in {@code runDir}. */
    public static Path file(Path runDir) {
        return runDir.resolve(FILE_NAME);
    }

    /**
     * The name a run database is built under until it holds its schema and run record, then renamed to
     * {@value #FILE_NAME} ({@link H2RunStore}): a run directory holding this file was killed while creating it.
     */
    public static final String CREATING_FILE = "run.creating.mv.db";

    /** The file {@link H2RunStore} builds a run database in before renaming it to {@link #file}. */
    static Path creatingFile(Path runDir) {
        return runDir.resolve(CREATING_FILE);
    }

    /** The JDBC URL of {@link #creatingFile}, without settings. */
    static String creatingUrl(Path runDir) {
        return "jdbc:h2:file:" + runDir.toAbsolutePath().normalize().resolve("run.creating");
    }

    /**
     * Why {@code runDir} holds no run database to read, for a directory without {@value #FILE_NAME}: a run killed
     * before it recorded itself (it left {@code manifest.json}, or the database half-created), or no run at all.
     */
    public static String whyNoDatabase(Path runDir) {
        if (Files.isRegularFile(creatingFile(runDir))) {
            return "this run was stopped before its first round: its database was still being created";
        }
        if (Files.isRegularFile(runDir.resolve(MANIFEST_FILE))) {
            return "this run was stopped before its first round: it holds a manifest but no run database";
        }
        return "no run database (" + FILE_NAME + ") there";
    }

    /**
     * Opens the existing run database in {@code runDir}. The caller closes the connection. Throws
     * {@link UncheckedIOException} (caused by {@link NoSuchFileException}) when there is no database there, and
     * {@link NotStarted} when the run was stopped before it wrote its record.
     *
     * <p>Where the run directory can be written (and its disk has room), opening also repairs what a killed
     * writer left ({@link #dropUnfinishedRound}, {@link #reconcileManifestFile}). Elsewhere (a read-only mount,
     * a full disk) the database opens read-only ({@code ACCESS_MODE_DATA=r}) and nothing is written: every
     * complete round reads as recorded.
     */
    public static Connection open(Path runDir) throws SQLException {
        Path file = file(runDir);
        if (!Files.isRegularFile(file)) {
            if (Files.isRegularFile(creatingFile(runDir))) {
                throw new NotStarted(runDir, "its database was still being created");
            }
            if (Files.isRegularFile(runDir.resolve(MANIFEST_FILE))) {
                throw new NotStarted(runDir, "it holds a manifest but no run database");
            }
            throw new UncheckedIOException(new NoSuchFileException(file.toString(), null, "no run database"));
        }
        boolean writable = writable(runDir);
        Connection c = DriverManager.getConnection(baseUrl(runDir) + ";IFEXISTS=TRUE;NON_KEYWORDS=VALUE"
                + (writable ? "" : ";ACCESS_MODE_DATA=r"));
        try {
            if (!hasTable(c, "run_manifest") || !hasRow(c, "run_manifest")) {
                throw new NotStarted(runDir, "its database holds no run record");
            }
            if (writable) {
                dropUnfinishedRound(c);
                reconcileManifestFile(runDir, c);
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * Opens the run in {@code runDir} as {@link #open} does, for a reader of what was played ({@code report},
     * {@code metrics --compute}, {@code export}, {@code compare}): a run without one complete round throws
     * {@link NotStarted}, saying how it ended (killed while starting, or failed with its error), instead of
     * reading as an empty run.
     */
    public static Connection openPlayed(Path runDir) throws SQLException {
        Connection c = open(runDir);
        try {
            if (lastCompleteRound(c) < 0) {
                String status;
                String error;
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT status, error FROM run_manifest")) {
                    rs.next();
                    status = rs.getString(1);
                    error = rs.getString(2);
                }
                throw new NotStarted(runDir, "no round is complete (status " + status
                        + (RunManifest.RUNNING.equals(status) ? ": killed while starting" : "")
                        + (error == null ? "" : "; " + error) + ")");
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The manifest file beside the database. */
    public static final String MANIFEST_FILE = "manifest.json";
    /** Below this much free space a reader does not write to the run directory (a repair would fill it). */
    static final long READER_MIN_FREE = 1L << 20;

    /** Whether a reader may write to the run in {@code runDir}: directory and file writable, and room left. */
    static boolean writable(Path runDir) {
        try {
            return Files.isWritable(runDir) && Files.isWritable(file(runDir))
                    && Files.getFileStore(runDir).getUsableSpace() >= READER_MIN_FREE;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * A run stopped before its record was written (killed in its first seconds): there is nothing to read. Its
     * message says so, and which directory.
     */
    public static final class NotStarted extends SQLException {
        private static final long serialVersionUID = 1L;

        NotStarted(Path runDir, String why) {
            super("the run in " + runDir + " was stopped before its first round: " + why);
        }
    }

    private static boolean hasRow(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM " + table)) {
            return rs.next();
        }
    }

    /**
     * Makes {@code manifest.json} say what the database's {@code run_manifest} says (status, rounds completed,
     * end time, error). The database is the record: the writer commits the run's end there first and copies it
     * to {@code manifest.json} after, so a kill between the two leaves the file behind, and this brings it
     * level. Returns whether the file was rewritten.
     */
    static boolean reconcileManifestFile(Path runDir, Connection c) throws SQLException {
        Path json = runDir.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(json)) {
            return false;
        }
        String status;
        int completed;
        String endedAt;
        String error;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT status, rounds_completed, ended_at, error FROM run_manifest")) {
            rs.next();
            status = rs.getString(1);
            completed = rs.getInt(2);
            endedAt = rs.getString(3);
            error = rs.getString(4);
        }
        RunManifest file;
        try {
            file = RunManifest.read(json);
        } catch (java.io.IOException e) {
            return false; // not ours to judge: a reader leaves a file it cannot parse alone
        }
        if (status == null || (status.equals(file.status()) && completed == file.roundsCompleted())) {
            return false;
        }
        file.withProgress(completed).ended(status, endedAt, error).write(json);
        return true;
    }

    /**
     * Opens the run database in {@code runDir} read-only (H2 {@code ACCESS_MODE_DATA=r}): for ad-hoc queries
     * ({@code receco sql}), which must never change a run. No crash clean-up, so a killed run's unfinished round
     * may show. Throws as {@link #open} does when there is no database there.
     */
    public static Connection openReadOnly(Path runDir) throws SQLException {
        if (!Files.isRegularFile(file(runDir))) {
            throw new UncheckedIOException(new NoSuchFileException(file(runDir).toString(), null,
                    "no run database"));
        }
        return DriverManager.getConnection(baseUrl(runDir) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;NON_KEYWORDS=VALUE");
    }

    /**
     * Deletes what a killed writer left of the round it had not finished: in a run whose manifest says running,
     * every row whose round column ({@link StoredTable#roundColumn}; built-in and declared tables alike, a packed
     * table's in its storage, {@link Schema#PACKED}) is after the last complete round, and sets
     * the manifest's {@code rounds_completed} to match. Rows a live writer in this JVM has not committed are not
     * visible here, so they are never touched. A run killed before its first round completed is left as it is:
     * there, initial users, authors and items (written before round 0, numbered 0) could not be told apart from
     * round 0's. Returns the number of rows deleted.
     */
    static int dropUnfinishedRound(Connection c) throws SQLException {
        String status;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT status FROM run_manifest")) {
            if (!rs.next()) {
                return 0;
            }
            status = rs.getString(1);
        }
        int last = lastCompleteRound(c);
        if (!RunManifest.RUNNING.equals(status) || last < 0) {
            return 0;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        int deleted = 0;
        List<StoredTable> tables = tables(c);
        try (Statement s = c.createStatement()) {
            for (StoredTable t : tables) {
                if (t.roundColumn() != null) {
                    String stored = Schema.storageOf(t.name(), name -> hasTableUnchecked(c, name));
                    deleted += s.executeUpdate("DELETE FROM " + stored + " WHERE " + t.roundColumn() + " > " + last);
                }
            }
            if (deleted > 0) {
                s.executeUpdate("UPDATE run_manifest SET rounds_completed = " + (last + 1));
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return deleted;
    }

    /**
     * Every table of the run database, as its {@code store_tables} catalogue lists them: the built-in tables in
     * their fixed order, then the tables components declared, by name (so the order components declared them
     * in never matters). A database written before the catalogue existed has exactly the built-in tables.
     */
    public static List<StoredTable> tables(Connection c) throws SQLException {
        List<StoredTable> builtIn = new ArrayList<>();
        List<StoredTable> declared = new ArrayList<>();
        if (!hasTable(c, Schema.CATALOGUE.name())) {
            for (TableSpec t : Schema.BUILT_IN) {
                builtIn.add(StoredTable.of(t, true));
            }
            return builtIn;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, description, "
                + "key_columns, round_column, volatile_columns, origin FROM " + Schema.CATALOGUE.name()
                + " ORDER BY seq")) {
            while (rs.next()) {
                boolean kernel = "kernel".equals(rs.getString(6));
                (kernel ? builtIn : declared).add(new StoredTable(rs.getString(1), rs.getString(2),
                        split(rs.getString(3)), rs.getString(4), split(rs.getString(5)), kernel));
            }
        }
        declared.sort(Comparator.comparing(StoredTable::name));
        builtIn.addAll(declared);
        return builtIn;
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    private static boolean hasTableUnchecked(Connection c, String name) {
        try {
            return hasTable(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of the run database: " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name.toUpperCase(Locale.ROOT), null)) {
            return rs.next();
        }
    }

    /** The last round whose transaction committed (its {@code rounds} row exists), or -1 if none did. */
    public static int lastCompleteRound(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(round) FROM rounds")) {
            rs.next();
            int r = rs.getInt(1);
            return rs.wasNull() ? -1 : r;
        }
    }

    /**
     * SHA-256 (hex) over the canonical contents of every table ({@link #tables}; the catalogue itself is not
     * covered: each table's name and column names are): tables in a fixed order, rows in primary-key order, every
     * column except wall-clock and environment ones ({@code rounds.committed_at}; the manifest's
     * timestamps, JVM, thread count, version, commit, and the path the scenario file was named by — its text
     * and SHA-256 stay in — and a declared table's volatile columns). Two runs of the same scenario and seed have the same digest whatever their thread
     * count or working directory; any difference in what was recorded changes it.
     */
    public static String digest(Connection c) throws SQLException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Canon out = new Canon(md);
        List<StoredTable> tables = tables(c);
        try (Statement s = c.createStatement()) {
            for (StoredTable t : tables) {
                out.string(t.name());
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t.name() + " ORDER BY " + t.orderBy())) {
                    ResultSetMetaData md2 = rs.getMetaData();
                    int n = md2.getColumnCount();
                    boolean[] keep = new boolean[n + 1];
                    for (int col = 1; col <= n; col++) {
                        keep[col] = !t.isVolatile(md2.getColumnLabel(col));
                        if (keep[col]) {
                            out.string(md2.getColumnLabel(col).toLowerCase());
                        }
                    }
                    while (rs.next()) {
                        out.tag('r');
                        for (int col = 1; col <= n; col++) {
                            if (keep[col]) {
                                out.value(rs, col, md2.getColumnType(col));
                            }
                        }
                    }
                }
                out.tag('t');
            }
        }
        out.flush();
        return HexFormat.of().formatHex(md.digest());
    }

    /** {@link #lastCompleteRound(Connection)} of the run in {@code runDir}. */
    public static int lastCompleteRound(Path runDir) throws SQLException {
        try (Connection c = open(runDir)) {
            return lastCompleteRound(c);
        }
    }

    /** {@link #digest(Connection)} of the run in {@code runDir}. */
    public static String digest(Path runDir) throws SQLException {
        try (Connection c = open(runDir)) {
            return digest(c);
        }
    }

    /** A type-tagged, length-prefixed byte encoding of values, fed to a digest in blocks. */
    private static final class Canon {
        private final MessageDigest md;
        private final byte[] buf = new byte[1 << 16];
        private int n;

        Canon(MessageDigest md) {
            this.md = md;
        }

        void value(ResultSet rs, int col, int type) throws SQLException {
            switch (type) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> {
                    int v = rs.getInt(col);
                    if (!nullTag(rs)) {
                        tag('i');
                        putInt(v);
                    }
                }
                case Types.BIGINT -> {
                    long v = rs.getLong(col);
                    if (!nullTag(rs)) {
                        tag('l');
                        putLong(v);
                    }
                }
                case Types.REAL, Types.FLOAT -> {
                    float v = rs.getFloat(col);
                    if (!nullTag(rs)) {
                        tag('f');
                        putInt(Float.floatToIntBits(v));
                    }
                }
                case Types.DOUBLE -> {
                    double v = rs.getDouble(col);
                    if (!nullTag(rs)) {
                        tag('d');
                        putLong(Double.doubleToLongBits(v));
                    }
                }
                case Types.BOOLEAN -> {
                    boolean v = rs.getBoolean(col);
                    if (!nullTag(rs)) {
                        tag(v ? 'T' : 'F');
                    }
                }
                case Types.ARRAY -> {
                    Array a = rs.getArray(col);
                    if (a == null) {
                        tag('n');
                    } else {
                        Object[] xs = (Object[]) a.getArray();
                        tag('a');
                        putInt(xs.length);
                        for (Object x : xs) {
                            if (x instanceof Float f) {
                                tag('f');
                                putInt(Float.floatToIntBits(f));
                            } else if (x instanceof Double d) {
                                tag('d');
                                putLong(Double.doubleToLongBits(d));
                            } else {
                                string(String.valueOf(x));
                            }
                        }
                    }
                }
                default -> {
                    String v = rs.getString(col);
                    if (v == null) {
                        tag('n');
                    } else {
                        string(v);
                    }
                }
            }
        }

        private boolean nullTag(ResultSet rs) throws SQLException {
            if (rs.wasNull()) {
                tag('n');
                return true;
            }
            return false;
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            tag('s');
            putInt(b.length);
            for (byte x : b) {
                put(x);
            }
        }

        void tag(char c) {
            put((byte) c);
        }

        private void putInt(int v) {
            put((byte) (v >>> 24));
            put((byte) (v >>> 16));
            put((byte) (v >>> 8));
            put((byte) v);
        }

        private void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        private void put(byte b) {
            if (n == buf.length) {
                flush();
            }
            buf[n++] = b;
        }

        void flush() {
            md.update(buf, 0, n);
            n = 0;
        }
    }
}
