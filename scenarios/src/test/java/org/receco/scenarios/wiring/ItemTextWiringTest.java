package org.receco.scenarios.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.receco.scenarios.wiring.WiringRuns.metrics;
import static org.receco.scenarios.wiring.WiringRuns.rows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.text.ItemTextTables;
import org.receco.core.ForwardingWiring;
import org.receco.core.RecEcoModel;
import org.receco.core.RunManifest;
import org.receco.core.Wiring;
import org.receco.core.rng.RandomStreams;
import org.receco.core.spi.Observer;
import org.receco.core.store.H2RunStore;
import org.receco.core.world.ItemText;
import org.receco.core.world.World;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * Items' words end to end: a scenario's run records every item's title and summary beside the items table and
 * the topics' names ({@link ItemTextTables}), the same whatever the thread count, and words change no metric.
 */
class ItemTextWiringTest {
    private static final String SCENARIO = """
            name: words
            seed: 3
            rounds: 4
            space: {topics: 4}
            users: {count: 80}
            authors: {count: 12}
            slate: {size: 10, match: 7, coldStart: 3}
            items: {text: {topicNames: [markets, football]}}
            metrics: {homogenisationPairs: 30, k: 5}
            """;

    @TempDir
    Path dir;

    private RunResult run(String name, int threads, String... overrides) throws Exception {
        return WiringRuns.run(dir, SCENARIO, name, threads, overrides);
    }

    @Test
    void everyItemHasWordsInItsRoundAndTopicsHaveNames() throws Exception {
        RunResult r = run("two", 2);
        try (Connection c = RunDatabase.open(r.runDir())) {
            assertEquals(List.of("0 markets", "1 football", "2 science", "3 technology"),
                    rows(c, "SELECT topic || ' ' || name FROM topics ORDER BY topic"));
            assertEquals(rows(c, "SELECT COUNT(*) FROM items"), rows(c, "SELECT COUNT(*) FROM item_text"));
            assertEquals(List.of("0"), rows(c, "SELECT COUNT(*) FROM items i LEFT JOIN item_text t ON t.item_id = i.id"
                    + " AND t.created_round = i.created_round WHERE t.item_id IS NULL"), "every item, in its round");
            List<String> titles = rows(c, "SELECT title FROM item_text");
            assertTrue(titles.stream().distinct().count() > titles.size() / 2, "titles vary: " + titles.size());
            // A topic-1 item's summary names football words, in the bundled summaries' shape.
            List<String> summaries = rows(c, "SELECT t.summary FROM item_text t JOIN items i ON i.id = t.item_id "
                    + "WHERE i.topic = 1");
            assertTrue(!summaries.isEmpty() && summaries.stream().noneMatch(String::isBlank), summaries.toString());
        }
        RunResult one = run("one", 1);
        assertEquals(RunDatabase.digest(r.runDir()), RunDatabase.digest(one.runDir()), "whatever the thread count");
        RunResult plainNames = run("plain", 2, "items.text.topicNames=[]");
        assertEquals(metrics(r.runDir()), metrics(plainNames.runDir()), "words change no metric");
        try (Connection c = RunDatabase.open(plainNames.runDir())) {
            assertEquals(List.of("politics"), rows(c, "SELECT name FROM topics WHERE topic = 0"));
        }
    }

    /** The scenario's run as before items had words: plain text, no recorder. */
    private Path runWithoutWords(String name) throws Exception {
        Path f = Files.writeString(dir.resolve(name + ".yaml"), SCENARIO);
        LoadedScenario loaded = new ScenarioLoader().load(f);
        ScenarioWiring words = new ScenarioWiring(loaded.scenario());
        Wiring plain = new ForwardingWiring() {
            @Override
            protected Wiring delegate() {
                return words;
            }

            @Override
            public World createWorld(RandomStreams streams) {
                World w = words.createWorld(streams);
                w.setText(ItemText.PLAIN);
                return w;
            }

            @Override
            public List<Observer> createObservers() {
                return words.createObservers().stream().filter(o -> !(o instanceof ItemTextTables)).toList();
            }
        };
        Path runDir = Files.createDirectories(dir.resolve(name));
        RunManifest manifest = Runner.newManifest(loaded, 2);
        RecEcoModel model = new RecEcoModel(plain);
        model.setThreads(2);
        try (H2RunStore store = Runner.openStore(runDir, loaded.scenario(), manifest)) {
            model.setSink(store, manifest);
            model.start();
            model.runToEnd();
            store.finish(manifest.ended(RunManifest.COMPLETED, "now", null));
        }
        return runDir;
    }

    @Test
    void wordsChangeNothingElseInTheStore() throws Exception {
        Path with = run("with", 2).runDir();
        Path without = runWithoutWords("without");
        try (Connection a = RunDatabase.open(with); Connection b = RunDatabase.open(without)) {
            assertEquals(List.of("0"), rows(b, "SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE LOWER(table_name) IN ('item_text', 'topics')"));
            for (String sql : List.of("SELECT round || ' ' || name || ' ' || \"VALUE\" FROM metrics ORDER BY round, name",
                    "SELECT round || ' ' || user_id || ' ' || item || ' ' || position || ' ' || liked FROM interactions "
                            + "ORDER BY round, user_id, position",
                    "SELECT id || ' ' || author || ' ' || created_round || ' ' || quality || ' ' || topic FROM items "
                            + "ORDER BY id")) {
                List<String> x = rows(a, sql);
                assertTrue(!x.isEmpty(), sql);
                assertEquals(x, rows(b, sql), sql);
            }
        }
    }
}
