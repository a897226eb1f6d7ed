package org.receco.gui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * A picture of the GUI's windows, each painted into an image (no screen capture, so overlapping windows and
 * window managers do not matter): the display at the top left, the Console to its right, the charts below.
 * Call on the Swing thread.
 */
final class Screenshot {
    private static final int GAP = 8;

    /** The composed picture and where the display's drawing area is in it. */
    record Picture(BufferedImage image, Rectangle displayArea) {
    }

    private Screenshot() {
    }

    static Picture compose(JFrame displayFrame, JComponent displayArea, JFrame console, JFrame charts) {
        BufferedImage d = paint(displayFrame);
        BufferedImage c = paint(console);
        BufferedImage m = paint(charts);
        int width = Math.max(d.getWidth() + GAP + c.getWidth(), m.getWidth());
        int top = Math.max(d.getHeight(), c.getHeight());
        BufferedImage out = new BufferedImage(width, top + GAP + m.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0xE8E8E8));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(d, 0, 0, null);
        g.drawImage(c, d.getWidth() + GAP, 0, null);
        g.drawImage(m, 0, top + GAP, null);
        g.dispose();
        Rectangle area = SwingUtilities.convertRectangle(displayArea.getParent(), displayArea.getBounds(),
                displayFrame.getRootPane());
        return new Picture(out, area.intersection(new Rectangle(0, 0, d.getWidth(), d.getHeight())));
    }

    /** The window's contents (its root pane) as an image. */
    static BufferedImage paint(JFrame frame) {
        Component root = frame.getRootPane();
        int w = Math.max(1, root.getWidth());
        int h = Math.max(1, root.getHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        root.paint(g);
        g.dispose();
        return img;
    }
}
