package org.receco.scenarios.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.receco.analysis.metrics.MetricCatalog;
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
import org.receco.scenarios.sweep.Parameter.Distribution;
import org.receco.scenarios.sweep.Parameter.Grid;
import org.receco.scenarios.sweep.Parameter.Sampled;
import org.receco.scenarios.sweep.Parameter.Value;
import org.receco.scenarios.sweep.SweepDefinition.Fixed;
import org.receco.scenarios.sweep.SweepDefinition.SeedMode;

/**
 * Reads sweep files. The format:
 *
 * <pre>
 * name: recommenders                  # default: the file name without .yaml
 * scenario: ../news-ecosystem.yaml    # the base scenario, relative to this file
 * set:                                # fixed overrides of every run (like --set), optional
 *   rounds: 20
 * parameters:                         # dotted scenario paths; the first varies slowest
 *   recommender.name: [random, popular, content, bpr]      # grid: a list of values
 *   slate.coldStart: {from: 0, to: 20, step: 5}             # grid: a range (or {from, to, count})
 *   users.params.interestStep: {uniform: [0.05, 0.2]}       # sampled: uniform, logUniform, intUniform, choice
 * samples: 10                         # random draws of the sampled parameters (needed when there are any)
 * replicates: 5                       # runs per point (default 1)
 * seed: 2024                          # sweep seed (default 1)
 * seeds: per-point                    # per-point (default) or shared (replicate r has one seed at all points)
 * metrics: [gini.exposure.item]       # last-round metrics to summarise
 * curves: gini.exposure.item          # metric drawn over rounds (default: the first of metrics)
 * plot: {x: slate.coldStart}          # x axis of the charts (default: the first numeric grid parameter)
 * output: runs/sweeps/recommenders    # relative to the working directory (default runs/sweeps/NAME)
 * </pre>
 *
 * Everything wrong is reported at once as {@link Problem}s naming the sweep file, line and column.
 */
public final class SweepFile {
    public static final List<String> KEYS = List.of("name", "description", "scenario", "set", "parameters", "samples",
            "replicates", "seed", "seeds", "metrics", "curves", "plot", "output", "digest");
    static final List<String> DEFAULT_METRICS = List.of("gini.exposure.item", "homogenisation.click",
            "interest.shift");
    private static final Map<String, Distribution> DISTRIBUTIONS = Map.of("uniform", Distribution.UNIFORM,
            "logUniform", Distribution.LOG_UNIFORM, "intUniform", Distribution.INT_UNIFORM,
            "choice", Distribution.CHOICE);
    private static final int MAX_RANGE_VALUES = 100_000;

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    private SweepFile(String source) {
        this.source = source;
    }

    /**
     * Reads and checks {@code file}; {@code cliSets} are {@code --set path=value} overrides given on the command
     * line, applied after the file's {@code set:}. The scenario itself is checked by {@link SweepPlan}.
     *
     * @throws ScenarioException naming the file, line and column of each problem
     */
    public static SweepDefinition read(Path file, List<String> cliSets) {
        String text = YamlReader.readText(file, "sweep file");
        return new SweepFile(file.toString()).parse(file, text, cliSets);
    }

