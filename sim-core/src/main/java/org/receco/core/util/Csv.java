package org.receco.core.util;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one CSV writer (every {@code .csv} RecEco writes goes through it): fields quoted as RFC 4180 says — a field
 * holding a comma, a double quote, CR or LF is enclosed in double quotes, with each double quote doubled — and
 * NULL written as an empty field. Records end with LF rather than RFC 4180's CRLF, as pandas, R and Unix tools
 * expect (all of them read quoted CRLF and LF alike). Writes straight through to {@code out}, so exports stream.
 */
public final class Csv {
    private final Appendable out;
    private boolean inRow;

    public Csv(Appendable out) {
        this.out = out;
    }

    /** Appends one field to the current record. */
    public Csv field(String value) {
        try {
            if (inRow) {
                out.append(',');
            }
            inRow = true;
            out.append(quote(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Appends a number (never quoted). */
    public Csv field(long value) {
        return field(Long.toString(value));
    }

    /** Appends each of {@code values}. */
    public Csv fields(String... values) {
        for (String v : values) {
            field(v);
        }
        return this;
    }

    /** Ends the current record. */
    public Csv endRow() {
        try {
            out.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inRow = false;
        return this;
    }

    /** Writes one whole record. */
    public Csv row(String... values) {
        return fields(values).endRow();
    }

    /** {@code value} as an RFC 4180 field: as it is, or quoted if it holds a comma, quote, CR or LF; null as empty. */
    public static String quote(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }
}
