package org.receco.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The identity card of a run: which scenario (text and SHA-256), which seed, which RecEco, which JVM, when,
 * and how it ended. Written as {@code manifest.json} when the run starts (status {@code running}) and again
 * when it ends, so a run that was killed is recognisable by a manifest still saying {@code running}.
 *
 * <p>It says exactly what ran: {@code scenarioText} is the file as written, {@code overrides} the
 * {@code path=value} overrides applied on top of it in order ({@code --set}, and {@code --seed N} /
 * {@code --rounds N} as {@code seed=N} / {@code rounds=N}), and {@code resolvedScenario} the effective scenario
 * as YAML with every value, defaults included, which alone suffices to play the run again.
 *
 * @param overrides        the overrides applied to {@code scenarioText} (empty: none; null: not recorded)
 * @param resolvedScenario the effective scenario as YAML (null: not recorded, e.g. a run made in code)
 * @param rerunOf          the run directory this run replays ({@code receco run --from}), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(
        String scenarioName,
        String scenarioFile,
        String scenarioSha256,
        String scenarioText,
        long seed,
        int roundsPlanned,
        int roundsCompleted,
        int threads,
        String rececoVersion,
        String gitCommit,
        String jvm,
        String startedAt,
        String endedAt,
        String status,
        String error,
        List<String> overrides,
        String resolvedScenario,
        String rerunOf) {

    public static final String RUNNING = "running", COMPLETED = "completed", FAILED = "failed",
            INTERRUPTED = "interrupted";

    public RunManifest {
        overrides = overrides == null ? null : List.copyOf(overrides);
    }

    /** A manifest that does not record overrides or the resolved scenario (runs built in code). */
    public RunManifest(String scenarioName, String scenarioFile, String scenarioSha256, String scenarioText, long seed,
                       int roundsPlanned, int roundsCompleted, int threads, String rececoVersion, String gitCommit,
                       String jvm, String startedAt, String endedAt, String status, String error) {
        this(scenarioName, scenarioFile, scenarioSha256, scenarioText, seed, roundsPlanned, roundsCompleted, threads,
                rececoVersion, gitCommit, jvm, startedAt, endedAt, status, error, null, null, null);
    }

    public RunManifest withProgress(int completed) {
        return new RunManifest(scenarioName, scenarioFile, scenarioSha256, scenarioText, seed, roundsPlanned,
                completed, threads, rececoVersion, gitCommit, jvm, startedAt, endedAt, status, error, overrides,
                resolvedScenario, rerunOf);
    }

    public RunManifest ended(String endStatus, String endedAtTime, String errorMessage) {
        return new RunManifest(scenarioName, scenarioFile, scenarioSha256, scenarioText, seed, roundsPlanned,
                roundsCompleted, threads, rececoVersion, gitCommit, jvm, startedAt, endedAtTime, endStatus,
                errorMessage, overrides, resolvedScenario, rerunOf);
    }

    /**
     * Jackson's mapper, built on first use: building it takes about 0.1 s, which {@link #currentVersion()}
     * (every {@code receco --version}) should not pay.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #overrides} as a JSON array of strings (the run_manifest table's column), or null. */
    public String overridesJson() {
        try {
            return overrides == null ? null : Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overrides from {@link #overridesJson()}'s text (null: null). */
    public static List<String> overridesFromJson(String json) throws IOException {
        return json == null ? null : List.of(Json.MAPPER.readValue(json, String[].class));
    }

    public static RunManifest read(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), RunManifest.class);
    }

    /**
     * Writes atomically (temp file, then rename), so a reader never sees half a manifest. When the write fails
     * (a full disk) the temp file is removed and the previous manifest stays as it was; the exception names the
     * file and the reason.
     */
    public void write(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, toJson());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the directory itself is unwritable: nothing was left there either
            }
            throw new UncheckedIOException("cannot write " + file + ": " + describe(e), e);
        }
    }

    /** A file-system error's reason ("No space left on device"), not only the file it was about. */
    private static String describe(IOException e) {
        String m = e.getMessage();
        return e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : m == null ? e.getClass().getSimpleName() : m;
    }

    /** The version of RecEco on the class path (from the build's version.properties), or "unknown". */
    public static String currentVersion() {
        try (var in = RunManifest.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
