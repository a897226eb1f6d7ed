package org.receco.agents.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code llm.cache} directory: recorded calls as JSON lines, one file per run ({@code RUN.jsonl}), one
 * {@link LlmCallRecord} a line. Opening it reads every {@code *.jsonl} file in the directory (in name order; the
 * first record of a key wins) for replay; the calls of this run are appended to its own file, a line each,
 * flushed as written, so that a killed run keeps what it paid for. Records appended now also answer later
 * look-ups of this run.
 */
public final class JsonlCallCache implements CallRecordSource, CallRecordSink, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, LlmCallRecord> byKey = new HashMap<>();
    private BufferedWriter writer;

    private JsonlCallCache(Path file) {
        this.file = file;
    }

    /**
     * Opens {@code dir} (created if missing) for the run named {@code run}, whose calls go to {@code run.jsonl}.
     *
     * @throws IOException when a file cannot be read, with the file and line of a record that cannot be parsed
     */
    public static JsonlCallCache open(Path dir, String run) throws IOException {
        if (run.isEmpty() || run.contains("/") || run.contains("\\")) {
            throw new IllegalArgumentException("llm cache run name '" + run + "' must be a plain file name");
        }
        Files.createDirectories(dir);
        JsonlCallCache cache = new JsonlCallCache(dir.resolve(run + ".jsonl"));
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jsonl")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        for (Path f : files) {
            cache.load(f);
        }
        return cache;
    }

    private void load(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            LlmCallRecord r;
            try {
                r = JSON.readValue(line, LlmCallRecord.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // A run killed mid-write leaves a partial last line; anything else is a damaged file.
                if (i == lines.size() - 1) {
                    continue;
                }
                throw new IOException(f + ", line " + (i + 1) + ": not a recorded LLM call ("
                        + e.getOriginalMessage() + ")", e);
            }
            byKey.putIfAbsent(r.key(), r);
        }
    }

    /** The file this run's calls are appended to. */
    public Path file() {
        return file;
    }

    /** How many distinct keys are recorded. */
    public synchronized int size() {
        return byKey.size();
    }

    @Override
    public synchronized Optional<LlmCallRecord> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public synchronized void append(LlmCallRecord record) throws IOException {
        if (writer == null) {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        writer.write(JSON.writeValueAsString(record));
        writer.write('\n');
        writer.flush();
        byKey.putIfAbsent(record.key(), record);
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writer = null;
        }
    }
}
