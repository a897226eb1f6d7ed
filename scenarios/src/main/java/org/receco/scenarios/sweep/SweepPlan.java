package org.receco.scenarios.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.Origin;
import org.receco.scenarios.OverrideProblems;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.MemoryEstimate;
import org.receco.scenarios.sweep.Parameter.Grid;
import org.receco.scenarios.sweep.Parameter.Sampled;
import org.receco.scenarios.sweep.Parameter.Value;
import org.receco.scenarios.sweep.SweepDefinition.Fixed;

/**
 * A sweep expanded into points and runs, every point checked by loading the scenario with its overrides.
 * Points are the cartesian product of the grid parameters (the first varying slowest) crossed with the
 * random samples; runs are the points × replicates in that order. A run's seed is a hash of the sweep seed,
 * the point's assignment (its values, not its index) and the replicate, so it does not depend on the
 * order, the thread count or the shard that runs it. Immutable and thread-safe.
 */
public final class SweepPlan {
    private final SweepDefinition definition;
    private final ScenarioLoader loader;
    private final List<Point> points;
    private final List<PlannedRun> runs;
    private final int pointIdWidth;

    /** One value of one parameter at a point. */
    public record Assignment(String path, String text, String label, Origin origin) {
        String override() {
            return path + "=" + text;
        }
    }

    /** One point of the sweep: its index and its parameter values. */
    public record Point(int index, List<Assignment> assignments) {
        /** The point's values as {@code path=value} overrides, in parameter order. */
        public List<String> overrides() {
            return assignments.stream().map(Assignment::override).toList();
        }

        /** A label such as {@code recommender.name=bpr, users.count=100}. */
        public String label() {
            if (assignments.isEmpty()) {
                return "base";
            }
            return String.join(", ", assignments.stream().map(a -> a.path() + "=" + a.label()).toList());
        }

        /** The label of one parameter's value at this point. */
        public String value(String path) {
            return assignments.stream().filter(a -> a.path().equals(path)).map(Assignment::label).findFirst()
                    .orElse(null);
        }
    }

    /**
     * One run: point, replicate, derived seed and its directory name inside {@code <output>/runs}. Its position
     * in {@link #runs()} decides its shard.
     */
    public record PlannedRun(int ordinal, Point point, int replicate, long seed, String dirName) {
    }

    private SweepPlan(SweepDefinition definition, ScenarioLoader loader, List<Point> points, List<PlannedRun> runs,
            int pointIdWidth) {
        this.pointIdWidth = pointIdWidth;
        this.definition = definition;
        this.loader = loader;
        this.points = List.copyOf(points);
        this.runs = List.copyOf(runs);
    }

    /**
     * Expands {@code definition} and loads the scenario at every point (with the first replicate's seed), so an
     * unknown path or a value the scenario rejects is found before anything runs. Problems in the sweep's
     * overrides are reported at the line of the sweep file where the value was written.
     *
     * @throws ScenarioException with every problem found
     */
    public static SweepPlan of(SweepDefinition definition, ScenarioLoader loader) {
        List<Point> points = expand(definition);
        List<PlannedRun> runs = new ArrayList<>();
        int pw = Math.max(3, Integer.toString(points.size() - 1).length());
        int rw = Math.max(2, Integer.toString(definition.replicates() - 1).length());
        for (Point p : points) {
            for (int r = 0; r < definition.replicates(); r++) {
                long seed = runSeed(definition, p, r);
                runs.add(new PlannedRun(runs.size(), p, r, seed,
                        pointId(p, pw) + String.format("-r%0" + rw + "d", r)));
            }
        }
        SweepPlan plan = new SweepPlan(definition, loader, points, runs, pw);
        plan.validate();
        return plan;
    }

    /**
     * The point's id as everything names it ({@code p003}): the dry-run listing, the charts' legends and the
     * first part of its runs' directory names ({@code p003-r01}).
     */
    public String pointId(Point p) {
        return pointId(p, pointIdWidth);
    }

    private static String pointId(Point p, int width) {
        return String.format("p%0" + width + "d", p.index());
    }

    public SweepDefinition definition() {
        return definition;
    }

    public List<Point> points() {
        return points;
    }

    public List<PlannedRun> runs() {
        return runs;
    }

