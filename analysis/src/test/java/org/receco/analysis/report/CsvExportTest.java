package org.receco.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RunManifest;
import org.receco.core.rng.RandomStreams;
import org.receco.core.round.RoundState;
import org.receco.core.spi.RoundView;
import org.receco.core.store.Column;
import org.receco.core.store.ColumnType;
import org.receco.core.store.H2RunStore;
import org.receco.core.store.Schema;
import org.receco.core.store.StoreOptions;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

/**
 * {@link CsvExport} writes every table the run database catalogues, a component's declared table included, with
 * its text quoted as RFC 4180 says and rows in key order. The run is one round written straight into a real
 * {@link H2RunStore} from a hand-built world (two users, one author, one item).
 */
class CsvExportTest {
    private static final TableSpec CALLS = TableSpec.of("llm_calls", "one row per call", "round",
            List.of("round", "user_id", "seq"),
            Column.of("round", ColumnType.INTEGER), Column.of("user_id", ColumnType.INTEGER),
            Column.of("seq", ColumnType.INTEGER), Column.nullable("response", ColumnType.TEXT),
            Column.of("latency_ms", ColumnType.BIGINT)).withVolatile("latency_ms");

    @TempDir
    Path tmp;

    /** The world after setup; round -1 until the first round is played. */
    static final class View implements RoundView {
        final World world;
        final RoundState state = new RoundState(2, 1);
        int round = -1;

        View() {
            world = new World(new LatentSpace(2, new float[] {1, 0}), 2, 1, 1);
            float[] v = {1, 0};
            world.users().add(v, 0, 0, 0, 0);
            world.users().add(v, 0, 0, 0, 0);
            world.authors().add(v, 0, 0, 0);
            world.items().add(v, 0, 0, 0, 0.5f, 0);
            world.items().rebuildLive();
        }

        @Override
        public int round() {
            return round;
        }

        @Override
        public World world() {
            return world;
        }

        @Override
        public RoundState state() {
            return state;
        }

        @Override
        public RandomStreams streams() {
            return new RandomStreams(1);
        }

        @Override
        public String recommenderName() {
            return "none";
        }
    }

    @Test
    void exportsEveryCataloguedTableDeclaredOnesIncludedQuotedAndInKeyOrder() throws Exception {
        Path run = tmp.resolve("run");
        RunManifest m = new RunManifest("csv", null, "0".repeat(64), "name: csv", 1, 1, 0, 1,
                RunManifest.currentVersion(), null, "jvm", Instant.now().toString(), null, RunManifest.RUNNING, null);
        try (H2RunStore store = new H2RunStore(run, StoreOptions.defaults())) {
            View v = new View();
            TableWriter calls = store.table(CALLS);
            store.start(m, v);
            v.round = 0;
            v.state.begin(0, 2);
            calls.append(0, 1, 0, "line one\nline two", 12L);
            calls.append(0, 0, 1, null, 7L);
            calls.append(0, 0, 0, "a, \"quoted\" b", 5L);
            store.writeRound(v);
            store.writeMetric(0, "odd, name", 0.25);
            store.commitRound(0);
            store.finish(m.withProgress(1).ended(RunManifest.COMPLETED, Instant.now().toString(), null));
        }
        Path out = tmp.resolve("csv");
        List<String> files = new ArrayList<>();
        for (Path f : CsvExport.export(run, out)) {
            files.add(f.getFileName().toString());
        }
        List<String> expected = new ArrayList<>(Schema.BUILT_IN.stream().map(t -> t.name() + ".csv").toList());
        expected.add("llm_calls.csv");
        assertEquals(expected, files);
        assertEquals("""
                round,user_id,seq,response,latency_ms
                0,0,0,"a, ""quoted"" b",5
                0,0,1,,7
                0,1,0,"line one
                line two",12
                """, Files.readString(out.resolve("llm_calls.csv")));
        assertEquals("round,name,value\n0,\"odd, name\",0.25\n", Files.readString(out.resolve("metrics.csv")));
        assertEquals("id,topic,population,joined_round,fake\n0,0,0,0,FALSE\n1,0,0,0,FALSE\n",
                Files.readString(out.resolve("users.csv")));
    }
}
