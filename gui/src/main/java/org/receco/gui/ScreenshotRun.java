package org.receco.gui;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import sim.display.Console;

/**
 * {@code receco gui --rounds N --screenshot FILE.png}: presses play, lets the Console play the scenario's N
 * rounds (it stops by itself after the last; the run is recorded as usual), then saves a picture of the
 * display, Console and charts and prints where the display's drawing area is in it.
 */
final class ScreenshotRun {
    private static final long TIMEOUT_MS = 15 * 60 * 1000L;

    private ScreenshotRun() {
    }

    static boolean run(Console console, RecEcoGui gui, Path png, PrintStream out, PrintWriter err)
            throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(console::pressPlay);
        int rounds = gui.model().config().rounds();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!(gui.lastManifest() != null && console.getPlayState() == Console.PS_STOPPED)) {
            if (System.currentTimeMillis() > deadline) {
                err.println("receco gui: gave up waiting for " + rounds + " rounds");
                return false;
            }
            Thread.sleep(50);
        }
        List<Integer> tracked = gui.view().trackedUsers();
        SwingUtilities.invokeAndWait(() -> {
            if (!tracked.isEmpty()) {
                gui.inspectUser(tracked.get(0));
                Layout.showTab(console, "Inspectors");
            }
            gui.display().repaint();
        });
        SwingUtilities.invokeAndWait(() -> {
        });
        Screenshot.Picture[] picture = new Screenshot.Picture[1];
        SwingUtilities.invokeAndWait(() -> picture[0] = Screenshot.compose(gui.displayFrame(),
                gui.display().display, console, gui.charts().frame()));
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(picture[0].image(), "png", png.toFile());
        } catch (IOException e) {
            err.println("receco gui: cannot write " + png + ": " + e.getMessage());
            return false;
        }
        java.awt.Rectangle a = picture[0].displayArea();
        out.printf("receco gui: screenshot %s (display area %d,%d,%d,%d) after %d rounds%n", png, a.x, a.y,
                a.width, a.height, gui.model().roundsCompleted());
        out.flush();
        return gui.failure() == null;
    }
}
