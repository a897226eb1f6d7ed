package org.receco.gui;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.swing.SwingUtilities;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.cli.CliCommand;
import org.receco.scenarios.cli.CommandSpec;
import org.receco.scenarios.cli.OptionSpec;
import org.receco.scenarios.cli.ParsedArgs;
import org.receco.scenarios.cli.PositionalSpec;
import org.receco.scenarios.cli.SharedOptions;
import org.receco.scenarios.cli.ValueType;
import sim.display.Console;

/**
 * {@code receco gui [FILE]}: MASON's Console on a scenario (default: the bundled news ecosystem), with the
 * latent-space display, metric charts and agent inspectors; every run is recorded like {@code receco run}.
 * With {@code --rounds N --screenshot FILE.png} it plays N rounds, saves a picture of its windows and exits.
 * Exit codes as for every receco command; no display is an input error (2) pointing to {@code receco run}.
 */
final class GuiCommand implements CliCommand {
    static final Path DEFAULT_SCENARIO = Path.of("scenarios", "news-ecosystem.yaml");
    private static final int OK = 0;
    private static final int FAILURE = 1;
    private static final int INVALID_INPUT = 2;

    static final PositionalSpec<Path> FILE = PositionalSpec.optional("FILE", ValueType.PATH,
            "The scenario file (YAML); default: scenarios/news-ecosystem.yaml.");
    static final OptionSpec<String> SET = SharedOptions.SET;
    static final OptionSpec<Long> SEED = SharedOptions.SEED;
    static final OptionSpec<Integer> ROUNDS = SharedOptions.ROUNDS;
    static final OptionSpec<Path> SCREENSHOT = OptionSpec.single("--screenshot", "FILE.png", ValueType.PATH,
            "Play all rounds (with --rounds N), save a PNG of the Console, display and charts, exit.");
    static final OptionSpec<Path> OUT = SharedOptions.out("runs; each run's directory is created in it")
            .withDefault("runs");

    private static final CommandSpec SPEC = new CommandSpec("gui",
            List.of("Open MASON's Console on a scenario: play/pause/step/stop, the latent space (PCA), live metric "
                    + "charts, agent inspectors, parameters in the Model tab. Runs are recorded like 'run'."),
            List.of(FILE), List.of(SET, SEED, ROUNDS, SCREENSHOT, OUT));

    private final ComponentCatalog catalog;

    GuiCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        Path file = args.value(FILE);
        Integer rounds = args.value(ROUNDS);
        Long seed = args.value(SEED);
        Path screenshot = args.value(SCREENSHOT);
        if (screenshot != null && rounds == null) {
            err.println("receco gui: --screenshot needs --rounds N (the rounds to play before the picture)");
            return INVALID_INPUT;
        }
        List<String> all = new ArrayList<>(args.values(SET));
        if (seed != null) {
            all.add("seed=" + seed);
        }
        if (rounds != null) {
            all.add("rounds=" + rounds);
        }
        Path scenarioFile = file != null ? file : defaultScenario();
        ScenarioLoader loader = new ScenarioLoader(catalog);
        LoadedScenario loaded = loader.load(scenarioFile, all); // ScenarioException: printed by RecEcoCli, exit 2
        if (!loaded.droppedNote().isEmpty()) {
            err.println(loaded.droppedNote()); // as receco run says it: a shorter run leaves later events out
        }
        String noDisplay = displayProblem();
        if (noDisplay != null) {
            err.println("receco gui: no graphical display available (" + noDisplay + ").");
            err.println("The GUI needs a display; to run the scenario without one use: receco run "
                    + scenarioFile + (all.isEmpty() ? "" : " --set ..."));
            err.flush();
            return INVALID_INPUT;
        }
        ScenarioParameters parameters = new ScenarioParameters(loader, loaded, scenarioFile, Dialogs::showProblem);
        RecEcoGui gui = new RecEcoGui(parameters, args.value(OUT), System.out);
        Console[] console = new Console[1];
        CountDownLatch closed = new CountDownLatch(1);
        try {
            SwingUtilities.invokeAndWait(() -> {
                console[0] = withoutJava3dWarning(() -> new Console(gui));
                console[0].setIncrementSeedOnStop(false);
                console[0].addWindowListener(new java.awt.event.WindowAdapter() {
                    @Override
                    public void windowClosed(java.awt.event.WindowEvent e) {
                        closed.countDown();
                    }
                });
                console[0].setVisible(true);
                Layout.arrange(console[0], gui);
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HeadlessException || cause instanceof AWTError) {
                err.println("receco gui: cannot open a window (" + cause.getMessage() + ").");
                err.println("The GUI needs a display; to run the scenario without one use: receco run " + scenarioFile);
                err.flush();
                return INVALID_INPUT;
            }
            throw cause instanceof Exception ex ? ex : new RuntimeException(cause);
        }
        if (screenshot != null) {
            try {
                return ScreenshotRun.run(console[0], gui, screenshot, System.out, err) ? OK : FAILURE;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw new IllegalStateException("screenshot failed: " + cause, cause);
            }
        }
        closed.await();
        return gui.failure() == null ? OK : FAILURE;
    }

    /**
     * Runs {@code body} with MASON's start-up warning about the missing Java3D (RecEco draws no 3-D views)
     * filtered from standard error.
     */
    private static <T> T withoutJava3dWarning(java.util.function.Supplier<T> body) {
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
            private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

            @Override
            public void write(int b) {
                line.write(b);
                if (b == '\n') {
                    String text = line.toString(java.nio.charset.StandardCharsets.UTF_8);
                    if (!text.contains("probably no Java3D")) {
                        err.print(text);
                    }
                    line.reset();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            return body.get();
        } finally {
            System.err.flush();
            System.setErr(err);
        }
    }

    /** The bundled default scenario: in the working directory, else under the launcher's RecEco home. */
    static Path defaultScenario() {
        if (Files.isRegularFile(DEFAULT_SCENARIO)) {
            return DEFAULT_SCENARIO;
        }
        String home = System.getProperty("receco.home");
        if (home != null && !home.isBlank() && Files.isRegularFile(Path.of(home).resolve(DEFAULT_SCENARIO))) {
            return Path.of(home).resolve(DEFAULT_SCENARIO);
        }
        return DEFAULT_SCENARIO;
    }

    /** Why no window can be opened, or null when a display is available. */
    static String displayProblem() {
        if (GraphicsEnvironment.isHeadless()) {
            String display = System.getenv("DISPLAY");
            return display == null || display.isBlank() ? "DISPLAY is not set"
                    : "Java runs headless (java.awt.headless=true)";
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
            return null;
        } catch (HeadlessException | AWTError e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
