package org.receco.gui;

import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import javax.swing.JFrame;
import org.receco.core.RecEcoModel;
import org.receco.core.RunManifest;
import org.receco.scenarios.LoadedScenario;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.util.Bag;

/**
 * RecEco in MASON's GUI: a {@link GUIState} wrapping one {@link RecEcoModel} whose wiring is re-pointed at the
 * edited scenario before every start (MASON's Console restarts the model in place). It owns the latent-space
 * display (users, live items, authors and trails over a PCA projection fitted at round 0), the metric charts,
 * and the run's recording: every start creates a run directory and H2 run store exactly as {@code receco run}
 * does, and every finish closes it. The Console stops by itself after the scenario's last round.
 *
 * <p>Without {@link #init} (no Console) it still records and follows the model, which tests use headless.
 */
public final class RecEcoGui extends GUIState {
    private final ReloadableWiring wiring;
    private final ScenarioParameters parameters;
    private final Path out;
    private final PrintStream log;
    private final SpaceView view;
    private MetricCharts charts;
    private Display2D display;
    private JFrame displayFrame;
    private final ContinuousPortrayal2D itemsPortrayal = new ContinuousPortrayal2D();
    private final ContinuousPortrayal2D usersPortrayal = new ContinuousPortrayal2D();
    private final ContinuousPortrayal2D authorsPortrayal = new ContinuousPortrayal2D();
    private final ContinuousPortrayal2D trailsPortrayal = new ContinuousPortrayal2D();
    private volatile RunRecording recording;
    private volatile String failure;
    private volatile RunManifest lastEnd;
    private volatile Path lastRunDir;

    /**
     * @param parameters the scenario as edited in the model inspector
     * @param out        directory in which each run's directory is created (null: record nothing)
     * @param log        where run directories and outcomes are reported
     */
    public RecEcoGui(ScenarioParameters parameters, Path out, PrintStream log) {
        this(new ReloadableWiring(parameters.loaded()), parameters, out, log);
    }

