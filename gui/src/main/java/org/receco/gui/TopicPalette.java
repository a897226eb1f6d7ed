package org.receco.gui;

import java.awt.Color;

/** One colour per topic: the ten Tableau colours, then evenly spread hues. */
final class TopicPalette {
    private static final int[] TABLEAU = {
        0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0x3B3B98};
    private static final Color[] CACHE = new Color[256];
    private static final Color[] ITEM_CACHE = new Color[256];

    private TopicPalette() {
    }

    /** The opaque colour of topic {@code t}. */
    static Color of(int t) {
        if (t >= 0 && t < CACHE.length && CACHE[t] != null) {
            return CACHE[t];
        }
        Color c = t >= 0 && t < TABLEAU.length ? new Color(TABLEAU[t])
                : Color.getHSBColor((float) ((Math.max(0, t) * 0.618034) % 1.0), 0.65f, 0.85f);
        if (t >= 0 && t < CACHE.length) {
            CACHE[t] = c;
        }
        return c;
    }

    /** A lighter, translucent colour of topic {@code t} for items, so users stand out over them. */
    static Color item(int t) {
        if (t >= 0 && t < ITEM_CACHE.length && ITEM_CACHE[t] != null) {
            return ITEM_CACHE[t];
        }
        Color base = of(t);
        Color c = new Color(base.getRed(), base.getGreen(), base.getBlue(), 120);
        if (t >= 0 && t < ITEM_CACHE.length) {
            ITEM_CACHE[t] = c;
        }
        return c;
    }
}