    private SweepDefinition parse(Path file, String text, List<String> cliSets) {
        MapNode top = YamlReader.readMapping(source, text, "sweep", String.join(", ", KEYS),
                "a sweep needs at least scenario: and parameters:");
        MapNode doc = top;
        for (Map.Entry<String, Node.Entry> e : top.entries().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                problems.add(new Problem(doc.keyOrigin(e.getKey()), e.getKey(), "unknown key",
                        String.join(", ", KEYS)));
            }
        }
        String fileName = file.getFileName().toString();
        String name = string(top, "name", fileName.replaceFirst("\\.ya?ml$", ""));
        string(top, "description", "");
        Path scenario = null;
        String scenarioText = string(top, "scenario", null);
        if (scenarioText == null) {
            problems.add(new Problem(doc.origin(), "scenario", "missing: the base scenario file", "a path, "
                    + "relative to the sweep file"));
        } else {
            Path dir = file.toAbsolutePath().getParent();
            scenario = dir.resolve(scenarioText).normalize();
            if (!Files.isRegularFile(scenario)) {
                problems.add(new Problem(top.get("scenario").origin(), "scenario", "no such scenario file "
                        + scenario, "a path relative to the sweep file"));
            }
        }
        List<Fixed> set = new ArrayList<>();
        Node setNode = top.get("set");
        if (!Node.isNothing(setNode)) {
            if (!(setNode instanceof MapNode setMap)) {
                problems.add(new Problem(setNode.origin(), "set", "expected a mapping of path: value", null));
            } else {
                setMap.entries().forEach((path, e) -> {
                    if (path.equals("seed")) {
                        // SweepPlan gives every run its derived seed last, so a seed here would be dropped unsaid
                        problems.add(new Problem(setMap.keyOrigin(path), "set.seed", "the run seed is derived from the "
                                + "sweep seed, the point and the replicate, so it cannot be set", "seed: N at the top of "
                                + "the sweep file; replicates: N for N seeds per point"));
                        return;
                    }
                    set.add(new Fixed(path + "=" + e.value().overrideText(), e.value().origin()));
                });
            }
        }
        for (String s : cliSets) {
            String cliPath = s.contains("=") ? s.substring(0, s.indexOf('=')).trim() : s.trim();
            if (cliPath.equals("seed")) {
                // as in the file's set: above, the derived per-run seed would replace it without a word
                problems.add(new Problem(Origin.override(s), "--set seed", "the run seed is derived from the sweep "
                        + "seed, the point and the replicate, so it cannot be set", "--seed N for the sweep seed; "
                        + "replicates: N for N seeds per point"));
                continue;
            }
            set.add(new Fixed(s, Origin.override(s)));
        }
        List<Parameter> parameters = parameters(top.get("parameters"));
        for (Fixed f : set) {
            // SweepPlan applies a point's swept values after the fixed ones, so a fixed value of a swept path
            // would never reach any run: refuse it rather than drop it unsaid
            String fixedPath = f.assignment().substring(0, Math.max(0, f.assignment().indexOf('='))).trim();
            if (parameters.stream().anyMatch(p -> p.path().equals(fixedPath))) {
                boolean cli = f.origin().assignment() != null;
                problems.add(new Problem(f.origin(), (cli ? "--set " : "set.") + fixedPath, "'" + fixedPath
                        + "' is also swept under parameters, whose values replace this one in every run",
                        "drop it here, or drop it from parameters"));
            }
        }
        boolean sampled = parameters.stream().anyMatch(p -> p instanceof Sampled);
        int samples = integer(top, "samples", sampled ? -1 : 1, 1, 1_000_000);
        if (sampled && samples < 0) {
            problems.add(new Problem(top.get("parameters").origin(), "samples", "missing: the number of random draws "
                    + "of the sampled parameters", "an integer >= 1"));
        }
        if (!sampled && top.entries().containsKey("samples")) {
            problems.add(new Problem(top.get("samples").origin(), "samples", "no parameter is sampled at random",
                    "drop it, or sample a parameter, e.g. {uniform: [0.1, 0.5]}"));
        }
        int replicates = integer(top, "replicates", 1, 1, 1_000_000);
        long seed = longValue(top, "seed", 1L);
        SeedMode seeds = SeedMode.PER_POINT;
        String seedsText = string(top, "seeds", "per-point");
        if (seedsText != null) {
            switch (seedsText) {
                case "per-point" -> seeds = SeedMode.PER_POINT;
                case "shared" -> seeds = SeedMode.SHARED;
                default -> problems.add(new Problem(top.get("seeds").origin(), "seeds", "unknown seed mode '"
                        + seedsText + "'", "per-point, shared"));
            }
        }
        List<String> metrics = stringList(top, "metrics", DEFAULT_METRICS);
        checkMetrics(top.get("metrics"), metrics);
        String curves = string(top, "curves", metrics.isEmpty() ? DEFAULT_METRICS.get(0) : metrics.get(0));
        if (top.entries().containsKey("curves") && curves != null) {
            checkMetric(top.get("curves"), "curves", curves);
        }
        String plotX = null;
        Node plotNode = top.get("plot");
        if (!Node.isNothing(plotNode)) {
            if (!(plotNode instanceof MapNode plot)) {
                problems.add(new Problem(plotNode.origin(), "plot", "expected a mapping", "x"));
            } else {
                for (Map.Entry<String, Node.Entry> e : plot.entries().entrySet()) {
                    if (!e.getKey().equals("x")) {
                        problems.add(new Problem(plot.keyOrigin(e.getKey()), "plot." + e.getKey(), "unknown key", "x"));
                    }
                }
                plotX = string(plot, "x", null);
                String x = plotX;
                if (plotX != null && parameters.stream().noneMatch(p -> p.path().equals(x))) {
                    problems.add(new Problem(plot.get("x").origin(), "plot.x", "'" + plotX
                            + "' is not a swept parameter", paths(parameters)));
                }
            }
        }
        if (plotX == null) {
            plotX = parameters.stream().filter(p -> p instanceof Grid g && g.values().stream()
                            .allMatch(v -> v.text().matches("-?[0-9.eE+-]+"))).map(Parameter::path).findFirst()
                    .orElse(parameters.stream().filter(p -> p instanceof Grid).map(Parameter::path).findFirst()
                            .orElse(parameters.isEmpty() ? null : parameters.get(0).path()));
        }
        Path output = Path.of(string(top, "output", "runs/sweeps/" + name));
        boolean digest = bool(top, "digest", false);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new SweepDefinition(name, file, scenario, set, parameters, sampled ? samples : 1, replicates, seed,
                seeds, metrics, curves, plotX, output, digest);
    }

    private static String paths(List<Parameter> parameters) {
        return String.join(", ", parameters.stream().map(Parameter::path).toList());
    }

    private List<Parameter> parameters(Node parametersNode) {
        List<Parameter> out = new ArrayList<>();
        if (Node.isNothing(parametersNode)) {
            return out;
        }
        if (!(parametersNode instanceof MapNode node)) {
            Node node = parametersNode;
            problems.add(new Problem(node.origin(), "parameters", "expected a mapping of scenario path to values",
                    "e.g. recommender.name: [random, popular]"));
            return out;
        }
        for (Map.Entry<String, Node.Entry> e : node.entries().entrySet()) {
            String path = e.getKey();
            Node v = e.getValue().value();
            String at = "parameters." + path;
            if (path.equals("seed")) {
                problems.add(new Problem(node.keyOrigin(path), at, "the run seed is derived from the sweep seed, the point and "
                        + "the replicate, so it cannot be swept", "replicates: N for N seeds per point"));
                continue;
            }
            if (path.isEmpty() || List.of(path.split("\\.", -1)).contains("")) {
                problems.add(new Problem(v.origin(), at, "expected a dotted scenario path", "e.g. slate.coldStart"));
                continue;
            }
            if (v instanceof ListNode list) {
                List<Value> values = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (Node item : list.items()) {
                    if (!seen.add(item.overrideText())) {
                        problems.add(new Problem(item.origin(), at, "value " + item.label() + " is listed twice", null));
                    }
                    values.add(new Value(item.overrideText(), item.label(), item.origin()));
                }
                if (values.isEmpty()) {
                    problems.add(new Problem(v.origin(), at, "an empty list of values", "at least one value"));
                    continue;
                }
                out.add(new Grid(path, v.origin(), values));
            } else if (v instanceof MapNode m && (m.entries().containsKey("from") || m.entries().containsKey("to"))) {
                Grid g = range(path, m);
                if (g != null) {
                    out.add(g);
                }
            } else if (v instanceof MapNode m && m.entries().size() == 1
                    && DISTRIBUTIONS.containsKey(m.entries().keySet().iterator().next())) {
                Sampled s = sampled(path, m);
                if (s != null) {
                    out.add(s);
                }
            } else {
                problems.add(new Problem(v.origin(), at, "expected a list of values, a range or a random distribution",
                        "[a, b, c]; {from: 0, to: 20, step: 5}; {from: 0, to: 1, count: 5}; {uniform: [min, max]}, "
                                + "{logUniform: [min, max]}, {intUniform: [min, max]}, {choice: [a, b]}; "
                                + "use set: for a fixed value"));
            }
        }
        return out;
    }

    private Grid range(String path, MapNode v) {
        String at = "parameters." + path;
        MapNode m = v;
        for (Map.Entry<String, Node.Entry> e : m.entries().entrySet()) {
            if (!List.of("from", "to", "step", "count").contains(e.getKey())) {
                problems.add(new Problem(v.keyOrigin(e.getKey()), at + "." + e.getKey(), "unknown key of a range",
                        "from, to, step or count"));
                return null;
            }
        }
        Double from = number(m.get("from"), at + ".from");
        Double to = number(m.get("to"), at + ".to");
        if (from == null || to == null) {
            if (m.get("from") == null || m.get("to") == null) {
                problems.add(new Problem(v.origin(), at, "a range needs from and to", "{from: 0, to: 20, step: 5}"));
            }
            return null;
        }
        boolean hasStep = m.entries().containsKey("step");
        if (hasStep == m.entries().containsKey("count")) {
            problems.add(new Problem(v.origin(), at, "a range needs exactly one of step and count",
                    "{from: 0, to: 20, step: 5} or {from: 0, to: 1, count: 5}"));
            return null;
        }
        List<Value> values = new ArrayList<>();
        if (hasStep) {
            Double step = number(m.get("step"), at + ".step");
            if (step == null) {
                return null;
            }
            if (step <= 0 || (to - from) / step > MAX_RANGE_VALUES) {
                problems.add(new Problem(m.get("step").origin(), at + ".step", "step must be positive and give at most "
                        + MAX_RANGE_VALUES + " values", null));
                return null;
            }
            boolean ints = isInt(m.get("from")) && isInt(m.get("to")) && isInt(m.get("step"));
            for (long k = 0; from + k * step <= to + 1e-9 * Math.max(1, Math.abs(step)); k++) {
                values.add(number(from + k * step, ints, m.get("from").origin()));
            }
        } else {
            Node c = m.get("count");
            if (!isInt(c) || intValue(c) < 2 || intValue(c) > MAX_RANGE_VALUES) {
                problems.add(new Problem(c.origin(), at + ".count", "count must be an integer from 2 to "
                        + MAX_RANGE_VALUES, null));
                return null;
            }
            int n = (int) intValue(c);
            for (int k = 0; k < n; k++) {
                values.add(number(from + (to - from) * k / (n - 1), false, m.get("from").origin()));
            }
        }
        if (values.isEmpty()) {
            problems.add(new Problem(v.origin(), at, "the range is empty (to < from)", null));
            return null;
        }
        return new Grid(path, v.origin(), values);
    }

    private Sampled sampled(String path, MapNode v) {
        String at = "parameters." + path;
        Map.Entry<String, Node.Entry> e = v.entries().entrySet().iterator().next();
        Distribution d = DISTRIBUTIONS.get(e.getKey());
        Node argsNode = e.getValue().value();
        if (!(argsNode instanceof ListNode args) || args.items().isEmpty()) {
            Node args = argsNode;
            problems.add(new Problem(args.origin(), at + "." + e.getKey(), "expected a list", d == Distribution.CHOICE
                    ? "[a, b, ...]" : "[min, max]"));
            return null;
        }
        if (d == Distribution.CHOICE) {
            List<Value> choices = args.items().stream().map(y -> new Value(y.overrideText(), y.label(), y.origin()))
                    .toList();
            return new Sampled(path, v.origin(), d, 0, 0, choices);
        }
        if (args.items().size() != 2) {
            problems.add(new Problem(args.origin(), at + "." + e.getKey(), "expected [min, max]", null));
            return null;
        }
        Double min = number(args.items().get(0), at + "." + e.getKey() + ".0");
        Double max = number(args.items().get(1), at + "." + e.getKey() + ".1");
        if (min == null || max == null) {
            return null;
        }
        if (max < min || (d != Distribution.INT_UNIFORM && max == min)) {
            problems.add(new Problem(args.origin(), at + "." + e.getKey(), "max must exceed min", null));
            return null;
        }
        if (d == Distribution.LOG_UNIFORM && min <= 0) {
            problems.add(new Problem(args.origin(), at + "." + e.getKey(), "logUniform needs min > 0", null));
            return null;
        }
        if (d == Distribution.INT_UNIFORM && !(isInt(args.items().get(0)) && isInt(args.items().get(1)))) {
            problems.add(new Problem(args.origin(), at + "." + e.getKey(), "intUniform needs integer bounds", null));
            return null;
        }
        return new Sampled(path, v.origin(), d, min, max, List.of());
    }

    /** A number as a parameter value: integers plainly, doubles to 12 significant digits. */
    static Value number(double x, boolean integer, Origin origin) {
        String text = integer ? Long.toString(Math.round(x)) : decimal(x, 12);
        return new Value(text, text, origin);
    }

    /** {@code x} rounded to {@code digits} significant digits, plainly written with a decimal point. */
    static String decimal(double x, int digits) {
        if (x == 0) {
            return "0.0";
        }
        String s = new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    private static boolean isInt(Node y) {
        return Scalars.isInteger(y);
    }

    private static long intValue(Node y) {
        return ((Number) ((ScalarNode) y).value()).longValue();
    }

    private Double number(Node y, String at) {
        return Scalars.number(y, at, problems);
    }

    private String string(MapNode m, String key, String fallback) {
        return Scalars.text(m, key, fallback, problems);
    }

    private boolean bool(MapNode m, String key, boolean fallback) {
        Node y = m.get(key);
        if (Node.isNothing(y)) {
            return fallback;
        }
        if (!(y instanceof ScalarNode s && s.value() instanceof Boolean b)) {
            problems.add(new Problem(y.origin(), key, "expected true or false, got " + y.describe(), "true, false"));
            return fallback;
        }
        return b;
    }

    private int integer(MapNode m, String key, int fallback, int min, int max) {
        Node y = m.get(key);
        if (Node.isNothing(y)) {
            return fallback;
        }
        if (!isInt(y) || intValue(y) < min || intValue(y) > max) {
            problems.add(new Problem(y.origin(), key, "expected an integer from " + min + " to " + max + ", got "
                    + y.describe(), null));
            return fallback;
        }
        return (int) intValue(y);
    }

    private long longValue(MapNode m, String key, long fallback) {
        Node y = m.get(key);
        if (Node.isNothing(y)) {
            return fallback;
        }
        if (!(y instanceof ScalarNode s && (s.value() instanceof Integer || s.value() instanceof Long))) {
            problems.add(new Problem(y.origin(), key, "expected an integer, got " + y.describe(), null));
            return fallback;
        }
        return ((Number) s.value()).longValue();
    }

    /**
     * Every summarised metric must be in the catalogue and computable by a single run: a typo would otherwise
     * run every point and summarise nothing.
     */
    private void checkMetrics(Node listNode, List<String> metrics) {
        if (!(listNode instanceof ListNode list)) {
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            if (list.items().get(i) instanceof ScalarNode s && !s.isNull()) {
                checkMetric(s, "metrics." + i, s.text());
            }
        }
    }

    private void checkMetric(Node at, String path, String name) {
        var known = MetricCatalog.registry().names();
        if (!known.contains(name)) {
            problems.add(new Problem(at.origin(), path, "unknown metric '" + name + "'"
                    + Suggest.didYouMean(name, known), String.join(", ", known)));
        } else if (MetricCatalog.get(name).needsBaseline()) {
            problems.add(new Problem(at.origin(), path, "metric '" + name + "' is measured against a study's "
                    + "baseline arm, so a sweep's single runs cannot compute it; use a study", null));
        }
    }

    private List<String> stringList(MapNode m, String key, List<String> fallback) {
        Node y = m.get(key);
        if (Node.isNothing(y)) {
            return fallback;
        }
        if (!(y instanceof ListNode list) || list.items().stream().anyMatch(i -> !(i instanceof ScalarNode s)
                || s.isNull())) {
            problems.add(new Problem(y.origin(), key, "expected a list of names", "e.g. [gini.exposure.item]"));
            return fallback;
        }
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Node i : list.items()) {
            String name = ((ScalarNode) i).text();
            if (names.put(name, true) != null) {
                problems.add(new Problem(i.origin(), key, "'" + name + "' is listed twice", null));
            }
        }
        if (names.isEmpty()) {
            problems.add(new Problem(y.origin(), key, "an empty list", "at least one metric name"));
        }
        return List.copyOf(names.keySet());
    }
}
