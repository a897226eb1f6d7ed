package org.receco.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.llm.FaultInjectingLlmServer;
import org.receco.agents.users.llm.LlmUserModel;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;

/**
 * The user inspector of a mixed run against a real local chat server ({@link FaultInjectingLlmServer} without
 * faults: schema-valid answers): an LLM user shows its persona, latest prompt and answer, as properties and in the
 * inspector's text pane; a latent user hides them.
 */
class UserAgentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anLlmUserShowsItsPersonaAndLatestExchangeAndALatentUserHidesThem() throws Exception {
        try (FaultInjectingLlmServer server = FaultInjectingLlmServer.start(FaultInjectingLlmServer.Faults.none())) {
            Path file = Files.writeString(dir.resolve("mixed.yaml"), """
                    name: mixed-gui
                    seed: 3
                    rounds: 2
                    space: {dims: 8, topics: 6}
                    users:
                      populations:
                        - {name: latent, count: 60, model: simuline}
                        - name: llm
                          count: 4
                          model: llm
                          params: {endpoint: '%s', model: test, retries: 0, embedder: none}
                    authors: {count: 10}
                    slate: {size: 8, match: 6, coldStart: 2}
                    """.formatted(server.baseUri()));
            ScenarioLoader loader = new ScenarioLoader();
            LoadedScenario loaded = loader.load(file, List.of());
            RecEcoGui gui = new RecEcoGui(new ScenarioParameters(loader, loaded, file, p -> { }),
                    dir.resolve("runs"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            gui.start();
            UserAgent llmUser = gui.view().userAgent(61);
            assertTrue(llmUser.isLlm());
            assertEquals("", llmUser.getLastPrompt(), "nothing asked before round 0");
            assertTrue(gui.step());
            LlmUserModel model = (LlmUserModel) gui.model().userModel(llmUser.getPopulation());
            assertEquals(model.persona(61).describe().replace("\n", " | "), llmUser.getPersona());
            assertTrue(llmUser.getPersona().contains("Activity: "), llmUser.getPersona());
            String[] exchange = model.lastExchange(61);
            assertEquals(exchange[0], llmUser.getLastPrompt());
            assertTrue(llmUser.getLastPrompt().startsWith("Round 0. You are on page "), llmUser.getLastPrompt());
            JsonNode answer = JSON.readTree(llmUser.getLastAnswer());
            assertTrue(answer.path("next").isTextual() && answer.path("items").isArray(), llmUser.getLastAnswer());
            assertFalse(llmUser.hidePersona() || llmUser.hideLastPrompt() || llmUser.hideLastAnswer());

            TableInspector inspector = new TableInspector(llmUser, gui, llmUser.toString(), "Latest slate",
                    UserAgent.SLATE_COLUMNS, llmUser::slateRows, llmUser::llmText);
            String pane = inspector.text();
            assertTrue(pane.contains(model.persona(61).describe()) && pane.contains(exchange[0])
                    && pane.contains(exchange[1]), pane);

            UserAgent latent = gui.view().userAgent(5);
            assertFalse(latent.isLlm());
            assertTrue(latent.hidePersona() && latent.hideLastPrompt() && latent.hideLastAnswer());
            assertEquals("", latent.getPersona());
            assertNull(latent.llmText());
            gui.finish();
        }
    }
}
