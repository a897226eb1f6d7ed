package org.receco.agents.authors;

import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.ComponentFactory;

/**
 * Authors who never publish: the catalogue is whatever the world started with, as in a world initialised from a
 * fixed data set (MovieLens' movies, see {@link org.receco.agents.data.RatingsWorld}) where nothing new appears.
 */
public final class StaticCatalogueModel implements AuthorModel {
    public static final String NAME = "static";

    /** No parameters. */
    public record Params() {
    }

    public static final ComponentFactory<Params, AuthorModel> FACTORY = ComponentFactory.of(NAME,
            "authors publish nothing: a fixed catalogue (e.g. the movies of a ratings world)", Params.class,
            new Params(), params -> new StaticCatalogueModel());

    @Override
    public void onAuthorsAdded(int from, int to, SplitMix rng) {
    }

    @Override
    public void publish(int a, int round, SplitMix rng) {
    }

    @Override
    public void afterRound(RoundState state) {
    }
}
