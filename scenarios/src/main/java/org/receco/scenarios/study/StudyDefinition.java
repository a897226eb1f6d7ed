package org.receco.scenarios.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study file: one scenario, several arms (recommenders or mitigations, as {@code --set} overrides), run
 * for {@code replicates} independent replicates each, reported relative to a baseline arm (Chaney et al.'s
 * presentation: each metric minus its value under {@code ideal}). The format:
 *
 * <pre>
 * name: chaney-repeated                 # default: the file name without .yaml
 * description: ...
 * scenario: chaney-world.yaml           # base scenario, relative to this file; or a mapping (inline scenario)
 * set:                                  # overrides of every arm (scenario paths, like --set)
 *   recommender.trainEvery: 1
 * arms:                                 # name: overrides; arms run in this order
 *   ideal:   {recommender.name: ideal}
 *   popular: {recommender.name: popular, recommender.params.signal: clicks}
 * baseline: ideal                       # optional: report every arm relative to this one
 * replicates: 20
 * seed: 1                               # replicate r of every arm runs with the same seed, derived from it
 * metrics: [homogenisation.nn, utility.per_click, gini.interactions]
 * options: {homogenisationPairs: 1000, mseUsers: 1000, nicheShare: 0.3}
 * </pre>
 *
 * @param scenarioFile  the base scenario file, or null when {@code scenarioText} is inline
 * @param scenarioText  the base scenario's YAML text
 * @param arms          arm name to its overrides ({@code path=value} strings), in order
 */
public record StudyDefinition(String name, String description, Path scenarioFile, String scenarioText,
                              List<String> set, Map<String, List<String>> arms, String baseline, int replicates,
                              long seed, List<String> metrics, Map<String, Double> options) {
    static final List<String> KEYS = List.of("name", "description", "scenario", "set", "arms", "baseline",
            "replicates", "seed", "metrics", "options");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public StudyDefinition {
        if (arms.isEmpty()) {
            throw new StudyException("a study needs at least one arm");
        }
        if (baseline != null && !arms.containsKey(baseline)) {
            throw new StudyException("baseline '" + baseline + "' is not an arm; arms: " + arms.keySet());
        }
        if (replicates < 1) {
            throw new StudyException("replicates must be at least 1");
        }
        for (String m : metrics) {
            StudyMetrics.check(m);
        }
    }

    /** A copy with another replicate count. */
    public StudyDefinition withReplicates(int n) {
        return new StudyDefinition(name, description, scenarioFile, scenarioText, set, arms, baseline, n, seed,
                metrics, options);
    }

    public double option(String key, double fallback) {
        Double v = options.get(key);
        return v == null ? fallback : v;
    }

    /** Reads a study file. */
    @SuppressWarnings("unchecked")
    public static StudyDefinition read(Path file) {
        Map<String, Object> root;
        try {
            Object o = YAML.readValue(Files.readString(file), Object.class);
            if (!(o instanceof Map)) {
                throw new StudyException(file + ": a study file must be a mapping of keys");
            }
            root = (Map<String, Object>) o;
        } catch (IOException e) {
            throw new StudyException(file + ": cannot read study file: " + e.getMessage());
        }
        for (String k : root.keySet()) {
            if (!KEYS.contains(k)) {
                throw new StudyException(file + ": unknown key '" + k + "'; allowed: " + String.join(", ", KEYS));
            }
        }
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = root.containsKey("name") ? String.valueOf(root.get("name")) : base;
        String description = root.containsKey("description") ? String.valueOf(root.get("description")) : "";
        Object sc = root.get("scenario");
        Path scenarioFile = null;
        String scenarioText;
        try {
            if (sc instanceof String s) {
                Path parent = file.toAbsolutePath().getParent();
                scenarioFile = parent.resolve(s).normalize();
                scenarioText = Files.readString(scenarioFile);
            } else if (sc instanceof Map) {
                scenarioText = YAML.writeValueAsString(sc);
            } else {
                throw new StudyException(file + ": 'scenario' must be a file name or a mapping");
            }
        } catch (IOException e) {
            throw new StudyException(file + ": cannot read scenario " + sc + ": " + e.getMessage());
        }
        List<String> set = overrides(root.get("set"), file, "set");
        Map<String, List<String>> arms = new LinkedHashMap<>();
        Object a = root.get("arms");
        if (a == null) {
            arms.put(name, List.of());
        } else if (a instanceof Map<?, ?> m) {
            m.forEach((k, v) -> arms.put(String.valueOf(k), overrides(v, file, "arms." + k)));
        } else {
            throw new StudyException(file + ": 'arms' must be a mapping of arm names to overrides");
        }
        String baseline = root.get("baseline") == null ? null : String.valueOf(root.get("baseline"));
        int replicates = root.get("replicates") == null ? 1 : ((Number) root.get("replicates")).intValue();
        long seed = root.get("seed") == null ? 1 : ((Number) root.get("seed")).longValue();
        List<String> metrics = new ArrayList<>();
        if (root.get("metrics") instanceof List<?> l) {
            l.forEach(x -> metrics.add(String.valueOf(x)));
        } else if (root.get("metrics") != null) {
            throw new StudyException(file + ": 'metrics' must be a list of metric names");
        } else {
            metrics.addAll(StudyMetrics.DEFAULTS);
        }
        Map<String, Double> options = new LinkedHashMap<>();
        if (root.get("options") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> options.put(String.valueOf(k), ((Number) v).doubleValue()));
        }
        return new StudyDefinition(name, description, scenarioFile, scenarioText, set, arms, baseline, replicates,
                seed, metrics, options);
    }

    private static List<String> overrides(Object o, Path file, String where) {
        List<String> out = new ArrayList<>();
        if (o == null) {
            return out;
        }
        if (!(o instanceof Map<?, ?> m)) {
            throw new StudyException(file + ": '" + where + "' must be a mapping of scenario paths to values");
        }
        m.forEach((k, v) -> out.add(k + "=" + flat(v)));
        return out;
    }

    private static String flat(Object v) {
        if (v instanceof Map || v instanceof List) {
            try {
                return YAML.writeValueAsString(v).replaceFirst("^---\\s*", "").trim().replace("\n", " ");
            } catch (IOException e) {
                throw new StudyException("cannot write value " + v);
            }
        }
        return String.valueOf(v);
    }
}