    private RecEcoGui(ReloadableWiring wiring, ScenarioParameters parameters, Path out, PrintStream log) {
        super(new RecEcoModel(wiring));
        this.wiring = wiring;
        this.parameters = parameters;
        this.out = out;
        this.log = log;
        this.view = new SpaceView(model());
        model().addRoundListener((m, r) -> afterRound(r));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RunRecording r = recording;
            if (r != null) {
                r.interrupted(model());
            }
        }, "receco-gui-interrupt"));
    }

    public RecEcoModel model() {
        return (RecEcoModel) state;
    }

    SpaceView view() {
        return view;
    }

    MetricCharts charts() {
        return charts;
    }

    Display2D display() {
        return display;
    }

    JFrame displayFrame() {
        return displayFrame;
    }

    /** The scenario parameters shown in the model inspector. */
    public ScenarioParameters parameters() {
        return parameters;
    }

    /** The run directory of the current (or latest) run, or null when nothing is recorded. */
    public Path runDir() {
        return lastRunDir;
    }

    /** The final manifest of the latest finished run, or null. */
    public RunManifest lastManifest() {
        return lastEnd;
    }

    public static String getName() {
        return "RecEco";
    }

    public static Object getInfo() {
        return "<html><h2>RecEco</h2><p>An agent-based recommendation ecosystem (SimuLine-style news platform).</p>"
                + "<p>The display shows the latent space projected on the first two principal components of the "
                + "users and authors at round 0: users are circles, live items small squares and authors "
                + "diamonds, coloured by topic (a user by the topic nearest to its interests now). Black lines "
                + "are the trails of tracked users. Click an agent to inspect it; a user's inspector shows its "
                + "latest slate with channels and scores, an author's its items and their exposure.</p>"
                + "<p>The Model tab holds the scenario's parameters: edits are validated like the YAML file and "
                + "apply at the next start. Every run is recorded under runs/ like <tt>receco run</tt>.</p></html>";
    }

    @Override
    public Object getSimulationInspectedObject() {
        return parameters;
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        display = new Display2D(720, 720, this);
        display.setClipping(false);
        display.setBackdrop(Color.WHITE);
        display.attach(itemsPortrayal, "Items");
        display.attach(trailsPortrayal, "Trails");
        display.attach(usersPortrayal, "Users");
        display.attach(authorsPortrayal, "Authors");
        displayFrame = display.createFrame();
        displayFrame.setTitle("RecEco latent space");
        c.registerFrame(displayFrame);
        displayFrame.setVisible(true);
        charts = new MetricCharts();
        c.registerFrame(charts.frame());
        charts.frame().setVisible(true);
    }

    @Override
    public void start() {
        LoadedScenario next = parameters.loaded();
        wiring.use(next);
        failure = null;
        lastEnd = null;
        RecEcoModel m = model();
        if (out != null) {
            int threads = wiring.config().threads();
            recording = RunRecording.attach(m, next, out, threads);
            lastRunDir = recording.runDir();
            log.println("receco gui: recording to " + recording.runDir());
        } else {
            m.setSink(null, null);
        }
        super.start();
        view.reset();
        if (charts != null) {
            charts.clear();
        }
        setupPortrayals();
    }

    @Override
    public void load(SimState state) {
        super.load(state);
        setupPortrayals();
    }

    private void setupPortrayals() {
        if (display == null) {
            return;
        }
        itemsPortrayal.setField(view.items);
        itemsPortrayal.setPortrayalForAll(new AgentPortrayal(AgentPortrayal.Kind.ITEM));
        trailsPortrayal.setField(view.trails);
        trailsPortrayal.setPortrayalForAll(new AgentPortrayal(AgentPortrayal.Kind.TRAIL));
        usersPortrayal.setField(view.users);
        usersPortrayal.setPortrayalForAll(new AgentPortrayal(AgentPortrayal.Kind.USER));
        authorsPortrayal.setField(view.authors);
        authorsPortrayal.setPortrayalForAll(new AgentPortrayal(AgentPortrayal.Kind.AUTHOR));
        display.reset();
        display.repaint();
        LoadedScenario s = wiring.loaded();
        displayFrame.setTitle(String.format(Locale.ROOT, "RecEco latent space: %s (PCA of round 0, %.0f %% of variance)",
                s.scenario().name(), 100 * view.projection().explainedVariance()));
    }

    /**
     * Opens the inspector of {@code user} in the Console's Inspectors tab, as clicking it in the display does.
     * Call on the Swing thread with a Console attached.
     */
    void inspectUser(int user) {
        UserAgent agent = view.userAgent(user);
        if (controller == null || agent == null) {
            return;
        }
        LocationWrapper w = new LocationWrapper(agent, view.users.getObjectLocation(agent), usersPortrayal);
        Inspector inspector = new AgentPortrayal(AgentPortrayal.Kind.USER).getInspector(w, this);
        Bag inspectors = new Bag();
        inspectors.add(inspector);
        Bag names = new Bag();
        names.add(agent.toString());
        controller.setInspectors(inspectors, names);
    }

    /** Model thread, at the end of each round (under the schedule lock). */
    private void afterRound(int round) {
        view.update();
        if (charts != null) {
            charts.add(round, model().lastMetrics());
        }
    }

    /** Plays one round; false (the Console stops) after the scenario's last round or a failure. */
    @Override
    public boolean step() {
        RecEcoModel m = model();
        if (failure != null || m.roundsCompleted() >= m.config().rounds()) {
            return false;
        }
        try {
            return super.step();
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.println("receco gui: the run failed in round " + m.round() + ": " + failure);
            return false;
        }
    }

    /** The failure that stopped the latest run, or null. */
    public String failure() {
        return failure;
    }

    @Override
    public void finish() {
        try {
            super.finish();
        } finally {
            closeRecording();
        }
    }

    private void closeRecording() {
        RunRecording r = recording;
        recording = null;
        if (r != null) {
            RunManifest end = r.close(model(), failure);
            if (end != null) {
                lastEnd = end;
                log.println("receco gui: run " + end.status() + " after " + end.roundsCompleted() + " of "
                        + end.roundsPlanned() + " rounds; recorded in " + r.runDir());
            }
        }
    }

    @Override
    public void quit() {
        super.quit();
        closeRecording();
        if (displayFrame != null) {
            displayFrame.dispose();
        }
        if (charts != null) {
            charts.frame().dispose();
        }
        display = null;
        displayFrame = null;
    }
}
