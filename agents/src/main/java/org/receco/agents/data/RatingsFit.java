package org.receco.agents.data;

/**
 * A biased matrix factorisation of a rating matrix (Koren, Bell &amp; Volinsky, "Matrix Factorization Techniques
 * for Recommender Systems", IEEE Computer 2009): {@code r̂_ui = μ + b_u + b_i + q_i·p_u}, factors row-major
 * ({@code userFactors[u*d .. u*d+d)}). {@code rmse} is the fit's root mean squared error on the ratings it was fitted
 * to, {@code baselineRmse} that of predicting the global mean μ for every rating.
 */
public record RatingsFit(int factors, double globalMean, float[] userFactors, float[] itemFactors,
                         float[] userBias, float[] itemBias, double rmse, double baselineRmse) {

    public int users() {
        return userBias.length;
    }

    public int items() {
        return itemBias.length;
    }

    /** The fitted rating of item {@code i} by user {@code u}. */
    public double predict(int u, int i) {
        double s = globalMean + userBias[u] + itemBias[i];
        for (int k = 0; k < factors; k++) {
            s += (double) userFactors[u * factors + k] * itemFactors[i * factors + k];
        }
        return s;
    }
}
