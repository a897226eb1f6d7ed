package org.receco.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;

/** The item inspector shows the item's words (items.text) beside its numbers. */
class ItemAgentTest {
    @TempDir
    Path dir;

    @Test
    void theInspectorShowsTitleSummaryAndTopicName() throws Exception {
        Path scenario = TinyScenario.write(dir);
        ScenarioLoader loader = new ScenarioLoader();
        LoadedScenario loaded = loader.load(scenario, List.of("items.text.topicNames=[markets]"));
        List<String> problems = new ArrayList<>();
        RecEcoGui gui = new RecEcoGui(new ScenarioParameters(loader, loaded, scenario, problems::add),
                dir.resolve("gui-runs"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        gui.start();
        gui.step();
        int topic0 = -1;
        for (int i = 0; i < gui.model().world().items().count(); i++) {
            ItemAgent item = new ItemAgent(gui.view(), i, gui.model().world().items().topic(i));
            assertEquals(gui.model().world().text().title(i), item.getTitle());
            assertEquals(gui.model().world().text().summary(i), item.getSummary());
            assertFalse(item.getTitle().isBlank());
            assertFalse(item.getTitle().startsWith("item "), "words, not a number: " + item.getTitle());
            if (item.getTopic() == 0) {
                topic0 = i;
                assertEquals("markets", item.getTopicName());
            }
        }
        assertTrue(topic0 >= 0, "some item of topic 0 was published");
        gui.finish();
        assertEquals(List.of(), problems);
    }
}
