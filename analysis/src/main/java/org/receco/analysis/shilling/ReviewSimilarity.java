package org.receco.analysis.shilling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.receco.core.world.ReviewLog;

/**
 * Each user's review text against everyone else's: all of a user's reviews form one document, weighted by
 * TF-IDF ({@code 1 + ln tf}, {@code idf = ln(N / df)} over the N users who wrote reviews) and scaled to unit
 * length, and a user's score is the largest cosine between their document and another user's. Fake reviewers
 * writing from one template, or all carrying the same target's words (Gu et al. 2025), score near 1; people
 * writing their own words score low. Users who wrote no review score 0. Tokens are runs of letters or digits
 * of length two or more, case folded.
 */
public final class ReviewSimilarity {
    private ReviewSimilarity() {
    }

    /** The score of every user {@code u < users} (reviews by higher ids are ignored). */
    public static double[] maxCosine(ReviewLog reviews, int users) {
        List<Map<String, Integer>> tf = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            tf.add(null);
        }
        for (int k = 0; k < reviews.size(); k++) {
            int u = reviews.user(k);
            if (u >= users) {
                continue;
            }
            Map<String, Integer> doc = tf.get(u);
            if (doc == null) {
                doc = new HashMap<>();
                tf.set(u, doc);
            }
            for (String token : reviews.text(k).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (token.length() >= 2) {
                    doc.merge(token, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> df = new HashMap<>();
        int writers = 0;
        for (Map<String, Integer> doc : tf) {
            if (doc != null) {
                writers++;
                for (String t : doc.keySet()) {
                    df.merge(t, 1, Integer::sum);
                }
            }
        }
        // Unit TF-IDF weights per user, and the inverted index term -> (user, weight) in user order.
        List<Map<String, Double>> unit = new ArrayList<>(users);
        Map<String, List<double[]>> postings = new HashMap<>();
        for (int u = 0; u < users; u++) {
            Map<String, Integer> doc = tf.get(u);
            Map<String, Double> w = new HashMap<>();
            unit.add(w);
            if (doc == null) {
                continue;
            }
            double norm = 0;
            for (Map.Entry<String, Integer> e : doc.entrySet()) {
                double v = (1 + Math.log(e.getValue())) * Math.log((double) writers / df.get(e.getKey()));
                if (v > 0) {
                    w.put(e.getKey(), v);
                    norm += v * v;
                }
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (Map.Entry<String, Double> e : w.entrySet()) {
                e.setValue(e.getValue() * inv);
                postings.computeIfAbsent(e.getKey(), t -> new ArrayList<>()).add(new double[] {u, e.getValue()});
            }
        }
        double[] score = new double[users];
        double[] acc = new double[users];
        int[] touched = new int[users];
        for (int u = 0; u < users; u++) {
            Map<String, Double> mine = unit.get(u);
            int nt = 0;
            for (Map.Entry<String, Double> e : mine.entrySet()) {
                for (double[] p : postings.get(e.getKey())) {
                    int v = (int) p[0];
                    if (v == u) {
                        continue;
                    }
                    if (acc[v] == 0) {
                        touched[nt++] = v;
                    }
                    acc[v] += e.getValue() * p[1];
                }
            }
            double best = 0;
            for (int t = 0; t < nt; t++) {
                best = Math.max(best, acc[touched[t]]);
                acc[touched[t]] = 0;
            }
            score[u] = Math.min(1, best);
        }
        return score;
    }
}
