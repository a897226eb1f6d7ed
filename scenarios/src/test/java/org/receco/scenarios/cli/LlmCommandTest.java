package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;

/**
 * {@code receco llm}: writing the tiny model, serving the fault-injecting test model, the bench, and the errors of
 * every action (serving a GGUF model is LocalLlmServerTest's).
 */
class LlmCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new String[] {String.valueOf(cl.execute(args)), out.toString(), err.toString()};
    }

    @Test
    void tinyModelWritesAGgufFile() throws Exception {
        Path f = dir.resolve("runs/tiny.gguf");
        String[] r = run("llm", "tiny-model", f.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("wrote " + f), r[1]);
        byte[] head = Files.readAllBytes(f);
        assertEquals("GGUF", new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        String[] again = run("llm", "tiny-model", dir.resolve("b.gguf").toString(), "--seed", "1");
        assertEquals("0", again[0]);
        assertTrue(java.util.Arrays.equals(head, Files.readAllBytes(dir.resolve("b.gguf"))), "default seed is 1");
    }

    @Test
    void badInvocationsExit2WithAClearMessageAndWriteNothing() {
        String[] r = run("llm", "tiny-modle", dir.resolve("x.gguf").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown action 'tiny-modle'") && r[2].contains("did you mean 'tiny-model'"), r[2]);
        assertTrue(r[2].contains("allowed: tiny-model, serve, bench"), r[2]);
        assertFalse(Files.exists(dir.resolve("x.gguf")));
        assertTrue(run("llm", "tiny-model")[2].contains("needs the FILE"));
        assertTrue(run("llm", "serve")[2].contains("needs --model FILE (or --faults SPEC"));
        String[] missing = run("llm", "serve", "--model", dir.resolve("none.gguf").toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[2].contains("model file not found"), missing[2]);
        String[] badSpec = run("llm", "serve", "--faults", "timeout=0.1,boom=0.2");
        assertEquals("2", badSpec[0]);
        assertTrue(badSpec[2].startsWith("llm serve --faults: fault spec: unknown key 'boom'; allowed keys: timeout, "),
                badSpec[2]);
        String[] both = run("llm", "serve", "--faults", "500=0.1", "--model", dir.resolve("m.gguf").toString());
        assertEquals("2", both[0]);
        assertTrue(both[2].contains("--model and --faults exclude each other"), both[2]);
        assertEquals("2", run("llm", "serve", "--faults", "500=0.1", "--port", "70000")[0]);
        String[] calls = run("llm", "bench", "--calls", "0");
        assertEquals("2", calls[0]);
        assertTrue(calls[2].startsWith("llm bench: --calls 0 must be positive"), calls[2]);
        assertTrue(run("llm", "bench", "--concurrency", "-1")[2].startsWith("llm bench: --concurrency -1 must be"));
        String[] url = run("llm", "bench", "--endpoint", "ftp://x/v1");
        assertEquals("2", url[0]);
        assertTrue(url[2].contains("--endpoint 'ftp://x/v1' is not an http(s) URL"), url[2]);
        String[] rate = run("llm", "bench", "--faults", "500=1.5");
        assertEquals("2", rate[0]);
        assertTrue(rate[2].contains("500=1.5 must be in [0, 1]"), rate[2]);
        assertEquals("2", run("llm", "bench", "--faults", "500=0.1", "--endpoint", "http://127.0.0.1:1/v1")[0]);
        String[] help = run("llm", "--help");
        assertEquals("0", help[0]);
        assertTrue(help[1].contains("tiny-model") && help[1].contains("--port"), help[1]);
        assertTrue(help[1].contains("--faults") && help[1].contains("--concurrency"), help[1]);
    }

    @Test
    void serveFaultsServesTheTestModelUntilInterrupted() throws Exception {
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        java.util.concurrent.atomic.AtomicInteger code = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(cl.execute("llm", "serve", "--faults", "500=1,seed=3", "--port",
                "0")));
        serve.start();
        java.util.regex.Matcher m = null;
        for (int i = 0; i < 600 && (m == null || !m.find()); i++) {
            Thread.sleep(50);
            m = java.util.regex.Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/v1)").matcher(out.toString());
        }
        assertTrue(m != null && m.find(0), out.toString());
        assertTrue(out.toString().contains("500=1.0"), out.toString());
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1) + "/chat/completions"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"messages\":[]}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(500, r.statusCode(), "every request meets the 500 fault");
        serve.interrupt();
        serve.join(30_000);
        assertFalse(serve.isAlive());
        assertEquals(0, code.get());
    }

    @Test
    void benchMeasuresTheTestModelAndAnEndpointAndReplaysWithoutRequests() throws Exception {
        String[] r = run("llm", "bench", "--calls", "60", "--concurrency", "8", "--faults", "latency-ms=5");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("60 calls at concurrency 8"), r[1]);
        assertTrue(r[1].contains("client overhead"), r[1]);
        assertTrue(r[1].contains("60 records from JSON lines") && r[1].contains("; 0 HTTP requests"), r[1]);
        try (org.receco.agents.llm.FaultInjectingLlmServer s = org.receco.agents.llm.FaultInjectingLlmServer.start(
                org.receco.agents.llm.FaultInjectingLlmServer.Faults.none())) {
            String[] e = run("llm", "bench", "--calls", "30", "--concurrency", "4", "--endpoint",
                    s.baseUri().toString());
            assertEquals("0", e[0], e[2]);
            assertTrue(e[1].contains("against " + s.baseUri()) && e[1].contains("server time unknown"), e[1]);
            // A probe, a warm-up and a measured pass of 30 sequential calls, then the 30: the replay sent none.
            assertEquals(1 + 30 + 30 + 30, s.requests());
        }
        String[] down = run("llm", "bench", "--calls", "5", "--endpoint", "http://127.0.0.1:9/v1");
        assertEquals("1", down[0], down[1]);
        assertTrue(down[2].startsWith("llm bench: http://127.0.0.1:9/v1 gave no valid answer to a first call"),
                down[2]);
    }
}
