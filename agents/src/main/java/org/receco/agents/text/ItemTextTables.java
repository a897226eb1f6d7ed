package org.receco.agents.text;

import java.util.List;
import org.receco.core.spi.DeclaresTables;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.spi.RunTables;
import org.receco.core.store.Column;
import org.receco.core.store.ColumnType;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;
import org.receco.core.world.ItemStore;
import org.receco.core.world.World;

/**
 * Records the world's words ({@link World#text()}) in the run database: the topics' names once before round 0,
 * and each item's title and summary in the transaction of the round it was published, so a reader of the store
 * (SQL, the report, the GUI over a finished run) sees items as the run's prompts did. An observer only because
 * the observe phase is the last one inside the round's transaction; it records no metric and draws no random
 * number, so it changes no result.
 */
public final class ItemTextTables implements Observer, DeclaresTables {
    public static final String NAME = "item-text";

    /** Topic names; written once, before the run starts. */
    public static final TableSpec TOPICS = TableSpec.of("topics", "the name of each topic of the latent space "
                    + "(items.topic, users.topic), from the scenario's items.text vocabulary", null, List.of("topic"),
            Column.of("topic", ColumnType.INTEGER), Column.of("name", ColumnType.TEXT));

    /** One row per item, beside the {@code items} table. */
    public static final TableSpec ITEM_TEXT = TableSpec.of("item_text", "each item's title and one-line summary "
                    + "(items.text), in the transaction of the round it was published", "created_round",
            List.of("item_id"),
            Column.of("item_id", ColumnType.INTEGER), Column.of("created_round", ColumnType.INTEGER),
            Column.of("title", ColumnType.TEXT), Column.of("summary", ColumnType.TEXT));

    private World world;
    private TableWriter itemText;
    private int written;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(RoundView view) {
        world = view.world();
        written = 0;
    }

    @Override
    public void declareTables(RunTables tables) {
        TableWriter topics = tables.table(TOPICS);
        for (int t = 0; t < world.space().topics(); t++) {
            topics.append(t, world.text().topicName(t));
        }
        itemText = tables.table(ITEM_TEXT);
        writeNewItems(); // any published before round 0 go in with the initial items
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        writeNewItems();
    }

    private void writeNewItems() {
        ItemStore items = world.items();
        int count = items.count();
        for (int i = written; i < count; i++) {
            itemText.append(i, items.createdRound(i), world.text().title(i), world.text().summary(i));
        }
        written = count;
    }
}
