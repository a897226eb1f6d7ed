package org.receco.agents.llm.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real quantised all-MiniLM-L6-v2, in the JVM, offline. */
class MiniLmEmbedderTest {
    private static final MiniLmEmbedder MINILM = new MiniLmEmbedder();

    /**
     * Anchor, a paraphrase on the same subject, and a sentence on another subject. Sentence-BERT models put
     * paraphrases at cosine 0.5-0.8 and unrelated news sentences near 0-0.2 (Reimers and Gurevych, EMNLP 2019); a
     * margin of {@value #MARGIN} leaves room for the quantisation's error (about 0.01) and is still far above
     * what chance word overlap gives.
     */
    private static final double MARGIN = 0.2;
    private static final List<List<String>> TRIPLES = List.of(
            List.of("The striker scored twice in the cup final.", "A football team won the championship match.",
                    "The central bank raised interest rates again."),
            List.of("I loved this romantic comedy, it made me laugh.", "A funny and charming love story film.",
                    "The volcano erupted and villages were evacuated."),
            List.of("Parliament votes on the new budget today.", "Lawmakers debate government spending plans.",
                    "My cat sleeps on the sofa all afternoon."),
            List.of("Astronomers found water on a distant exoplanet.", "Scientists detect signs of water beyond our "
                    + "solar system.", "The bakery on the corner sells fresh croissants."),
            List.of("I was bored by yet another slow thriller.", "That suspense movie was dull and tedious to watch.",
                    "Stock markets rallied after strong earnings."));

    @Test
    void relatedSentencesAreCloserThanUnrelatedOnes() {
        for (List<String> t : TRIPLES) {
            float[][] v = MINILM.embed(t);
            double related = Embedder.dot(v[0], v[1]);
            double unrelated = Embedder.dot(v[0], v[2]);
            assertTrue(related - unrelated > MARGIN, String.format("%s: related %.3f, unrelated %.3f", t, related,
                    unrelated));
        }
    }

    @Test
    void vectorsAreUnitLengthAndTheSameWhateverTheBatch() {
        List<String> texts = List.of("The striker scored twice.", "Rates rose again.", "A quiet afternoon.");
        float[][] a = MINILM.embed(texts);
        assertEquals(3, a.length);
        for (float[] v : a) {
            assertEquals(MiniLmEmbedder.DIMS, v.length);
            assertEquals(1.0, Embedder.dot(v, v), 1e-5);
        }
        float[][] b = MINILM.embed(texts);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a[i], b[i], "same text, same vector");
        }
        float[][] alone = MINILM.embed(List.of(texts.get(1)));
        float[][] otherBatch = MINILM.embed(List.of("Something else entirely.", texts.get(1)));
        assertArrayEquals(a[1], alone[0], "a vector does not depend on its batch");
        assertArrayEquals(a[1], otherBatch[1]);
        assertEquals(0, MINILM.embed(List.of()).length);
        assertEquals(MiniLmEmbedder.DIMS, MINILM.dims());
    }
}
