package org.receco.scenarios.llm;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.receco.agents.llm.LocalLlmServer;
import org.receco.agents.llm.TinyModelWriter;

/**
 * {@code receco llm serve} on a tiny random model, in a child JVM (llama.cpp's native threads keep a JVM alive
 * after its model is closed, so the server gets a process of its own, ended explicitly), on a free port.
 */
public final class ForkedLlmServer implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:(\\d+)/v1)");

    private final Process process;
    private final String endpoint;
    private final int port;

    private ForkedLlmServer(Process process, String endpoint, int port) {
        this.process = process;
        this.endpoint = endpoint;
        this.port = port;
    }

    /** Writes a tiny model into {@code dir} and serves it; waits until the server prints its URL. */
    public static ForkedLlmServer start(Path dir) throws Exception {
        Path model = dir.resolve("tiny.gguf");
        TinyModelWriter.write(model, 7);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LocalLlmServer.class.getName(), "--model", model.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Matcher> line = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    Matcher m = URL.matcher(l);
                    if (m.find()) {
                        return m;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        Matcher m = line.get(90, TimeUnit.SECONDS);
        if (m == null) {
            p.destroyForcibly();
            throw new IllegalStateException("the LLM server printed no URL");
        }
        return new ForkedLlmServer(p, m.group(1), Integer.parseInt(m.group(2)));
    }

    public String endpoint() {
        return endpoint;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
