package org.receco.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small scenario that plays in about a second, with every recording option on. */
final class TinyScenario {
    static final String TEXT = """
            name: tiny-gui
            seed: 3
            rounds: 5
            space: {dims: 8, topics: 6}
            users: {count: 300}
            authors: {count: 30}
            slate: {size: 20, match: 16, coldStart: 4}
            store: {impressions: full, snapshotEvery: 2}
            metrics: {homogenisationPairs: 100}
            events:
              - {type: breaking-news, round: 2, topic: 1, items: 20, quality: 8.0}
            """;

    private TinyScenario() {
    }

    static Path write(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tiny.yaml"), TEXT);
    }
}
