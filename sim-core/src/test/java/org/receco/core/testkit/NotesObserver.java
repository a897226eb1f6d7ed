package org.receco.core.testkit;

import static org.receco.core.store.ColumnType.BIGINT;
import static org.receco.core.store.ColumnType.INTEGER;
import static org.receco.core.store.ColumnType.TEXT;

import java.util.List;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.store.Column;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;

/**
 * A component with a table of its own, as an LLM client's call log would be: declares {@code notes} when the run
 * starts and appends {@link #ROWS_PER_ROUND} rows a round — users 0..2's click counts, a note with a comma,
 * quotes and a line break (user 2's is NULL), and the wall-clock nanoseconds, a volatile column.
 */
public final class NotesObserver implements Observer {
    public static final int ROWS_PER_ROUND = 3;
    public static final TableSpec NOTES = TableSpec.of("notes", "test notes, three a round", "round",
                    List.of("round", "user_id"),
                    Column.of("round", INTEGER), Column.of("user_id", INTEGER), Column.nullable("note", TEXT),
                    Column.of("clicks", INTEGER), Column.of("wall_ns", BIGINT))
            .withVolatile("wall_ns");

    private final String tamper;
    private TableWriter notes;

    /** {@code tamper} is appended to the note of round 2, user 1 (empty: none), to change one recorded value. */
    public NotesObserver(String tamper) {
        this.tamper = tamper;
    }

    public NotesObserver() {
        this("");
    }

    /** The note written for {@code user} in {@code round} (before any tampering). */
    public static String note(int round, int user) {
        return user == 2 ? null : "round " + round + ", user " + user + ": \"hi\"\nbye";
    }

    @Override
    public String name() {
        return "notes";
    }

    @Override
    public void start(RoundView view) {
        notes = view.tables().table(NOTES);
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        int r = view.round();
        for (int u = 0; u < ROWS_PER_ROUND; u++) {
            String note = note(r, u);
            if (r == 2 && u == 1) {
                note += tamper;
            }
            notes.append(r, u, note, view.state().clickCount(u), System.nanoTime());
        }
    }
}
