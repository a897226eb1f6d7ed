package org.receco.agents.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MovieCatalogTest {
    @Test
    void primaryGenresAreFirstListedNumberedInOrderOfAppearance() {
        MovieCatalog c = MovieCatalog.of(new int[] {1, 2, 3, 4}, List.of("a", "b", "c", "d"),
                List.of("Drama|Comedy", "Comedy", "", "Drama"));
        assertEquals(List.of("Drama", "Comedy", MovieCatalog.NO_GENRE), c.genreNames());
        assertArrayEquals(new int[] {0, 1, 2, 0}, c.primaryGenre());
        assertEquals(3, c.genreCount());
        assertEquals(4, c.size());
    }

    @Test
    void columnsMustAgreeInLength() {
        assertThrows(IllegalArgumentException.class,
                () -> MovieCatalog.of(new int[] {1, 2}, List.of("a"), List.of("Drama", "Drama")));
    }
}
