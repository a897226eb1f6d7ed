package org.receco.scenarios.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.receco.scenarios.LocatedYaml;
import org.receco.scenarios.Origin;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioException;

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
 * arms:                                 # name: overrides; arms run in this order (default: one arm, NAME)
 *   ideal:   {recommender.name: ideal}
 *   popular: {recommender.name: popular, recommender.params.signal: clicks}
 * baseline: ideal                       # optional: report every arm relative to this one
 * replicates: 20                        # default 1
 * seed: 1                               # replicate r of every arm runs with the same seed, derived from it
 * metrics: [homogenisation.nn, utility.per_click, gini.interactions]
 * options: {homogenisationPairs: 1000, mseUsers: 1000, nicheShare: 0.3}
 * </pre>
 *
 * {@link #read} reports everything wrong with the file at once, each problem at its line and column; the
 * scenario and the overrides are checked by {@link StudyRunner#load}, which reports an override's problem
 * where the override was written.
 *
 * @param file          the study file as given
 * @param scenarioFile  the base scenario file, or null when the scenario is inline
 * @param scenarioText  the base scenario's YAML text. An inline scenario is the study file's own text with
 *                      everything before the scenario mapping blanked out (spaces, newlines kept) and everything
 *                      from the next top-level key on cut off, so it parses to the mapping written under
 *                      {@code scenario:} while each value keeps its line and column in the study file (problems
 *                      in it name the study file, see {@link #scenarioSource})
 * @param set           overrides of every arm, before the arm's own, with where each was written
 * @param arms          arm name to its overrides, in order, with where each was written
 */
public record StudyDefinition(String name, String description, Path file, Path scenarioFile, String scenarioText,
                              List<Setting> set, Map<String, List<Setting>> arms, String baseline, int replicates,
                              long seed, List<String> metrics, Map<String, Double> options) {
    static final List<String> KEYS = List.of("name", "description", "scenario", "set", "arms", "baseline",
            "replicates", "seed", "metrics", "options");

    /**
     * One {@code path=value} override and where it was written: a line of the study file, or
     * {@link Origin#override} for one typed on the command line.
     */
    public record Setting(String assignment, Origin origin) {
    }

    /** Checks what {@link #read} reports with its place, for definitions built in code. */
    public StudyDefinition {
        set = List.copyOf(set);
        Map<String, List<Setting>> copy = new LinkedHashMap<>();
        arms.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        arms = Collections.unmodifiableMap(copy);
        metrics = List.copyOf(metrics);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one arm");
        }
        if (baseline != null && !arms.containsKey(baseline)) {
            throw new IllegalArgumentException("baseline '" + baseline + "' is not an arm; arms: " + arms.keySet());
        }
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be at least 1");
        }
        for (String m : metrics) {
            if (!StudyMetrics.known().contains(m)) {
                throw new IllegalArgumentException("unknown study metric '" + m + "'; known: "
                        + String.join(", ", StudyMetrics.known()));
            }
        }
    }

    /** A copy with another replicate count. */
    public StudyDefinition withReplicates(int n) {
        return new StudyDefinition(name, description, file, scenarioFile, scenarioText, set, arms, baseline, n, seed,
                metrics, options);
    }

    /** A copy with {@code assignments} typed on the command line ({@code --set}) after the file's {@code set:}. */
    public StudyDefinition withSet(List<String> assignments) {
        List<Setting> all = new ArrayList<>(set);
        for (String a : assignments) {
            all.add(new Setting(a, Origin.override(a)));
        }
        return new StudyDefinition(name, description, file, scenarioFile, scenarioText, all, arms, baseline,
                replicates, seed, metrics, options);
    }

    /** Every override of {@code arm}: the study's {@code set:}, then the arm's own. */
    public List<Setting> overrides(String arm) {
        List<Setting> all = new ArrayList<>(set);
        all.addAll(arms.get(arm));
        return all;
    }

    /** The name problems in the scenario text are reported under: the scenario file, or the study file. */
    public String scenarioSource() {
        return (scenarioFile == null ? file : scenarioFile).toString();
    }

    public double option(String key, double fallback) {
        Double v = options.get(key);
        return v == null ? fallback : v;
    }

    /**
     * Reads and checks a study file (everything but the scenario and the overrides' values, which
     * {@link StudyRunner#load} checks).
     *
     * @throws ScenarioException naming the file, line and column of each problem
     */
    public static StudyDefinition read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new Problem(Origin.of(file.toString()), "", "no such study file", null));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(Origin.of(file.toString()), "", "cannot read the study file: "
                    + e.getMessage(), null));
        }
        return new Reader(file).parse(text);
    }

    /** Reads one study file, collecting every problem. */
    private static final class Reader {
        private final Path file;
        private final List<Problem> problems = new ArrayList<>();

        Reader(Path file) {
            this.file = file;
        }

        StudyDefinition parse(String text) {
            LocatedYaml doc = LocatedYaml.read(file.toString(), text);
            if (!doc.isMap()) {
                throw new ScenarioException(new Problem(doc.origin(), "", "a study file must be a mapping of keys",
                        String.join(", ", KEYS)));
            }
            Map<String, LocatedYaml> top = doc.map();
            for (String key : top.keySet()) {
                if (!KEYS.contains(key)) {
                    problems.add(new Problem(doc.keyOrigin(key), key, "unknown key", String.join(", ", KEYS)));
                }
            }
            String name = string(top, "name", file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
            String description = string(top, "description", "");
            Path scenarioFile = null;
            String scenarioText = null;
            LocatedYaml scenario = top.get("scenario");
            if (scenario == null || scenario.value() == null) {
                problems.add(new Problem(scenario == null ? doc.origin() : scenario.origin(), "scenario",
                        "missing: the base scenario", "a file name, relative to the study file, or a mapping "
                                + "(an inline scenario)"));
            } else if (scenario.isMap()) {
                scenarioText = inline(text, doc, scenario);
            } else if (scenario.isScalar()) {
                scenarioFile = file.toAbsolutePath().getParent().resolve(scenario.text()).normalize();
                scenarioText = scenarioText(scenarioFile, scenario.origin());
            } else {
                problems.add(new Problem(scenario.origin(), "scenario", "expected a file name or a mapping, got "
                        + scenario.describe(), "a file name, relative to the study file, or a mapping (an inline "
                        + "scenario)"));
            }
            List<Setting> set = settings(top.get("set"), "set");
            Map<String, List<Setting>> arms = arms(top.get("arms"), name);
            String baseline = string(top, "baseline", null);
            if (baseline != null && !arms.isEmpty() && !arms.containsKey(baseline)) {
                problems.add(new Problem(top.get("baseline").origin(), "baseline", "'" + baseline
                        + "' is not an arm", String.join(", ", arms.keySet())));
            }
            int replicates = replicates(top.get("replicates"));
            long seed = seed(top.get("seed"));
            List<String> metrics = metrics(top.get("metrics"));
            Map<String, Double> options = options(top.get("options"));
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingInt((Problem p) -> p.origin().line())
                        .thenComparingInt(p -> p.origin().column()));
                throw new ScenarioException(problems);
            }
            return new StudyDefinition(name, description, file, scenarioFile, scenarioText, set, arms, baseline,
                    replicates, seed, metrics, options);
        }

        private String scenarioText(Path scenarioFile, Origin at) {
            try {
                return Files.readString(scenarioFile, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                problems.add(new Problem(at, "scenario", "no such scenario file " + scenarioFile,
                        "a file name, relative to the study file, or a mapping (an inline scenario)"));
            } catch (IOException e) {
                problems.add(new Problem(at, "scenario", "cannot read the scenario file " + scenarioFile + ": "
                        + e.getMessage(), null));
            }
            return null;
        }

        /**
         * The inline scenario as text that keeps its lines and columns (see {@link StudyDefinition}): the
         * study file blanked up to where the mapping starts and cut at the line of the next top-level key.
         * Checked by reading it back: a layout this cannot cut out (another top-level key on the scenario's
         * lines, say) is a problem rather than a different scenario.
         */
        private String inline(String text, LocatedYaml doc, LocatedYaml scenario) {
            int start = offset(text, scenario.origin().line(), scenario.origin().column());
            int end = text.length();
            List<String> keys = List.copyOf(doc.keys().keySet());
            int next = keys.indexOf("scenario") + 1;
            if (next < keys.size()) {
                end = offset(text, doc.keyOrigin(keys.get(next)).line(), 1);
            }
            String cut = null;
            if (start < end) {
                StringBuilder sb = new StringBuilder(end);
                text.substring(0, start).codePoints().forEach(c -> sb.append(c == '\n' || c == '\r' ? (char) c : ' '));
                cut = sb.append(text, start, end).toString();
            }
            try {
                if (cut != null && LocatedYaml.read(file.toString(), cut).plain().equals(scenario.plain())) {
                    return cut;
                }
            } catch (ScenarioException e) {
                // reported below
            }
            problems.add(new Problem(scenario.origin(), "scenario", "the inline scenario cannot be cut out of the "
                    + "study file", "a mapping under scenario: whose lines hold no other top-level key, or a file "
                    + "name"));
            return null;
        }

        /** The index in {@code text} of 1-based {@code line} and {@code column} (columns count code points). */
        private static int offset(String text, int line, int column) {
            int at = 0;
            for (int l = 1; l < line && at >= 0; l++) {
                at = text.indexOf('\n', at);
                at = at < 0 ? -1 : at + 1;
            }
            if (at < 0) {
                return text.length();
            }
            int lineEnd = text.indexOf('\n', at);
            int limit = lineEnd < 0 ? text.length() : lineEnd;
            int cps = text.codePointCount(at, limit);
            return text.offsetByCodePoints(at, Math.min(column - 1, cps));
        }

        private Map<String, List<Setting>> arms(LocatedYaml node, String name) {
            Map<String, List<Setting>> arms = new LinkedHashMap<>();
            if (node == null || node.value() == null) {
                arms.put(name, List.of());
                return arms;
            }
            if (!node.isMap()) {
                problems.add(new Problem(node.origin(), "arms", "expected a mapping of arm names to overrides, got "
                        + node.describe(), "e.g. popular: {recommender.name: popular}"));
                return arms;
            }
            if (node.map().isEmpty()) {
                problems.add(new Problem(node.origin(), "arms", "a study needs at least one arm",
                        "e.g. popular: {recommender.name: popular}"));
            }
            node.map().forEach((arm, overrides) -> arms.put(arm, settings(overrides, "arms." + arm)));
            return arms;
        }

        /** A mapping of scenario path to value as {@code path=value} overrides; nothing (an empty key) is none. */
        private List<Setting> settings(LocatedYaml node, String at) {
            List<Setting> out = new ArrayList<>();
            if (node == null || node.value() == null) {
                return out;
            }
            if (!node.isMap()) {
                problems.add(new Problem(node.origin(), at, "expected a mapping of scenario path: value, got "
                        + node.describe(), "e.g. {recommender.name: popular, slate.coldStart: 5}"));
                return out;
            }
            node.map().forEach((path, v) -> out.add(new Setting(path + "=" + v.overrideText(), v.origin())));
            return out;
        }

        private int replicates(LocatedYaml y) {
            if (y == null || y.value() == null) {
                return 1;
            }
            if (!(y.value() instanceof Integer n) || n < 1) {
                problems.add(new Problem(y.origin(), "replicates", "expected an integer >= 1, got " + y.describe(),
                        null));
                return 1;
            }
            return n;
        }

        private long seed(LocatedYaml y) {
            if (y == null || y.value() == null) {
                return 1;
            }
            if (!(y.value() instanceof Integer || y.value() instanceof Long)) {
                problems.add(new Problem(y.origin(), "seed", "expected an integer, got " + y.describe(), null));
                return 1;
            }
            return ((Number) y.value()).longValue();
        }

        private List<String> metrics(LocatedYaml y) {
            if (y == null || y.value() == null) {
                return StudyMetrics.DEFAULTS;
            }
            String known = String.join(", ", StudyMetrics.known());
            if (!y.isList()) {
                problems.add(new Problem(y.origin(), "metrics", "expected a list of metric names, got "
                        + y.describe(), known));
                return List.of();
            }
            Set<String> names = new LinkedHashSet<>();
            for (LocatedYaml item : y.list()) {
                if (!item.isScalar() || item.value() == null) {
                    problems.add(new Problem(item.origin(), "metrics", "expected a metric name, got "
                            + item.describe(), known));
                } else if (!StudyMetrics.known().contains(item.text())) {
                    problems.add(new Problem(item.origin(), "metrics", "unknown study metric '" + item.text() + "'",
                            known));
                } else if (!names.add(item.text())) {
                    problems.add(new Problem(item.origin(), "metrics", "'" + item.text() + "' is listed twice",
                            null));
                }
            }
            return List.copyOf(names);
        }

        private Map<String, Double> options(LocatedYaml y) {
            Map<String, Double> options = new LinkedHashMap<>();
            if (y == null || y.value() == null) {
                return options;
            }
            if (!y.isMap()) {
                problems.add(new Problem(y.origin(), "options", "expected a mapping of option name: number, got "
                        + y.describe(), String.join(", ", StudyMetrics.OPTIONS)));
                return options;
            }
            y.map().forEach((key, v) -> {
                if (!StudyMetrics.OPTIONS.contains(key)) {
                    problems.add(new Problem(y.keyOrigin(key), "options." + key, "unknown option",
                            String.join(", ", StudyMetrics.OPTIONS)));
                } else if (!(v.value() instanceof Number n)) {
                    problems.add(new Problem(v.origin(), "options." + key, "expected a number, got " + v.describe(),
                            null));
                } else {
                    options.put(key, n.doubleValue());
                }
            });
            return options;
        }

        private String string(Map<String, LocatedYaml> m, String key, String fallback) {
            return LocatedYaml.scalarText(m, key, fallback, problems);
        }
    }
}
