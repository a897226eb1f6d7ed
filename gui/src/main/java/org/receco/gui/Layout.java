package org.receco.gui;

import java.awt.Rectangle;
import javax.swing.JFrame;
import javax.swing.JTabbedPane;
import sim.display.Console;

/** Places the GUI's windows side by side: the display at the left, the Console right of it, the charts below. */
final class Layout {
    private Layout() {
    }

    static void arrange(Console console, RecEcoGui gui) {
        JFrame display = gui.displayFrame();
        if (display == null) {
            return;
        }
        display.setLocation(0, 0);
        Rectangle d = display.getBounds();
        console.setBounds(d.x + d.width, 0, Math.max(console.getWidth(), 560), Math.max(console.getHeight(), d.height));
        console.validate();
        JFrame charts = gui.charts().frame();
        charts.setBounds(0, d.height, Math.max(charts.getWidth(), d.width + console.getWidth()), charts.getHeight());
        charts.validate();
    }

    /** Selects the Console's tab titled {@code title} (About, Console, Displays, Inspectors, Model). */
    static void showTab(Console console, String title) {
        JTabbedPane tabs = console.getTabPane();
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (title.equals(tabs.getTitleAt(i))) {
                tabs.setSelectedIndex(i);
            }
        }
    }
}
