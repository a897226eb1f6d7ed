package org.receco.analysis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * Colours and line styles for every chart, from Okabe and Ito's colour-blind-safe palette (Okabe &amp; Ito 2008,
 * "Color Universal Design"). Lines use the five of its colours that reach a contrast of at least 3:1 on white
 * (the WCAG 2.1 minimum for graphical objects; its yellow is 1.1:1, its orange and sky blue 2.3:1); past five,
 * lines repeat them dashed, then dotted, so no two series of a chart look alike. Point classes (topics in the
 * latent-space figure) need up to ten hues, so they add orange and sky blue (dense clusters of marks, not thin
 * lines) and Tol's wine, olive and a mid grey.
 */
public final class Palette {
    /** Blue, vermillion, bluish green, reddish purple, black. */
    static final Color[] LINES = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x000000)};
    /** Categorical colours for up to ten classes (Tol 2021, "Colour schemes", muted scheme, for the last three). */
    static final Color[] CLASSES = {LINES[0], LINES[1], LINES[2], LINES[3], LINES[4], new Color(0xE69F00),
            new Color(0x56B4E9), new Color(0x882255), new Color(0x999933), new Color(0x777777)};
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}};

    private Palette() {
    }

    /** The colour of series {@code i}. */
    public static Color line(int i) {
        return LINES[i % LINES.length];
    }

    /** The stroke of series {@code i}: solid for the first five, then dashed, then dotted. */
    public static Stroke stroke(int i, float width) {
        float[] dash = DASHES[(i / LINES.length) % DASHES.length];
        return dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** The colour of class {@code i} (cycles past ten). */
    public static Color category(int i) {
        return CLASSES[i % CLASSES.length];
    }

    /** WCAG 2.1 contrast ratio of two colours, 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
