package org.receco.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Csv} writes RFC 4180 fields; checked both on the text and by reading it back with a small RFC 4180
 * parser written here from the RFC's grammar (so a quoting mistake shows as a different field list).
 */
class CsvTest {
    @Test
    void quotesCommasQuotesAndLineBreaksAsRfc4180Says() {
        StringBuilder sb = new StringBuilder();
        new Csv(sb).row("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", null).field(42).endRow();
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,\n42\n", sb.toString());
    }

    @Test
    void whatIsWrittenReadsBackFieldForField() {
        List<String> tricky = List.of("x", "\"", "\"\"", ",", "a\r\nb", " lead", "trail ", "é,ü", "\"quoted\"");
        StringBuilder sb = new StringBuilder();
        Csv csv = new Csv(sb);
        csv.row(tricky.toArray(String[]::new));
        csv.row("second", "row");
        assertEquals(List.of(tricky, List.of("second", "row")), parse(sb.toString()));
    }

    @Test
    void unquotedFieldsStayAsTheyAre() {
        assertEquals("0.125", Csv.quote("0.125"));
        assertEquals("", Csv.quote(null));
        assertEquals("a b", Csv.quote("a b"));
    }

    /** RFC 4180 section 2 grammar, LF or CRLF record ends. */
    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '"' && f.isEmpty()) {
                i++;
                while (true) {
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        f.append(q);
                    }
                }
            } else if (ch == ',') {
                row.add(f.toString());
                f.setLength(0);
                i++;
            } else if (ch == '\n' || ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += ch == '\r' ? 2 : 1;
            } else {
                f.append(ch);
                i++;
            }
        }
        return rows;
    }
}
