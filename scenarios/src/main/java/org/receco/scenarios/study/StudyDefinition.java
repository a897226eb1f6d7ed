package org.receco.scenarios.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.receco.scenarios.Node;
import org.receco.scenarios.Node.ListNode;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;
import org.receco.scenarios.Origin;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.Scalars;
import org.receco.scenarios.Suggest;
import org.receco.scenarios.YamlReader;

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
 * @param scenarioText  the text the base scenario is read from: the scenario file's, or for an inline scenario
 *                      the study file's (what a run manifest records and hashes)
 * @param inline        the mapping written under {@code scenario:}, as read with the study file (so its problems
 *                      name the study file's lines, see {@link #scenarioSource}); null for a scenario file
 * @param set           overrides of every arm, before the arm's own, with where each was written
 * @param arms          arm name to its overrides, in order, with where each was written
 */
public record StudyDefinition(String name, String description, Path file, Path scenarioFile, String scenarioText,
                              MapNode inline, List<Setting> set, Map<String, List<Setting>> arms, String baseline, int replicates,
                              long seed, List<String> metrics, Map<String, Double> options) {
    /** The most replicates a study may ask for (as a sweep). */
    static final int MAX_REPLICATES = 1_000_000;
    public static final List<String> KEYS = List.of("name", "description", "scenario", "set", "arms", "baseline",
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
        return new StudyDefinition(name, description, file, scenarioFile, scenarioText, inline, set, arms, baseline,
                n, seed, metrics, options);
    }

    /** A copy with another root seed (as {@code --seed} gives): replicate seeds derive from it. */
    public StudyDefinition withSeed(long newSeed) {
        return new StudyDefinition(name, description, file, scenarioFile, scenarioText, inline, set, arms, baseline,
                replicates, newSeed, metrics, options);
    }

    /** A copy with {@code assignments} typed on the command line ({@code --set}) after the file's {@code set:}. */
    public StudyDefinition withSet(List<String> assignments) {
        List<Setting> all = new ArrayList<>(set);
        for (String a : assignments) {
            all.add(new Setting(a, Origin.override(a)));
        }
        return new StudyDefinition(name, description, file, scenarioFile, scenarioText, inline, all, arms,
                baseline, replicates, seed, metrics, options);
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
        return new Reader(file).parse(YamlReader.readText(file, "study file"));
    }

    /** Reads one study file, collecting every problem. */
    private static final class Reader {
        private final Path file;
        private final List<Problem> problems = new ArrayList<>();

        Reader(Path file) {
            this.file = file;
        }

        StudyDefinition parse(String text) {
            MapNode top = YamlReader.readMapping(file.toString(), text, "study", String.join(", ", KEYS),
                    "a study needs at least scenario:");
            MapNode doc = top;
            for (String key : top.entries().keySet()) {
                if (!KEYS.contains(key)) {
                    problems.add(new Problem(doc.keyOrigin(key), key, "unknown key", String.join(", ", KEYS)));
                }
            }
            String name = string(top, "name", file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
            String description = string(top, "description", "");
            Path scenarioFile = null;
            String scenarioText = null;
            MapNode inline = null;
            Node scenario = top.get("scenario");
            if (Node.isNothing(scenario)) {
                problems.add(new Problem(scenario == null ? doc.origin() : scenario.origin(), "scenario",
                        "missing: the base scenario", "a file name, relative to the study file, or a mapping "
                                + "(an inline scenario)"));
            } else if (scenario instanceof MapNode m) {
                inline = m;
                scenarioText = text;
            } else if (scenario instanceof ScalarNode s) {
                scenarioFile = file.toAbsolutePath().getParent().resolve(s.text()).normalize();
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
            return new StudyDefinition(name, description, file, scenarioFile, scenarioText, inline, set, arms,
                    baseline, replicates, seed, metrics, options);
        }

        private String scenarioText(Path scenarioFile, Origin at) {
            if (!java.nio.file.Files.exists(scenarioFile)) {
                problems.add(new Problem(at, "scenario", "no such scenario file " + scenarioFile,
                        "a file name, relative to the study file, or a mapping (an inline scenario)"));
                return null;
            }
            try {
                return YamlReader.readText(scenarioFile, "scenario file");
            } catch (ScenarioException e) {
                problems.add(new Problem(at, "scenario", "cannot read the scenario file " + scenarioFile + ": "
                        + e.problems().get(0).message(), null));
                return null;
            }
        }

        private Map<String, List<Setting>> arms(Node node, String name) {
            Map<String, List<Setting>> arms = new LinkedHashMap<>();
            if (Node.isNothing(node)) {
                arms.put(name, List.of());
                return arms;
            }
            if (!(node instanceof MapNode map)) {
                problems.add(new Problem(node.origin(), "arms", "expected a mapping of arm names to overrides, got "
                        + node.describe(), "e.g. popular: {recommender.name: popular}"));
                return arms;
            }
            if (map.entries().isEmpty()) {
                problems.add(new Problem(node.origin(), "arms", "a study needs at least one arm",
                        "e.g. popular: {recommender.name: popular}"));
            }
            map.entries().forEach((arm, e) -> arms.put(arm, settings(e.value(), "arms." + arm)));
            return arms;
        }

        /** A mapping of scenario path to value as {@code path=value} overrides; nothing (an empty key) is none. */
        private List<Setting> settings(Node node, String at) {
            List<Setting> out = new ArrayList<>();
            if (Node.isNothing(node)) {
                return out;
            }
            if (!(node instanceof MapNode map)) {
                problems.add(new Problem(node.origin(), at, "expected a mapping of scenario path: value, got "
                        + node.describe(), "e.g. {recommender.name: popular, slate.coldStart: 5}"));
                return out;
            }
            map.entries().forEach((path, e) -> {
                if (path.equals("seed")) {
                    // StudyRunner gives every run its replicate's seed last, so a seed here would be dropped unsaid
                    problems.add(new Problem(map.keyOrigin(path), at + ".seed", "the run seed is derived from the "
                            + "study seed and the replicate, so it cannot be set here", "seed: N at the top of the study file"));
                    return;
                }
                out.add(new Setting(path + "=" + e.value().overrideText(), e.value().origin()));
            });
            return out;
        }

        private int replicates(Node y) {
            if (Node.isNothing(y)) {
                return 1;
            }
            if (!(y instanceof ScalarNode s && s.value() instanceof Integer n) || n < 1 || n > MAX_REPLICATES) {
                problems.add(new Problem(y.origin(), "replicates", "expected an integer from 1 to " + MAX_REPLICATES
                        + ", got " + y.describe(), null));
                return 1;
            }
            return n;
        }

        private long seed(Node y) {
            if (Node.isNothing(y)) {
                return 1;
            }
            if (!(y instanceof ScalarNode s && (s.value() instanceof Integer || s.value() instanceof Long))) {
                problems.add(new Problem(y.origin(), "seed", "expected an integer, got " + y.describe(), null));
                return 1;
            }
            return ((Number) s.value()).longValue();
        }

        private List<String> metrics(Node y) {
            if (Node.isNothing(y)) {
                return StudyMetrics.DEFAULTS;
            }
            String known = String.join(", ", StudyMetrics.known());
            if (!(y instanceof ListNode list)) {
                problems.add(new Problem(y.origin(), "metrics", "expected a list of metric names, got "
                        + y.describe(), known));
                return List.of();
            }
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                String at = "metrics." + i;
                if (!(item instanceof ScalarNode s) || s.isNull()) {
                    problems.add(new Problem(item.origin(), at, "expected a metric name, got "
                            + item.describe(), known));
                } else if (!StudyMetrics.known().contains(s.text())) {
                    problems.add(new Problem(item.origin(), at, "unknown study metric '" + s.text() + "'"
                            + Suggest.didYouMean(s.text(), StudyMetrics.known()), known));
                } else if (!names.add(s.text())) {
                    problems.add(new Problem(item.origin(), at, "'" + s.text() + "' is listed twice",
                            null));
                }
            }
            return List.copyOf(names);
        }

        private Map<String, Double> options(Node y) {
            Map<String, Double> options = new LinkedHashMap<>();
            if (Node.isNothing(y)) {
                return options;
            }
            if (!(y instanceof MapNode map)) {
                problems.add(new Problem(y.origin(), "options", "expected a mapping of option name: number, got "
                        + y.describe(), String.join(", ", StudyMetrics.OPTIONS)));
                return options;
            }
            map.entries().forEach((key, e) -> {
                if (!StudyMetrics.OPTIONS.contains(key)) {
                    problems.add(new Problem(e.keyOrigin(), "options." + key, "unknown option",
                            String.join(", ", StudyMetrics.OPTIONS)));
                } else {
                    Double n = Scalars.number(e.value(), "options." + key, problems);
                    String wrong = n == null ? null : outOfRange(key, n);
                    if (wrong != null) {
                        problems.add(new Problem(e.value().origin(), "options." + key, wrong, null));
                    } else if (n != null) {
                        options.put(key, n);
                    }
                }
            });
            return options;
        }

        /**
         * Why {@code value} does not fit option {@code key}, or null: an option is the scenario's {@code metrics.*}
         * key of the same name, so its type and {@link org.receco.core.config.Range} are read from there.
         */
        private static String outOfRange(String key, double value) {
            for (java.lang.reflect.RecordComponent rc : org.receco.scenarios.model.MetricsSpec.class
                    .getRecordComponents()) {
                if (!rc.getName().equals(key)) {
                    continue;
                }
                boolean integer = rc.getType() == int.class || rc.getType() == long.class;
                org.receco.core.config.Range r = rc.getAnnotation(org.receco.core.config.Range.class);
                String allowed = (integer ? "an integer" : "a number") + (r == null ? "" : " from "
                        + (integer ? Long.toString((long) r.min()) : Double.toString(r.min())) + " to "
                        + (integer ? Long.toString((long) r.max()) : Double.toString(r.max())));
                if ((integer && value != Math.rint(value)) || (r != null && (value < r.min() || value > r.max()))) {
                    return "expected " + allowed + " (as metrics." + key + " in a scenario), got " + value;
                }
            }
            return null;
        }

        private String string(MapNode m, String key, String fallback) {
            return Scalars.text(m, key, fallback, problems);
        }
    }
}
