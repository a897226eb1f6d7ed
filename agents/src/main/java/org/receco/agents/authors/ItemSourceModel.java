package org.receco.agents.authors;

import org.receco.agents.space.Dirichlet;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.ComponentFactory;
import org.receco.core.world.World;

/**
 * Authors as item sources, for utility worlds (Chaney, Stewart &amp; Engelhardt, "How Algorithmic Confounding
 * in Recommendation Systems Increases Homogeneity and Decreases Utility", RecSys 2018; T-RECS): each round
 * every author publishes a batch of items whose attributes are {@code β_i ~ Dir(concentration · v_a)}, v_a
 * being the author's vector on the simplex ({@code space.kind: dirichlet}); round 0 adds {@code initialItems}.
 * Authors do not adapt; items have quality 0 and topic = their largest attribute.
 */
public final class ItemSourceModel implements AuthorModel {
    public static final String NAME = "item-source";

    public static final ComponentFactory<ItemSourceParams, AuthorModel> FACTORY = ComponentFactory.of(NAME,
            "item sources: batches of items with Dirichlet attributes around the author's vector",
            ItemSourceParams.class, ItemSourceParams.defaults(), params -> new ItemSourceModel(params));

    private final ItemSourceParams params;
    private World world;
    private float[] vec = new float[0];
    private double[] alpha = new double[0];
    private double[] scratch = new double[0];

    public ItemSourceModel(ItemSourceParams params) {
        this.params = params;
    }

    @Override
    public void init(World w) {
        world = w;
        int d = w.dims();
        vec = new float[d];
        alpha = new double[d];
        scratch = new double[d];
    }

    @Override
    public void onAuthorsAdded(int from, int to, SplitMix rng) {
    }

    @Override
    public void publish(int a, int round, SplitMix rng) {
        int d = world.dims();
        float[] av = world.authors().vectors();
        double sum = 0;
        for (int k = 0; k < d; k++) {
            sum += Math.max(0f, av[a * d + k]);
        }
        for (int k = 0; k < d; k++) {
            double share = sum > 0 ? Math.max(0f, av[a * d + k]) / sum : 1.0 / d;
            alpha[k] = Math.max(1e-300, params.concentration() * share);
        }
        int n = params.itemsPerRound() + (round == 0 ? params.initialItems() : 0);
        for (int q = 0; q < n; q++) {
            Dirichlet.sample(alpha, d, rng, vec, 0, scratch);
            world.items().add(vec, 0, a, round, 0f, world.space().nearestTopic(vec, 0));
        }
    }

    @Override
    public void afterRound(RoundState state) {
    }
}
