package org.receco.agents.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The movies of a MovieLens-layout data set (Harper &amp; Konstan, "The MovieLens Datasets: History and Context",
 * ACM TiiS 2015): dense index {@code i} holds MovieLens id {@code movieIds[i]}, its title and its genres as
 * written ({@code Comedy|Drama}). Kept with the world so item text (titles, genres) can be used later.
 *
 * <p>An item's topic is its primary genre, the first one listed; genres are numbered in order of first
 * appearance over the movies sorted by id, so the numbering depends only on the file.
 */
public record MovieCatalog(int[] movieIds, List<String> titles, List<String> genres, List<String> genreNames,
                           int[] primaryGenre) {
    /** The genre MovieLens writes for a movie without genres. */
    public static final String NO_GENRE = "(no genres listed)";

    public MovieCatalog {
        titles = List.copyOf(titles);
        genres = List.copyOf(genres);
        genreNames = List.copyOf(genreNames);
        if (titles.size() != movieIds.length || genres.size() != movieIds.length
                || primaryGenre.length != movieIds.length) {
            throw new IllegalArgumentException("a movie catalogue needs one title, genre list and primary genre per movie");
        }
    }

    /** A catalogue whose primary genres are derived from {@code genres} (the first genre of each movie). */
    public static MovieCatalog of(int[] movieIds, List<String> titles, List<String> genres) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] primary = new int[movieIds.length];
        for (int i = 0; i < movieIds.length; i++) {
            primary[i] = ids.computeIfAbsent(primaryGenreOf(genres.get(i)), g -> ids.size());
        }
        return new MovieCatalog(movieIds, titles, genres, new ArrayList<>(ids.keySet()), primary);
    }

    /** The first genre of a {@code |}-separated list, or {@link #NO_GENRE} for an empty one. */
    static String primaryGenreOf(String genres) {
        int bar = genres.indexOf('|');
        String first = (bar < 0 ? genres : genres.substring(0, bar)).trim();
        return first.isEmpty() ? NO_GENRE : first;
    }

    public int size() {
        return movieIds.length;
    }

    public int genreCount() {
        return genreNames.size();
    }
}
