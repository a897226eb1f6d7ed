package org.receco.agents.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.agents.space.SyntheticSpace;
import org.receco.core.rng.SplitMix;
import org.receco.core.world.World;

class RatingsWorldTest {
    /** 40 users, 30 movies of three genres (by id mod 3), rank-2 ratings. */
    static RatingsDataset dataset() {
        LowRankRatings r = LowRankRatings.draw(40, 30, 2, 0.5, 0.2, 9);
        int[] ids = new int[30];
        List<String> titles = new ArrayList<>();
        List<String> genres = new ArrayList<>();
        String[] names = {"Drama", "Comedy|Drama", "Horror"};
        for (int i = 0; i < 30; i++) {
            ids[i] = i + 1;
            titles.add("Movie " + i);
            genres.add(names[i % 3]);
        }
        int[] userIds = new int[40];
        for (int u = 0; u < 40; u++) {
            userIds[u] = u + 1;
        }
        return new RatingsDataset(MovieCatalog.of(ids, titles, genres), userIds, r.user(), r.item(), r.rating(),
                new long[r.user().length]);
    }

    @Test
    void topicsAreGenresCentredOnTheirMoviesFactors() {
        RatingsDataset data = dataset();
        RatingsWorld w = RatingsWorld.fit(data, new MfParams(3, 10, 0.05, 1));
        assertEquals(3, w.space().topics());
        assertEquals(3, w.space().dims());
        float[] q = w.fit().itemFactors();
        for (int k = 0; k < 3; k++) {
            double sum = 0;
            for (int i = 2; i < 30; i += 3) { // the Horror movies
                sum += q[i * 3 + k];
            }
            assertEquals(sum / 10, w.space().centre(2, k), 1e-5);
        }
        assertTrue(w.fit().rmse() < w.fit().baselineRmse());
    }

    @Test
    void theWorldHasRoomForTheDataAndFurtherUsersResampleRealOnes() {
        RatingsWorld w = RatingsWorld.fit(dataset(), new MfParams(3, 5, 0.05, 1));
        World world = w.newWorld(5);
        assertEquals(3, world.dims());
        SyntheticSpace.Population p = w.drawUsers(25, new SplitMix(4));
        assertEquals(25, p.topics().length);
        float[] users = w.fit().userFactors();
        for (int q = 0; q < 25; q++) {
            boolean found = false;
            for (int u = 0; u < 40 && !found; u++) {
                found = java.util.Arrays.equals(users, u * 3, u * 3 + 3, p.vectors(), q * 3, q * 3 + 3);
            }
            assertTrue(found, "drawn user " + q + " copies a real user");
        }
        SyntheticSpace.Population again = w.drawUsers(25, new SplitMix(4));
        assertArrayEquals(p.vectors(), again.vectors());
    }
}
