package org.receco.scenarios.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.data.MfParams;
import org.receco.agents.data.RatingsDataset;
import org.receco.agents.data.RatingsWorld;

class RatingsWorldsTest {
    @TempDir
    Path dir;

    @Test
    void readsAndFitsOnceUntilAFileChanges() throws Exception {
        int n = MovieLensFixture.write(dir, 20, 12, 2);
        RatingsDataset d = RatingsWorlds.dataset(dir);
        assertEquals(n, d.ratings());
        assertSame(d, RatingsWorlds.dataset(dir));
        MfParams p = new MfParams(3, 4, 0.05, 1);
        RatingsWorld w = RatingsWorlds.world(dir, p);
        assertSame(w, RatingsWorlds.world(dir, p));
        assertNotSame(w, RatingsWorlds.world(dir, new MfParams(3, 5, 0.05, 1)), "other settings, another fit");
        String line = RatingsWorlds.describeLatest();
        assertTrue(line.contains(n + " ratings by 20 users of 12 movies") && line.contains("RMSE"), line);
        int more = MovieLensFixture.write(dir, 21, 12, 3);
        Files.setLastModifiedTime(dir.resolve("ratings.csv"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(more, RatingsWorlds.dataset(dir).ratings());
        assertEquals(21, RatingsWorlds.world(dir, p).data().users());
    }
}
