package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/** What is counted per item in a round: times shown in slates, clicks, or likes. */
public enum Signal {
    EXPOSURE("exposure", "times shown in slates", Set.of(Need.SLATES)),
    CLICK("click", "clicks", Set.of(Need.CLICKS)),
    LIKE("like", "likes", Set.of(Need.CLICKS));

    final String key;
    final String words;
    final Set<Need> needs;

    Signal(String key, String words, Set<Need> needs) {
        this.key = key;
        this.words = words;
        this.needs = needs;
    }

    /** This round's counts by item id. */
    int[] counts(RoundData d) {
        return switch (this) {
            case EXPOSURE -> d.roundExposures();
            case CLICK -> d.roundClicks();
            case LIKE -> d.roundLikes();
        };
    }
}
