package org.receco.agents.llm.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (Reimers and Gurevych, "Sentence-BERT", EMNLP 2019; Wang et al.,
 * "MiniLM", NeurIPS 2020), quantised, run in the JVM by onnxruntime through langchain4j's in-process model: the
 * 23 MB model ships inside its jar, so this works offline and costs no call. 384 dimensions, mean-pooled.
 *
 * <p>langchain4j embeds each text on its own (in parallel, results in order), so a text's vector does not depend
 * on the rest of the batch. The model is loaded once per JVM, on first use (about a second).
 */
public final class MiniLmEmbedder implements Embedder {
    public static final String NAME = "all-minilm-l6-v2-q";
    public static final int DIMS = 384;

    /** The one model of the JVM; loading it reads the 23 MB ONNX file. */
    private static final class Model {
        static final AllMiniLmL6V2QuantizedEmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();

        private Model() {
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dims() {
        return DIMS;
    }

    @Override
    public float[][] embed(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        List<Embedding> out = Model.INSTANCE.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        float[][] vectors = new float[out.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = Embedder.normalise(out.get(i).vector().clone());
        }
        return vectors;
    }
}
