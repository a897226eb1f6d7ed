package org.receco.gui;

import org.receco.core.world.ItemStats;
import org.receco.core.world.ItemStore;

/** A published item as the display and its inspector see it. */
public final class ItemAgent {
    private final SpaceView view;
    private final int id;
    private final int topic;

    ItemAgent(SpaceView view, int id, int topic) {
        this.view = view;
        this.id = id;
        this.topic = topic;
    }

    int topic() {
        return topic;
    }

    private ItemStore items() {
        return view.model().world().items();
    }

    private ItemStats stats() {
        return view.model().world().stats();
    }

    public int getId() {
        return id;
    }

    public int getAuthor() {
        return items().author(id);
    }

    public int getTopic() {
        return topic;
    }

    /** The item's title from the scenario's vocabulary (items.text). */
    public String getTitle() {
        return view.model().world().text().title(id);
    }

    public String getSummary() {
        return view.model().world().text().summary(id);
    }

    public String getTopicName() {
        return view.model().world().text().topicName(topic);
    }

    public int getCreatedRound() {
        return items().createdRound(id);
    }

    public boolean getLive() {
        return items().isLive(id);
    }

    public double getQuality() {
        return items().quality(id);
    }

    public int getExposures() {
        return stats().exposures(id);
    }

    public int getRoundExposures() {
        return stats().roundExposures(id);
    }

    public int getClicks() {
        return stats().clicks(id);
    }

    public int getLikes() {
        return stats().likes(id);
    }

    @Override
    public String toString() {
        return "Item " + id;
    }
}
