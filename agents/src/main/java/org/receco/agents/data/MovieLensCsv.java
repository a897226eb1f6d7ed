package org.receco.agents.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a directory in the MovieLens layout (Harper &amp; Konstan, "The MovieLens Datasets: History and Context",
 * ACM TiiS 2015): {@value #RATINGS} with header {@code userId,movieId,rating,timestamp} and {@value #MOVIES} with
 * header {@code movieId,title,genres}, comma-separated, fields quoted as RFC 4180 says (titles with commas are).
 * Every bad row is refused with its file and line: a wrong field count, a number that does not parse, a rating
 * outside 0.5–5, a movie rated that {@value #MOVIES} does not list, a movie listed or a (user, movie) pair rated twice.
 */
public final class MovieLensCsv {
    public static final String RATINGS = "ratings.csv";
    public static final String MOVIES = "movies.csv";
    static final List<String> RATINGS_HEADER = List.of("userId", "movieId", "rating", "timestamp");
    static final List<String> MOVIES_HEADER = List.of("movieId", "title", "genres");

    private MovieLensCsv() {
    }

    /** Whether {@code dir} holds both files (it says nothing of their contents). */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(RATINGS)) && Files.isRegularFile(dir.resolve(MOVIES));
    }

    /**
     * The data set in {@code dir}; movies are indexed in increasing MovieLens id, users likewise.
     *
     * @throws MovieLensFormatException a missing file or a bad row, with file and line
     */
    public static RatingsDataset read(Path dir) {
        MovieCatalog movies = readMovies(dir.resolve(MOVIES));
        Map<Integer, Integer> movieIndex = new HashMap<>();
        for (int i = 0; i < movies.size(); i++) {
            movieIndex.put(movies.movieIds()[i], i);
        }
        return readRatings(dir.resolve(RATINGS), movies, movieIndex);
    }

    private static MovieCatalog readMovies(Path file) {
        TreeMap<Integer, String[]> byId = new TreeMap<>();
        Map<Integer, Integer> lineOf = new HashMap<>();
        forEachRow(file, MOVIES_HEADER, (line, f) -> {
            int id = positiveInt(file, line, "movieId", f.get(0));
            Integer before = lineOf.putIfAbsent(id, line);
            if (before != null) {
                throw new MovieLensFormatException(file, line, "movieId " + id + " is listed twice (first at line "
                        + before + ")");
            }
            byId.put(id, new String[] {f.get(1), f.get(2)});
        });
        int[] ids = new int[byId.size()];
        List<String> titles = new ArrayList<>(ids.length);
        List<String> genres = new ArrayList<>(ids.length);
        int i = 0;
        for (Map.Entry<Integer, String[]> e : byId.entrySet()) {
            ids[i++] = e.getKey();
            titles.add(e.getValue()[0]);
            genres.add(e.getValue()[1]);
        }
        return MovieCatalog.of(ids, titles, genres);
    }

    private static RatingsDataset readRatings(Path file, MovieCatalog movies, Map<Integer, Integer> movieIndex) {
        List<long[]> rows = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        TreeMap<Integer, Integer> users = new TreeMap<>();
        forEachRow(file, RATINGS_HEADER, (line, f) -> {
            int userId = positiveInt(file, line, "userId", f.get(0));
            int movieId = positiveInt(file, line, "movieId", f.get(1));
            Integer item = movieIndex.get(movieId);
            if (item == null) {
                throw new MovieLensFormatException(file, line, "movieId " + movieId + " is not in " + MOVIES);
            }
            float rating;
            try {
                rating = Float.parseFloat(f.get(2));
            } catch (NumberFormatException e) {
                throw new MovieLensFormatException(file, line, "rating '" + f.get(2) + "' is not a number");
            }
            if (!(rating >= 0.5f && rating <= 5f)) {
                throw new MovieLensFormatException(file, line, "rating " + f.get(2) + " is outside 0.5..5");
            }
            long time;
            try {
                time = Long.parseLong(f.get(3));
            } catch (NumberFormatException e) {
                throw new MovieLensFormatException(file, line, "timestamp '" + f.get(3)
                        + "' is not a whole number of seconds");
            }
            Integer before = seen.putIfAbsent(((long) userId << 32) | movieId, line);
            if (before != null) {
                throw new MovieLensFormatException(file, line, "user " + userId + " rates movie " + movieId
                        + " twice (first at line " + before + ")");
            }
            users.put(userId, 0);
            rows.add(new long[] {time, userId, item});
            values.add(rating);
        });
        int[] userIds = new int[users.size()];
        int u = 0;
        for (Map.Entry<Integer, Integer> e : users.entrySet()) {
            e.setValue(u);
            userIds[u++] = e.getKey();
        }
        Integer[] order = new Integer[rows.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        // Chronological, so the seeded feedback log reads as the platform's history; ties by user, then movie.
        Arrays.sort(order, (a, b) -> {
            long[] x = rows.get(a);
            long[] y = rows.get(b);
            int c = Long.compare(x[0], y[0]);
            c = c != 0 ? c : Long.compare(x[1], y[1]);
            return c != 0 ? c : Long.compare(x[2], y[2]);
        });
        int n = order.length;
        int[] user = new int[n];
        int[] item = new int[n];
        float[] rating = new float[n];
        long[] time = new long[n];
        for (int k = 0; k < n; k++) {
            long[] row = rows.get(order[k]);
            time[k] = row[0];
            user[k] = users.get((int) row[1]);
            item[k] = (int) row[2];
            rating[k] = values.get(order[k]);
        }
        return new RatingsDataset(movies, userIds, user, item, rating, time);
    }

    private interface RowHandler {
        void row(int line, List<String> fields);
    }

    private static void forEachRow(Path file, List<String> header, RowHandler handler) {
        if (!Files.isRegularFile(file)) {
            throw new MovieLensFormatException(file, 0, "no such file (a MovieLens-layout directory holds "
                    + RATINGS + " and " + MOVIES + ")");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text = in.readLine();
            if (text != null && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text == null || !fields(file, 1, text).equals(header)) {
                throw new MovieLensFormatException(file, 1, "expected the header " + String.join(",", header)
                        + (text == null ? ", the file is empty" : ", got " + text));
            }
            int line = 1;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> f = fields(file, line, text);
                if (f.size() != header.size()) {
                    throw new MovieLensFormatException(file, line, "expected " + header.size() + " fields ("
                            + String.join(",", header) + "), got " + f.size());
                }
                handler.row(line, f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The RFC 4180 fields of one line (MovieLens rows never span lines). */
    static List<String> fields(Path file, int line, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (true) {
            field.setLength(0);
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MovieLensFormatException(file, line, "a quoted field is not closed");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && text.charAt(i) != ',') {
                    throw new MovieLensFormatException(file, line, "text after a closing quote at column " + (i + 1));
                }
            } else {
                while (i < n && text.charAt(i) != ',') {
                    field.append(text.charAt(i++));
                }
            }
            out.add(field.toString());
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }

    private static int positiveInt(Path file, int line, String column, String text) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MovieLensFormatException(file, line, column + " '" + text + "' is not a positive whole number");
    }
}
