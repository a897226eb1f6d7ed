package org.receco.analysis.report;

import java.util.Locale;

/** Small helpers for the self-contained report pages. */
final class Html {
    /**
     * Inline script: after load, records on {@code <body>} how many images there are, how many loaded, and the
     * sources of broken ones ({@code data-images-total}, {@code data-images-loaded}, {@code data-images-broken}).
     */
    static final String IMAGE_CHECK = """
            <script>
            window.addEventListener('load', function () {
              var imgs = document.images, ok = 0, bad = [];
              for (var i = 0; i < imgs.length; i++) {
                if (imgs[i].complete && imgs[i].naturalWidth > 0) { ok++; } else { bad.push(imgs[i].getAttribute('src')); }
              }
              document.body.setAttribute('data-images-total', String(imgs.length));
              document.body.setAttribute('data-images-loaded', String(ok));
              document.body.setAttribute('data-images-broken', bad.join(' '));
            });
            </script>
            """;

    static final String STYLE = """
            <style>
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1100px; }
            table { border-collapse: collapse; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
            th:first-child, td:first-child, td.def { text-align: left; }
            td.def { color: #555; font-size: 0.85em; }
            pre { background: #f6f6f6; padding: 1em; overflow-x: auto; font-size: 0.85em; }
            figure { margin: 1em 0; } figcaption { font-size: 0.85em; color: #555; }
            img { max-width: 100%; height: auto; }
            ul.findings li { margin: 0.3em 0; }
            td.up { color: #0072B2; } td.down { color: #D55E00; }
            </style>
            """;

    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.1f" : "%.4g", v);
    }

    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n"
                + STYLE + IMAGE_CHECK + "</head>\n<body>\n";
    }

    /** A figure: the PNG shown, the SVG linked. */
    static String figure(String dir, String base, String caption) {
        return figure(dir, base, caption, ChartFiles.HEIGHT);
    }

    /** A figure {@code height} pixels high: the PNG shown, the SVG linked. */
    static String figure(String dir, String base, String caption, int height) {
        return "<figure><img src=\"" + dir + "/" + base + ".png\" alt=\"" + esc(caption) + "\" width=\""
                + ChartFiles.WIDTH + "\" height=\"" + height + "\"><figcaption>" + esc(caption)
                + " (<a href=\"" + dir + "/" + base + ".svg\">SVG</a>)</figcaption></figure>\n";
    }
}
