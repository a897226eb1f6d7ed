package org.receco.agents.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensCsvTest {
    @TempDir
    Path dir;

    private static final String MOVIES = """
            movieId,title,genres
            10,GoldenEye (1995),Action|Adventure|Thriller
            2,"American President, The (1995)",Comedy|Drama|Romance
            7,"Say ""Hi"" (2001)",(no genres listed)
            """;
    private static final String RATINGS = """
            userId,movieId,rating,timestamp
            5,10,4.5,300
            5,2,2.0,100
            1,7,0.5,200
            1,10,5,100
            """;

    private void write(String movies, String ratings) throws IOException {
        Files.writeString(dir.resolve("movies.csv"), movies);
        Files.writeString(dir.resolve("ratings.csv"), ratings);
    }

    @Test
    void readsTheLayoutWithQuotedTitlesAndOrdersRatingsByTime() throws IOException {
        write(MOVIES, RATINGS);
        assertTrue(MovieLensCsv.present(dir));
        RatingsDataset d = MovieLensCsv.read(dir);
        MovieCatalog m = d.movies();
        assertArrayEquals(new int[] {2, 7, 10}, m.movieIds());
        assertEquals(List.of("American President, The (1995)", "Say \"Hi\" (2001)", "GoldenEye (1995)"), m.titles());
        assertEquals(List.of("Comedy", MovieCatalog.NO_GENRE, "Action"), m.genreNames());
        assertArrayEquals(new int[] {1, 5}, d.userIds());
        assertEquals(4, d.ratings());
        // time 100 twice (user 1 then user 5), then 200, then 300
        assertArrayEquals(new long[] {100, 100, 200, 300}, d.timestamp());
        assertArrayEquals(new int[] {0, 1, 0, 1}, d.user());
        assertArrayEquals(new int[] {2, 0, 1, 2}, d.item());
        assertArrayEquals(new float[] {5f, 2f, 0.5f, 4.5f}, d.rating());
    }

    private String failure(String movies, String ratings) throws IOException {
        write(movies, ratings);
        return assertThrows(MovieLensFormatException.class, () -> MovieLensCsv.read(dir)).getMessage();
    }

    @Test
    void badRowsAreRefusedWithFileAndLine() throws IOException {
        String ratings = dir.resolve("ratings.csv").toString();
        String movies = dir.resolve("movies.csv").toString();
        assertEquals(ratings + ":3: rating 7 is outside 0.5..5",
                failure(MOVIES, RATINGS.replace("5,2,2.0,100", "5,2,7,100")));
        assertEquals(ratings + ":4: movieId 99 is not in movies.csv",
                failure(MOVIES, RATINGS.replace("1,7,0.5", "1,99,0.5")));
        assertEquals(ratings + ":2: expected 4 fields (userId,movieId,rating,timestamp), got 3",
                failure(MOVIES, RATINGS.replace("5,10,4.5,300", "5,10,4.5")));
        assertEquals(ratings + ":5: user 1 rates movie 7 twice (first at line 4)",
                failure(MOVIES, RATINGS.replace("1,10,5,100", "1,7,5,100")));
        assertEquals(ratings + ":2: userId 'x' is not a positive whole number",
                failure(MOVIES, RATINGS.replace("5,10,4.5,300", "x,10,4.5,300")));
        assertEquals(ratings + ":2: rating 'good' is not a number",
                failure(MOVIES, RATINGS.replace("5,10,4.5,300", "5,10,good,300")));
        assertEquals(ratings + ":2: timestamp 'noon' is not a whole number of seconds",
                failure(MOVIES, RATINGS.replace("5,10,4.5,300", "5,10,4.5,noon")));
        assertEquals(movies + ":4: movieId 10 is listed twice (first at line 2)",
                failure(MOVIES.replace("7,\"Say", "10,\"Say"), RATINGS));
        assertEquals(movies + ":3: a quoted field is not closed",
                failure(MOVIES.replace("(1995)\",Comedy", "(1995),Comedy"), RATINGS));
        assertTrue(failure(MOVIES.replace("movieId,title,genres", "id,title,genres"), RATINGS)
                .startsWith(movies + ":1: expected the header movieId,title,genres, got id,title,genres"));
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Files.writeString(dir.resolve("movies.csv"), MOVIES);
        assertFalse(MovieLensCsv.present(dir));
        MovieLensFormatException e = assertThrows(MovieLensFormatException.class, () -> MovieLensCsv.read(dir));
        assertEquals(dir.resolve("ratings.csv"), e.file());
        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
