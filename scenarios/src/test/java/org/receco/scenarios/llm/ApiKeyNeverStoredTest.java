package org.receco.scenarios.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.llm.FaultInjectingLlmServer;
import org.receco.scenarios.cli.RecEcoCli;

/**
 * The API key named by {@code apiKeyEnv} reaches the server as a bearer token and nowhere else: a real
 * {@code receco run} in a child JVM whose environment holds the key, then every byte of the run directory (the
 * database file, the manifest), of its output and of its error stream is searched for it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ApiKeyNeverStoredTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsSentButNeverWrittenToTheStoreTheManifestOrTheLogs() throws Exception {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String key = "sk-receco-test-" + HexFormat.of().formatHex(random);
        try (FaultInjectingLlmServer server = PersonaScript.server()) {
            Path scenario = Files.writeString(dir.resolve("keyed.yaml"), LlmPopulationRunTest.scenario(
                    PersonaScript.endpoint(server), 5, ", apiKeyEnv: RECECO_TEST_LLM_KEY").replace("rounds: 3", "rounds: 2"));
            Path out = dir.resolve("runs");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    RecEcoCli.class.getName(), "run", scenario.toString(), "--out", out.toString(), "--threads", "1")
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt")
                            .toFile());
            pb.environment().put("RECECO_TEST_LLM_KEY", key);
            Process p = pb.start();
            assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the run ended");
            String stderr = Files.readString(dir.resolve("stderr.txt"));
            assertEquals(0, p.exitValue(), stderr);
            assertTrue(server.authorizations().size() > 0
                    && server.authorizations().stream().allMatch(("Bearer " + key)::equals), "the key was sent");
            List<Path> files = new ArrayList<>(List.of(dir.resolve("stdout.txt"), dir.resolve("stderr.txt")));
            try (Stream<Path> s = Files.walk(out)) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
            assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".mv.db")), "searched: " + files);
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("manifest.json")));
            byte[] needle = key.getBytes(StandardCharsets.UTF_8);
            byte[] part = key.substring(key.length() - 12).getBytes(StandardCharsets.UTF_8);
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                assertFalse(contains(bytes, needle) || contains(bytes, part), "the key is in " + f);
            }
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
