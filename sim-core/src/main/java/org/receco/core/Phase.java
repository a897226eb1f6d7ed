package org.receco.core;

/**
 * The phases of one round, in order. Each is an ordering on MASON's {@code Schedule}: at every round's time
 * step the schedule runs the phases' steppables from the lowest ordering to the highest, so this enum is the
 * one place that says how data flows through a round.
 */
public enum Phase {
    /**
     * The round opens: the model's round number is set and the feedback log opens the round, so whatever an
     * event adds (clicks of injected users, say) is filed under the round it happened in.
     */
    OPEN,
    /** One-off scenario events scheduled for this round (breaking news, recommender switch, users joining). */
    EVENTS,
    /** Authors publish new items. */
    PUBLISH,
    /** Items older than the lifetime leave the live set; the live vector matrix is rebuilt. */
    RETIRE,
    /** The recommender scores live items and the kernel composes each user's slate. */
    RECOMMEND,
    /** Users click and like from their slates. */
    CHOOSE,
    /** Counters and the feedback log are updated; users' interests shift; authors adapt. */
    FEEDBACK,
    /** The round's records go to the run sink (not yet committed). */
    LOG,
    /** The recommender retrains when its interval says so. */
    TRAIN,
    /** Observers record metrics (written to the sink). */
    OBSERVE,
    /** The round's transaction commits: from here on a crash leaves this round readable. */
    COMMIT;

    /** The ordering on MASON's schedule. */
    public int ordering() {
        return ordinal();
    }
}
