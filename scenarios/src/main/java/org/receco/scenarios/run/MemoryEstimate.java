package org.receco.scenarios.run;

import java.util.Locale;
import org.receco.scenarios.Origin;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.model.EventFootprint;
import org.receco.scenarios.model.EventSpec;
import org.receco.scenarios.model.PopulationSpec;
import org.receco.scenarios.model.Scenario;

/**
 * A run's heap need estimated from its sizes alone, so that a run that cannot fit is refused before it starts
 * instead of dying mid-run (an allocation failing inside a worker surfaces as an unrelated exception) after it
 * has written a database. It counts the large arrays of the kernel: users' preference vectors and their previous
 * copies, the items' vectors over the whole run (the item store keeps every item published), the authors'
 * vectors, every user's slate and the slates remembered for exposure, the round's clicks and the feedback log
 * the recommender trains on (every click so far), and a factor model's factors when the recommender's
 * parameters name {@code factors} (BPR: one vector per user and per item). A lower bound more than a forecast:
 * what it leaves out (metric state, the store's write buffers) is small beside these at the sizes that matter.
 *
 * @param users  users over the run (initial ones and every add-population)
 * @param items  items over the run (authors' items per round times rounds, and breaking news)
 * @param bytes  the estimated heap need
 */
public record MemoryEstimate(long users, long items, long bytes) {
    /** JVM, class and library baseline beside the run's own arrays. */
    static final long BASELINE = 64L << 20;
    /** Bytes per feedback record (user, item, round, liked) as the log holds them. */
    static final long FEEDBACK_BYTES = 16;
    /** Per-item scalars beside its vector (author, round, quality, topic, counters). */
    static final long ITEM_SCALARS = 40;

    /** The estimate for {@code s}. */
    public static MemoryEstimate of(Scenario s) {
        long d = s.space().dims();
        long users = 0;
        long clicksPerRound = 0;
        for (PopulationSpec p : s.users().all()) {
            users += p.count();
            clicksPerRound += p.count() * p.wholeParam("clicksPerRound");
        }
        long burstItems = 0;
        long factors = s.recommender().wholeParam("factors");
        for (EventSpec e : s.events()) {
            EventFootprint f = e.footprint(s);
            users += f.users();
            clicksPerRound += f.clicksPerRound();
            burstItems += f.items();
            factors = Math.max(factors, f.factors());
        }
        long items = (long) s.rounds() * s.authors().count() * s.authors().wholeParam("itemsPerRound") + burstItems;
        long slate = s.slate().size();
        long bytes = BASELINE
                + 2 * users * d * Float.BYTES                                   // preferences and previous ones
                + items * (d * Float.BYTES + ITEM_SCALARS)
                + (long) s.authors().count() * d * Float.BYTES
                + users * slate * Integer.BYTES * (1 + s.slate().exposureMemory())
                + clicksPerRound * FEEDBACK_BYTES * (1 + (long) s.rounds())    // the round's clicks and the log
                + (users + items) * factors * Float.BYTES;
        return new MemoryEstimate(users, items, bytes);
    }

    /** The JVM's maximum heap ({@code -Xmx}). */
    public static long heap() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Refuses the scenario loaded from {@code source} when its estimate exceeds {@code heap} bytes, naming both
     * figures and how to raise the heap.
     *
     * @throws ScenarioException when it does not fit
     */
    public void requireFits(String source, long heap) {
        if (bytes > heap) {
            throw new ScenarioException(new Problem(Origin.of(source), "", "the run needs about " + size(bytes)
                    + " of memory (" + users + " users, " + items + " items over the run) but the Java heap is "
                    + size(heap), "fewer users, items, dims or rounds, or a larger heap: RECECO_JAVA_OPTS=-Xmx"
                    + Math.max(1, (bytes * 5 / 4 + (1L << 30) - 1) >> 30) + "g ./receco ..."));
        }
    }

    /** "3.2 GB", "512 MB": what the OK line and the refusal print. */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }
}
