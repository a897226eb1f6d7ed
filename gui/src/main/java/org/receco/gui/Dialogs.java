package org.receco.gui;

import java.awt.GraphicsEnvironment;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

/** Messages to the person at the GUI. */
final class Dialogs {
    private Dialogs() {
    }

    /** Shows an invalid scenario value's problems (the validator's text) in an error dialog, and on stderr. */
    static void showProblem(String message) {
        System.err.println("receco gui: " + message);
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        Runnable show = () -> {
            JTextArea text = new JTextArea(message + "\n\nThe value was not changed.");
            text.setEditable(false);
            text.setLineWrap(true);
            text.setWrapStyleWord(true);
            text.setColumns(60);
            text.setRows(Math.min(12, 3 + message.split("\n").length * 2));
            JOptionPane.showMessageDialog(null, new JScrollPane(text), "Invalid scenario value",
                    JOptionPane.ERROR_MESSAGE);
        };
        if (SwingUtilities.isEventDispatchThread()) {
            show.run();
        } else {
            SwingUtilities.invokeLater(show);
        }
    }
}
