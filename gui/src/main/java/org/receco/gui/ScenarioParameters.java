package org.receco.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.model.Scenario;

/**
 * The scenario's parameters as MASON's model inspector shows them (the object the GUI returns from
 * {@code getSimulationInspectedObject()}): one getter/setter pair per commonly explored scenario key, plus
 * {@code Overrides} for any key path. Every edit is validated by reloading the scenario through the
 * {@link ScenarioLoader} with the edits as {@code --set} overrides after the command line's, so an invalid value
 * gets exactly the message the YAML validator gives; it is then reported to the problem handler and the edit is
 * dropped. Valid edits take effect at the next start of the model. Thread-safe.
 */
public final class ScenarioParameters {
    private final ScenarioLoader loader;
    private final Path file;
    private final List<String> baseOverrides;
    private final Consumer<String> problems;
    private Map<String, String> edits = new LinkedHashMap<>();
    private LoadedScenario current;

    /**
     * @param loaded    the scenario as loaded from the command line
     * @param file      the scenario file it was loaded from (re-read on every edit)
     * @param problems  told the validator's message when an edit is invalid
     */
    ScenarioParameters(ScenarioLoader loader, LoadedScenario loaded, Path file, Consumer<String> problems) {
        this.loader = loader;
        this.file = file;
        this.baseOverrides = loaded.overrides();
        this.problems = problems;
        this.current = loaded;
    }

    /** The scenario with every accepted edit, as the next start will use it. */
    public synchronized LoadedScenario loaded() {
        return current;
    }

    private synchronized Scenario s() {
        return current.scenario();
    }

    /**
     * Sets key {@code path} to {@code value} (YAML text), as {@code --set path=value} would.
     *
     * @return whether the scenario stayed valid (otherwise the edit is dropped and the problem reported)
     */
    public boolean set(String path, String value) {
        Map<String, String> next;
        synchronized (this) {
            next = new LinkedHashMap<>(edits);
        }
        next.remove(path);
        next.put(path, value);
        return apply(next);
    }

    private boolean apply(Map<String, String> next) {
        List<String> all = new ArrayList<>(baseOverrides);
        next.forEach((k, v) -> all.add(k + "=" + v));
        LoadedScenario reloaded;
        try {
            reloaded = loader.load(file, all);
        } catch (ScenarioException e) {
            problems.accept(e.getMessage());
            return false;
        }
        synchronized (this) {
            edits = next;
            current = reloaded;
        }
        return true;
    }

    // ---- the model inspector's properties ----------------------------------------------------------

    public String getScenario() {
        return s().name() + " (" + file + ")";
    }

    public String desScenario() {
        return "The scenario file; edits below are applied to it as --set overrides at the next start.";
    }

    public long getSeed() {
        return s().seed();
    }

    public void setSeed(long v) {
        set("seed", Long.toString(v));
    }

    public String desSeed() {
        return "Root seed of every random stream (the same seed gives the same run as receco run).";
    }

    public int getRounds() {
        return s().rounds();
    }

    public void setRounds(int v) {
        set("rounds", Integer.toString(v));
    }

    public String desRounds() {
        return "Rounds to play; the Console stops after the last one.";
    }

    public int getThreads() {
        return s().threads();
    }

    public void setThreads(int v) {
        set("threads", Integer.toString(v));
    }

    public String desThreads() {
        return "Worker threads (0 = all cores). Results do not depend on it.";
    }

    public int getUsers() {
        return s().users().totalCount();
    }

    public void setUsers(int v) {
        set("users.count", Integer.toString(v));
    }

    public int getAuthors() {
        return s().authors().count();
    }

    public void setAuthors(int v) {
        set("authors.count", Integer.toString(v));
    }

    public int getTopics() {
        return s().space().topics();
    }

    public void setTopics(int v) {
        set("space.topics", Integer.toString(v));
    }

    public int getDims() {
        return s().space().dims();
    }

    public void setDims(int v) {
        set("space.dims", Integer.toString(v));
    }

    public String desDims() {
        return "Dimensions of the latent space (the display shows its first two principal components).";
    }

    public int getItemLifetime() {
        return s().items().lifetime();
    }

    public void setItemLifetime(int v) {
        set("items.lifetime", Integer.toString(v));
    }

    public String getRecommender() {
        return s().recommender().name();
    }

    public void setRecommender(String v) {
        set("recommender.name", v);
    }

    public String desRecommender() {
        return "Recommender by name: random, popular, content, bpr, oracle.";
    }

    public int getTrainEvery() {
        return s().recommender().trainEvery();
    }

    public void setTrainEvery(int v) {
        set("recommender.trainEvery", Integer.toString(v));
    }

    public int getSlateSize() {
        return s().slate().size();
    }

    public void setSlateSize(int v) {
        set("slate.size", Integer.toString(v));
    }

    public String desSlateSize() {
        return "Items per slate. The channel shares must add up to it: to change several at once use Overrides, "
                + "e.g. slate.size=60; slate.match=50";
    }

    public int getSlateMatch() {
        return s().slate().match();
    }

    public void setSlateMatch(int v) {
        set("slate.match", Integer.toString(v));
    }

    public int getSlateColdStart() {
        return s().slate().coldStart();
    }

    public void setSlateColdStart(int v) {
        set("slate.coldStart", Integer.toString(v));
    }

    public int getSlateHot() {
        return s().slate().hot();
    }

    public void setSlateHot(int v) {
        set("slate.hot", Integer.toString(v));
    }

    public int getSlatePromote() {
        return s().slate().promote();
    }

    public void setSlatePromote(int v) {
        set("slate.promote", Integer.toString(v));
    }

    public int getClicksPerRound() {
        return intParam(s().users().params(), "clicksPerRound");
    }

    public void setClicksPerRound(int v) {
        set("users.params.clicksPerRound", Integer.toString(v));
    }

    public double getInterestStep() {
        return doubleParam(s().users().params(), "interestStep");
    }

    public void setInterestStep(double v) {
        set("users.params.interestStep", Double.toString(v));
    }

    public String desInterestStep() {
        return "SimuLine's delta: how far a user's interests move toward (away from) a liked (disliked) click.";
    }

    public int getItemsPerRound() {
        return intParam(s().authors().params(), "itemsPerRound");
    }

    public void setItemsPerRound(int v) {
        set("authors.params.itemsPerRound", Integer.toString(v));
    }

    /** The edits made here, as {@code path=value} separated by {@code ;}. */
    public synchronized String getOverrides() {
        StringBuilder sb = new StringBuilder();
        edits.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Replaces every edit by {@code path=value} assignments separated by {@code ;} or new lines, validated together. */
    public void setOverrides(String text) {
        Map<String, String> next = new LinkedHashMap<>();
        for (String part : text.split("[;\\n]")) {
            String a = part.trim();
            if (a.isEmpty()) {
                continue;
            }
            int eq = a.indexOf('=');
            if (eq <= 0) {
                problems.accept("override '" + a + "': expected path=value, e.g. slate.coldStart=20");
                return;
            }
            next.put(a.substring(0, eq).trim(), a.substring(eq + 1).trim());
        }
        apply(next);
    }

    public String desOverrides() {
        return "Any scenario key paths, as with --set: path=value; path=value (e.g. slate.size=60; slate.match=50). "
                + "Validated together; applied at the next start.";
    }

    private static int intParam(Map<String, Object> params, String key) {
        return params.get(key) instanceof Number n ? n.intValue() : 0;
    }

    private static double doubleParam(Map<String, Object> params, String key) {
        return params.get(key) instanceof Number n ? n.doubleValue() : 0.0;
    }
}
