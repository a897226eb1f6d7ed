package org.receco.gui;

import java.util.ArrayList;
import java.util.List;
import org.receco.agents.authors.NewsAuthorModel;
import org.receco.core.RecEcoModel;
import org.receco.core.world.ItemStats;
import org.receco.core.world.ItemStore;

/**
 * An author as the display and its inspector see it: its parameters and the exposure, clicks and likes its
 * live items earned, with one table row per live item.
 */
public final class AuthorAgent {
    private final SpaceView view;
    private final int id;

    AuthorAgent(SpaceView view, int id) {
        this.view = view;
        this.id = id;
    }

    int id() {
        return id;
    }

    private RecEcoModel m() {
        return view.model();
    }

    public int getId() {
        return id;
    }

    public int getTopic() {
        return m().world().authors().topic(id);
    }

    public int getJoinedRound() {
        return m().world().authors().joinedRound(id);
    }

    public double getConcentration() {
        return m().authorModel() instanceof NewsAuthorModel n ? n.concentration(id) : Double.NaN;
    }

    public int getRecentLikes() {
        return m().authorModel() instanceof NewsAuthorModel n ? n.recentLikes(id) : 0;
    }

    public int getLiveItems() {
        return liveItems().size();
    }

    /** Exposures of the author's live items since publication. */
    public long getExposures() {
        long s = 0;
        for (int i : liveItems()) {
            s += m().world().stats().exposures(i);
        }
        return s;
    }

    /** Exposures of the author's live items in the latest round. */
    public long getRoundExposures() {
        long s = 0;
        for (int i : liveItems()) {
            s += m().world().stats().roundExposures(i);
        }
        return s;
    }

    public long getClicks() {
        long s = 0;
        for (int i : liveItems()) {
            s += m().world().stats().clicks(i);
        }
        return s;
    }

    public long getLikes() {
        long s = 0;
        for (int i : liveItems()) {
            s += m().world().stats().likes(i);
        }
        return s;
    }

    private List<Integer> liveItems() {
        List<Integer> list = new ArrayList<>();
        if (m().world() == null) {
            return list;
        }
        ItemStore items = m().world().items();
        for (int j = 0; j < items.liveCount(); j++) {
            int i = items.liveItem(j);
            if (items.author(i) == id) {
                list.add(i);
            }
        }
        return list;
    }

    static final String[] ITEM_COLUMNS = {"item", "created", "topic", "quality", "exposures", "round exposures",
        "clicks", "likes"};

    /** One row per live item of this author, newest first. */
    List<Object[]> itemRows() {
        List<Object[]> rows = new ArrayList<>();
        ItemStore items = m().world().items();
        ItemStats stats = m().world().stats();
        List<Integer> live = liveItems();
        for (int k = live.size() - 1; k >= 0; k--) {
            int i = live.get(k);
            rows.add(new Object[] {i, items.createdRound(i), items.topic(i), Math.round(items.quality(i) * 1e4) / 1e4,
                stats.exposures(i), stats.roundExposures(i), stats.clicks(i), stats.likes(i)});
        }
        return rows;
    }

    @Override
    public String toString() {
        return "Author " + id;
    }
}
