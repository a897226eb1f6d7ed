package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RecEcoModel;
import org.receco.core.RunManifest;
import org.receco.core.spi.RunSink;
import org.receco.core.store.RunDatabase;
import org.receco.core.world.FeedbackLog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.Runner;
import org.receco.scenarios.wiring.ScenarioWiring;

/**
 * Every click of a run is recoverable from what the run wrote: the {@code interactions} table read through SQL,
 * the CSV export and the Parquet export (read by DuckDB, as pandas, polars or R would read it) each hold exactly
 * the clicks of the model's in-memory feedback log, as (round, user, item, liked), no more, no fewer. The run is
 * played here as {@link Runner#run} plays it, keeping the model so that its log can be read after the end.
 */
class ClickReadbackTest {
    private static final String SCENARIO = """
            name: readback
            rounds: 4
            users: {count: 90}
            authors: {count: 7}
            slate: {size: 10, match: 8, coldStart: 2}
            store: {interactions: true, impressions: sampled, impressionSample: 0.2}
            """;

    @TempDir
    Path dir;

    @Test
    void sqlCsvAndParquetHoldExactlyTheClicksOfTheFeedbackLog() throws Exception {
        Path file = Files.writeString(dir.resolve("readback.yaml"), SCENARIO);
        LoadedScenario loaded = new ScenarioLoader().load(file);
        RecEcoModel model = new RecEcoModel(new ScenarioWiring(loaded.scenario()));
        RunManifest manifest = Runner.newManifest(loaded, 2);
        model.setThreads(2);
        Path runDir = Runner.createRunDir(dir.resolve("runs"), loaded.scenario());
        RunSink sink = Runner.openStore(runDir, loaded.scenario(), manifest);
        model.setSink(sink, manifest);
        model.start();
        model.runUntil(loaded.scenario().rounds());
        model.finish();
        sink.finish(manifest.withProgress(model.roundsCompleted())
                .ended(RunManifest.COMPLETED, java.time.Instant.now().toString(), null));
        sink.close();

        List<String> expected = fromLog(model.world().feedback());
        assertTrue(expected.size() > 4 * 90, "a run with clicks to compare: " + expected.size());

        List<String> sql = new ArrayList<>();
        try (Connection c = RunDatabase.open(runDir); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT round, user_id, item, liked FROM interactions")) {
            while (rs.next()) {
                sql.add(key(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)));
            }
        }
        assertEquals(expected, sorted(sql), "interactions through SQL");

        String[] csv = AnalysisCommandsTest.run("export", runDir.toString(), "--format", "csv", "--out",
                dir.resolve("csv").toString());
        assertEquals("0", csv[0], csv[2]);
        List<String> lines = Files.readAllLines(dir.resolve("csv").resolve("interactions.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int round = header.indexOf("round");
        int user = header.indexOf("user_id");
        int item = header.indexOf("item");
        int liked = header.indexOf("liked");
        List<String> fromCsv = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            fromCsv.add(key(Integer.parseInt(f[round]), Integer.parseInt(f[user]), Integer.parseInt(f[item]),
                    Boolean.parseBoolean(f[liked])));
        }
        assertEquals(expected, sorted(fromCsv), "interactions.csv");

        String[] pq = AnalysisCommandsTest.run("export", runDir.toString(), "--format", "parquet");
        assertEquals("0", pq[0], pq[2]);
        List<String> fromParquet = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("SELECT round, user_id, item_id, liked FROM read_parquet('"
                     + runDir.resolve("parquet").resolve("interactions.parquet") + "')")) {
            while (rs.next()) {
                fromParquet.add(key(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)));
            }
        }
        assertEquals(expected, sorted(fromParquet), "interactions.parquet");
    }

    private static List<String> fromLog(FeedbackLog log) {
        List<String> out = new ArrayList<>(log.size());
        for (int k = 0; k < log.size(); k++) {
            out.add(key(log.round(k), log.user(k), log.item(k), log.liked(k)));
        }
        return sorted(out);
    }

    /** Zero-padded so that the text order is the numeric order of (round, user, item). */
    private static String key(int round, int user, int item, boolean liked) {
        return String.format("%06d %09d %09d %b", round, user, item, liked);
    }

    private static List<String> sorted(List<String> keys) {
        List<String> s = new ArrayList<>(keys);
        s.sort(null);
        return s;
    }
}
