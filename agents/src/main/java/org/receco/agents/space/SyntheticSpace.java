package org.receco.agents.space;

import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.world.LatentSpace;

/**
 * A synthetic Gaussian-mixture latent space, standing in for the Adressa-fitted space of SimuLine (Zhang et
 * al., TCSS 2024), where users and creators are resampled from a per-category Gaussian mixture. Here K topic
 * centres are drawn from N(0, centreScale² I); an agent's topic is drawn from the mixture weights and its
 * vector from N(centre, spread² I). Each population draws from its own named stream.
 */
public final class SyntheticSpace {
    private final SpaceParams params;
    private final LatentSpace space;
    private final double[] cumulative;
    private final DirichletSpace dirichlet;

    public SyntheticSpace(SpaceParams params, RandomStreams streams) {
        this.params = params;
        if (params.kind() == SpaceParams.Kind.dirichlet) {
            this.dirichlet = new DirichletSpace(params.dims(), params.userPrior(), params.userSpread(),
                    params.authorSpread());
            this.space = dirichlet.space();
            this.cumulative = new double[] {1.0};
            return;
        }
        this.dirichlet = null;
        SplitMix rng = streams.stream("space.centres");
        float[] centres = new float[params.topics() * params.dims()];
        for (int j = 0; j < centres.length; j++) {
            centres[j] = (float) (params.centreScale() * rng.nextGaussian());
        }
        this.space = new LatentSpace(params.dims(), centres);
        this.cumulative = new double[params.topics()];
        double total = 0;
        for (int t = 0; t < params.topics(); t++) {
            total += params.topicWeights().isEmpty() ? 1.0 : params.topicWeights().get(t);
            cumulative[t] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("space.topicWeights must not all be zero");
        }
    }

    public LatentSpace space() {
        return space;
    }

    /** A population of {@code count} agents: their topics and vectors (row-major). */
    public record Population(int[] topics, float[] vectors) {
    }

    public Population drawUsers(int count, SplitMix rng) {
        if (dirichlet != null) {
            return dirichlet.drawUsers(count, rng);
        }
        return draw(count, params.userSpread(), rng);
    }

    public Population drawAuthors(int count, SplitMix rng) {
        if (dirichlet != null) {
            return dirichlet.drawAuthors(count, rng);
        }
        return draw(count, params.authorSpread(), rng);
    }

    private Population draw(int count, double spread, SplitMix rng) {
        int d = params.dims();
        int[] topics = new int[count];
        float[] vecs = new float[count * d];
        double total = cumulative[cumulative.length - 1];
        for (int q = 0; q < count; q++) {
            double x = rng.nextDouble() * total;
            int t = 0;
            while (t < cumulative.length - 1 && x >= cumulative[t]) {
                t++;
            }
            topics[q] = t;
            for (int k = 0; k < d; k++) {
                vecs[q * d + k] = (float) (space.centre(t, k) + spread * rng.nextGaussian());
            }
        }
        return new Population(topics, vecs);
    }
}
