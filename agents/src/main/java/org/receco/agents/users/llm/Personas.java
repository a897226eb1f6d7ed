package org.receco.agents.users.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.receco.core.util.Vec;
import org.receco.core.world.LatentSpace;

/**
 * Makes LLM users' personas from their latent twins, so that an LLM population and a latent one drawn from the
 * same space are comparable, with Agent4Rec's three traits at three levels (Zhang et al., "On Generative Agents
 * in Recommendation", SIGIR 2024, §3.1) cut at its percentiles over the cohort of users joining together:
 * <ul>
 *   <li>taste: the topics whose centres the user's vector is closest to (and the farthest one);</li>
 *   <li>rating tendency: the twin's like threshold (a low threshold likes much, so rates generously);</li>
 *   <li>activity: a per-user uniform draw cut at the 60th/90th percentiles (a latent user has no activity of its
 *       own: SimuLine's users all click the same number of items), so 60 % are low, 30 % medium, 10 % high as
 *       in Agent4Rec's MovieLens cut;</li>
 *   <li>conformity: the twin's quality weight (the weight of the item's crowd-visible quality over personal
 *       match), cut at the 25th/80th percentiles;</li>
 *   <li>diversity: how many topics make up 80 % of the user's positive topic affinity (Agent4Rec: genres
 *       covering 80 % of the history), cut at the 33rd/66th percentiles.</li>
 * </ul>
 * A persona file (JSON Lines: one object a line with {@code user}, the index in the population from 0, and any
 * of {@code taste}, {@code ratingTendency}, {@code activity}, {@code conformity}, {@code diversity},
 * {@code demographics}) overrides the generated fields it gives.
 */
public final class Personas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Personas() {
    }

    /** What the generator reads of one cohort of users, by position in the cohort. */
    public record Cohort(float[] prefs, int prefsOffset, int users, float[] threshold, float[] qualityWeight,
            double[] activityDraw) {
    }

    /** The generated personas of a cohort. */
    public static Persona[] generate(Cohort c, LatentSpace space, PromptWords words) {
        int n = c.users();
        int d = space.dims();
        int topics = space.topics();
        float[] centre = new float[topics * d];
        for (int t = 0; t < topics; t++) {
            space.copyCentre(t, centre, t * d);
        }
        double[] diversity = new double[n];
        double[] conformity = new double[n];
        double[] threshold = new double[n];
        int[][] order = new int[n][];
        for (int k = 0; k < n; k++) {
            int off = c.prefsOffset() + k * d;
            double[] affinity = new double[topics];
            Integer[] idx = new Integer[topics];
            for (int t = 0; t < topics; t++) {
                affinity[t] = Vec.cosine(c.prefs(), off, centre, t * d, d);
                idx[t] = t;
            }
            Arrays.sort(idx, (a, b) -> affinity[b] != affinity[a] ? Double.compare(affinity[b], affinity[a])
                    : Integer.compare(a, b));
            order[k] = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
            double total = 0;
            for (double a : affinity) {
                total += Math.max(0, a);
            }
            int cover = 0;
            double sum = 0;
            for (int t : order[k]) {
                if (total <= 0 || sum >= 0.8 * total) {
                    break;
                }
                sum += Math.max(0, affinity[t]);
                cover++;
            }
            diversity[k] = Math.max(1, cover);
            conformity[k] = c.qualityWeight()[k];
            threshold[k] = c.threshold()[k];
        }
        double[] dCut = cuts(diversity, 0.33, 0.66);
        double[] cCut = cuts(conformity, 0.25, 0.80);
        double[] tCut = cuts(threshold, 0.33, 0.66);
        Persona[] out = new Persona[n];
        for (int k = 0; k < n; k++) {
            int[] o = order[k];
            String taste = "You like " + list(words, o, Math.min(3, o.length))
                    + (o.length > 3 ? "; " + words.topicName(o[o.length - 1]) + " leaves you cold." : ".");
            String tendency = switch (level(threshold[k], tCut)) {
                case low -> "You rate generously: most things you pick get 4 or 5 stars.";
                case medium -> "You rate fairly: 3 stars is an ordinary item, 5 a great one.";
                case high -> "You are a critical rater: few items earn more than 3 stars from you.";
            };
            Persona.Level activity = c.activityDraw()[k] < 0.6 ? Persona.Level.low
                    : c.activityDraw()[k] < 0.9 ? Persona.Level.medium : Persona.Level.high;
            out[k] = new Persona(taste, tendency, activity, level(conformity[k], cCut), level(diversity[k], dCut),
                    "");
        }
        return out;
    }

    private static String list(PromptWords words, int[] topics, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(i == n - 1 ? " and " : ", ");
            }
            b.append(words.topicName(topics[i]));
        }
        return b.toString();
    }

    /** The values at the {@code lo} and {@code hi} quantiles (nearest rank). */
    static double[] cuts(double[] values, double lo, double hi) {
        double[] s = values.clone();
        Arrays.sort(s);
        return new double[] {s[rank(s.length, lo)], s[rank(s.length, hi)]};
    }

    private static int rank(int n, double q) {
        return Math.min(n - 1, Math.max(0, (int) Math.ceil(q * n) - 1));
    }

    /** Below the first cut: low; below the second: medium; else high. */
    static Persona.Level level(double v, double[] cut) {
        return v < cut[0] ? Persona.Level.low : v < cut[1] ? Persona.Level.medium : Persona.Level.high;
    }

    /**
     * Reads a persona file: for each line's {@code user} index, the fields it gives.
     *
     * @throws IllegalArgumentException naming the file and line of a bad entry
     */
    public static Map<Integer, JsonNode> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("persona file " + file + ": cannot read it: " + e.getMessage(), e);
        }
        Map<Integer, JsonNode> out = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = "persona file " + file + ", line " + (i + 1) + ": ";
            JsonNode n;
            try {
                n = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                throw new IllegalArgumentException(where + "not a JSON object (" + e.getMessage().lines()
                        .findFirst().orElse("") + ")");
            }
            if (n == null || !n.isObject() || !n.path("user").canConvertToInt() || n.path("user").asInt() < 0) {
                throw new IllegalArgumentException(where + "needs \"user\": the user's index in the population "
                        + "(0, 1, ...)");
            }
            for (String trait : List.of("activity", "conformity", "diversity")) {
                if (n.has(trait) && !List.of("low", "medium", "high").contains(n.get(trait).asText())) {
                    throw new IllegalArgumentException(where + "\"" + trait + "\" is '" + n.get(trait).asText()
                            + "'; allowed: low, medium, high");
                }
            }
            out.put(n.get("user").asInt(), n);
        }
        return out;
    }

    /** {@code generated} with the fields {@code given} names replaced. */
    public static Persona override(Persona generated, JsonNode given) {
        if (given == null) {
            return generated;
        }
        return new Persona(given.path("taste").asText(generated.taste()),
                given.path("ratingTendency").asText(generated.ratingTendency()),
                given.has("activity") ? Persona.Level.valueOf(given.get("activity").asText().toLowerCase(Locale.ROOT))
                        : generated.activity(),
                given.has("conformity") ? Persona.Level.valueOf(given.get("conformity").asText()) : generated.conformity(),
                given.has("diversity") ? Persona.Level.valueOf(given.get("diversity").asText()) : generated.diversity(),
                given.path("demographics").asText(generated.demographics()));
    }
}