    /** The swept parameters' paths, in order. */
    public List<String> parameterPaths() {
        return definition.parameters().stream().map(Parameter::path).toList();
    }

    /** Every override of {@code run}: the sweep's fixed ones, the point's values, then its seed. */
    public List<String> overrides(PlannedRun run) {
        List<String> out = new ArrayList<>();
        for (Fixed f : definition.set()) {
            out.add(f.assignment());
        }
        out.addAll(run.point().overrides());
        out.add("seed=" + run.seed());
        return out;
    }

    /** Loads the scenario of {@code run}. */
    public LoadedScenario load(PlannedRun run) {
        return loader.load(definition.scenario(), overrides(run));
    }

    private void validate() {
        Map<String, Origin> written = new HashMap<>();
        for (Fixed f : definition.set()) {
            written.put(f.assignment(), f.origin());
        }
        OverrideProblems problems = new OverrideProblems();
        for (Point p : points) {
            for (Assignment a : p.assignments()) {
                written.put(a.override(), a.origin());
            }
            PlannedRun first = runs.get(p.index() * definition.replicates());
            try {
                MemoryEstimate.of(load(first).scenario()).requireFits(definition.file() + " point " + p.label(),
                        MemoryEstimate.heap());
            } catch (ScenarioException e) {
                problems.add(e.problems(), written);
            }
        }
        problems.throwIfAny(definition.file().toString());
    }

    private static List<Point> expand(SweepDefinition d) {
        List<List<Assignment>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Parameter p : d.parameters()) {
            if (p instanceof Grid g) {
                List<List<Assignment>> next = new ArrayList<>();
                for (List<Assignment> c : combos) {
                    for (Value v : g.values()) {
                        List<Assignment> x = new ArrayList<>(c);
                        x.add(new Assignment(g.path(), v.text(), v.label(), v.origin()));
                        next.add(x);
                    }
                }
                combos = next;
            }
        }
        List<List<Assignment>> draws = new ArrayList<>();
        for (int s = 0; s < d.samples(); s++) {
            SplittableRandom rng = new SplittableRandom(hash(d.seed(), "sample", Integer.toString(s)));
            List<Assignment> draw = new ArrayList<>();
            for (Parameter p : d.parameters()) {
                if (p instanceof Sampled sp) {
                    Value v = draw(sp, rng);
                    draw.add(new Assignment(sp.path(), v.text(), v.label(), sp.origin()));
                }
            }
            draws.add(draw);
        }
        List<Point> points = new ArrayList<>();
        for (List<Assignment> c : combos) {
            for (List<Assignment> draw : draws) {
                List<Assignment> all = new ArrayList<>(c);
                all.addAll(draw);
                List<Assignment> ordered = new ArrayList<>();
                for (Parameter p : d.parameters()) {
                    all.stream().filter(a -> a.path().equals(p.path())).findFirst().ifPresent(ordered::add);
                }
                points.add(new Point(points.size(), ordered));
            }
        }
        return points;
    }

    private static Value draw(Sampled p, SplittableRandom rng) {
        return switch (p.distribution()) {
            case UNIFORM -> SweepFile.number(p.min() + (p.max() - p.min()) * rng.nextDouble(), false, p.origin());
            case LOG_UNIFORM -> SweepFile.number(Math.exp(Math.log(p.min())
                    + (Math.log(p.max()) - Math.log(p.min())) * rng.nextDouble()), false, p.origin());
            case INT_UNIFORM -> SweepFile.number((double) ((long) p.min()
                    + rng.nextLong((long) p.max() - (long) p.min() + 1)), true, p.origin());
            case CHOICE -> p.choices().get(rng.nextInt(p.choices().size()));
        };
    }

    /** The seed of replicate {@code r} at {@code point}: non-negative, from SHA-256 of the inputs. */
    static long runSeed(SweepDefinition d, Point point, int replicate) {
        String key = d.seeds() == SweepDefinition.SeedMode.SHARED ? "" : String.join("\n", point.overrides());
        return hash(d.seed(), key, Integer.toString(replicate));
    }

    private static long hash(long seed, String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("receco-sweep\0" + seed).getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                md.update((byte) 0);
                md.update(part.getBytes(StandardCharsets.UTF_8));
            }
            byte[] h = md.digest();
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
