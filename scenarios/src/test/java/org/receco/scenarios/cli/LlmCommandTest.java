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

/** {@code receco llm}: writing the tiny model, and the errors of both actions (serve itself runs until Ctrl-C). */
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
        assertTrue(r[2].contains("allowed: tiny-model, serve"), r[2]);
        assertFalse(Files.exists(dir.resolve("x.gguf")));
        assertTrue(run("llm", "tiny-model")[2].contains("needs the FILE"));
        assertTrue(run("llm", "serve")[2].contains("needs --model FILE"));
        String[] missing = run("llm", "serve", "--model", dir.resolve("none.gguf").toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[2].contains("model file not found"), missing[2]);
        String[] help = run("llm", "--help");
        assertEquals("0", help[0]);
        assertTrue(help[1].contains("tiny-model") && help[1].contains("--port"), help[1]);
    }
}
