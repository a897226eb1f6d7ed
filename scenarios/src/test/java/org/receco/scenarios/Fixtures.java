package org.receco.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.receco.agents.Normal;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.scenarios.ComponentCatalog.Component;

/** A tiny fake component catalog with the names of the built-in defaults, and file helpers. */
public final class Fixtures {
    private Fixtures() {
    }

    public record FakeRecParams(
            @Doc("Neighbours.") @Range(min = 1, max = 100) int k,
            @Doc("Learning rate.") @Range(min = 0, max = 1) double rate) {
        public FakeRecParams {
            if (k > 50 && rate > 0.5) {
                throw new IllegalArgumentException("k > 50 needs rate <= 0.5");
            }
        }
    }

    public record NoParams() {
    }

    public record FakeUserParams(
            @Doc("Clicks per round.") @Range(min = 0, max = 1000) int clicksPerRound,
            @Doc("Like threshold.") Normal likeThreshold) {
    }

    public record FakeAuthorParams(@Doc("Items per round.") @Range(min = 0) int itemsPerRound) {
    }

    public static final ComponentCatalog CATALOG = ComponentCatalog.of(Map.of(
            ComponentCatalog.RECOMMENDER, List.of(
                    new Component("random", "Random ranking.", NoParams.class, new NoParams()),
                    new Component("popular", "Most clicked.", NoParams.class, new NoParams()),
                    new Component("bpr", "Fake BPR.", FakeRecParams.class, new FakeRecParams(10, 0.05))),
            ComponentCatalog.USER_MODEL, List.of(
                    new Component("simuline", "Fake users.", FakeUserParams.class,
                            new FakeUserParams(10, Normal.unit(0.3, 0.1)))),
            ComponentCatalog.AUTHOR_MODEL, List.of(
                    new Component("news", "Fake authors.", FakeAuthorParams.class, new FakeAuthorParams(5)))));

    public static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems loading {@code yaml} (written to {@code dir/s.yaml}) reports; fails if it loads. */
    public static List<Problem> problems(Path dir, String yaml) {
        Path file = write(dir, "s.yaml", yaml);
        return org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> new ScenarioLoader(CATALOG).load(file)).problems();
    }
}
