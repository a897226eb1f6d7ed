package org.receco.scenarios.sweep;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one sweep run, as the index records it and as {@code result.json} in the run directory
 * holds it (written last, atomically, so a run directory without it did not finish).
 *
 * @param point           the point index
 * @param replicate       the replicate index
 * @param seed            the run's seed
 * @param status          {@link #COMPLETED} or {@link #FAILED}
 * @param error           what failed (null when completed)
 * @param roundsCompleted rounds recorded
 * @param wallSeconds     wall time of the run (left out of comparisons)
 * @param scenarioSha256  hash of the scenario text and the run's overrides: the identity of what was run
 * @param digest          {@link org.receco.core.store.RunDatabase#digest} of the run database (null if none)
 * @param metrics         the last recorded round's metrics, by name
 * @param rounds          every metric by name, its value per round (index = round; NaN where missing)
 */
public record RunRecord(int point, int replicate, long seed, String status, String error, int roundsCompleted,
                        double wallSeconds, String scenarioSha256, String digest, Map<String, Double> metrics,
                        Map<String, List<Double>> rounds) {
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    /** The file name of a run's record inside its run directory. */
    public static final String FILE_NAME = "result.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public RunRecord {
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
        rounds = rounds == null ? Map.of() : new TreeMap<>(rounds);
    }

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /** Writes this record to {@code runDir/result.json} (via a temporary file and an atomic rename). */
    public void write(Path runDir) {
        try {
            Path tmp = runDir.resolve(FILE_NAME + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(this));
            Files.move(tmp, runDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** The record in {@code runDir}, or null when the run did not finish (or the file is unreadable). */
    public static RunRecord read(Path runDir) {
        Path f = runDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return JSON.readValue(f.toFile(), RunRecord.class);
        } catch (IOException e) {
            return null;
        }
    }
}
