package org.receco.agents.llm;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a tiny random-weight model in llama.cpp's GGUF format (version 3): a llama-architecture transformer with
 * {@value #LAYERS} layers of width {@value #DIM} and a sentencepiece-style vocabulary of control tokens, the 256
 * byte-fallback tokens and the printable ASCII characters, so that it can spell any JSON. Its output means nothing;
 * it exists so that the whole LLM protocol (server, grammar-constrained sampling, client, records) can run here
 * without downloadable weights.
 *
 * <p>The file is: the header (magic {@code GGUF}, version, tensor count, metadata count), the metadata key-value
 * pairs, the tensor descriptions (name, dimensions innermost first, type, offset), padding to
 * {@value #ALIGNMENT} bytes and the tensor data, each tensor starting at a multiple of the alignment. All numbers
 * are little-endian. Weights are F32, drawn from a generator seeded by the caller, so the file is reproducible.
 */
public final class TinyModelWriter {
    static final int LAYERS = 2;
    static final int DIM = 64;
    static final int HEADS = 4;
    static final int FEED_FORWARD = 128;
    static final int CONTEXT = 2048;
    static final int ALIGNMENT = 32;

    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_INT32 = 5;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_BOOL = 7;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int GGML_TYPE_F32 = 0;

    private static final int TOKEN_NORMAL = 1;
    private static final int TOKEN_UNKNOWN = 2;
    private static final int TOKEN_CONTROL = 3;
    private static final int TOKEN_BYTE = 6;

    private TinyModelWriter() {
    }

    /** The tokens of the vocabulary, in id order: unknown, begin, end, 256 bytes, printable ASCII. */
    static List<String> tokens() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
        }
        // Sentencepiece writes a space as U+2581 ("lower one eighth block").
        tokens.add("\u2581");
        for (char c = '!'; c <= '~'; c++) {
            tokens.add(String.valueOf(c));
        }
        return tokens;
    }

    private static int tokenType(int id) {
        if (id == 0) {
            return TOKEN_UNKNOWN;
        }
        if (id < 3) {
            return TOKEN_CONTROL;
        }
        return id < 3 + 256 ? TOKEN_BYTE : TOKEN_NORMAL;
    }

    /**
     * Writes the model to {@code file} (through a temporary file in the same directory, so that a failure leaves
     * no partial model) and returns its size in bytes.
     */
    public static long write(Path file, long seed) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // A sibling rather than Files.createTempFile, whose owner-only permissions the model would keep.
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(out, seed);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Files.size(file);
    }

    /** Writes the model to {@code out}. */
    static void write(OutputStream out, long seed) throws IOException {
        List<String> tokens = tokens();
        int vocab = tokens.size();
        List<Tensor> tensors = tensors(vocab);
        Gguf g = new Gguf();
        g.kvString("general.architecture", "llama");
        g.kvString("general.name", "receco-tiny");
        g.kvU32("general.alignment", ALIGNMENT);
        g.kvU32("llama.context_length", CONTEXT);
        g.kvU32("llama.embedding_length", DIM);
        g.kvU32("llama.block_count", LAYERS);
        g.kvU32("llama.feed_forward_length", FEED_FORWARD);
        g.kvU32("llama.rope.dimension_count", DIM / HEADS);
        g.kvU32("llama.attention.head_count", HEADS);
        g.kvU32("llama.attention.head_count_kv", HEADS);
        g.kvF32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        g.kvU32("llama.vocab_size", vocab);
        g.kvString("tokenizer.ggml.model", "llama");
        g.key("tokenizer.ggml.tokens");
        g.u32(TYPE_ARRAY);
        g.u32(TYPE_STRING);
        g.u64(vocab);
        for (String t : tokens) {
            g.string(t);
        }
        g.key("tokenizer.ggml.scores");
        g.u32(TYPE_ARRAY);
        g.u32(TYPE_FLOAT32);
        g.u64(vocab);
        for (int i = 0; i < vocab; i++) {
            g.f32(tokenType(i) == TOKEN_NORMAL ? -1f : 0f);
        }
        g.key("tokenizer.ggml.token_type");
        g.u32(TYPE_ARRAY);
        g.u32(TYPE_INT32);
        g.u64(vocab);
        for (int i = 0; i < vocab; i++) {
            g.i32(tokenType(i));
        }
        g.kvU32("tokenizer.ggml.unknown_token_id", 0);
        g.kvU32("tokenizer.ggml.bos_token_id", 1);
        g.kvU32("tokenizer.ggml.eos_token_id", 2);
        g.kvBool("tokenizer.ggml.add_bos_token", true);
        g.kvBool("tokenizer.ggml.add_eos_token", false);
        // A ChatML template, so that servers format chat messages without guessing.
        g.kvString("tokenizer.chat_template", "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}"
                + "<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}");
        long offset = 0;
        for (Tensor t : tensors) {
            g.string(t.name);
            g.u32(t.dims.length);
            for (long d : t.dims) {
                g.u64(d);
            }
            g.u32(GGML_TYPE_F32);
            g.u64(offset);
            offset += align(t.count() * 4L);
        }
        Gguf head = new Gguf();
        head.raw(new byte[] {'G', 'G', 'U', 'F'});
        head.u32(3);
        head.u64(tensors.size());
        head.u64(g.keys);
        head.raw(g.bytes());
        head.pad();
        out.write(head.bytes());
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : tensors) {
            long n = t.count();
            for (long i = 0; i < n; i++) {
                if (!buf.hasRemaining()) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                // Norm weights of one keep activations at scale; the rest small Gaussian noise.
                buf.putFloat(t.norm ? 1f : (float) (random.nextDouble(-1, 1) * 0.1));
            }
            long padding = align(n * 4L) - n * 4L;
            for (long i = 0; i < padding; i++) {
                if (!buf.hasRemaining()) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.put((byte) 0);
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    private static List<Tensor> tensors(int vocab) {
        List<Tensor> t = new ArrayList<>();
        t.add(new Tensor("token_embd.weight", false, DIM, vocab));
        for (int l = 0; l < LAYERS; l++) {
            String p = "blk." + l + ".";
            t.add(new Tensor(p + "attn_norm.weight", true, DIM));
            t.add(new Tensor(p + "attn_q.weight", false, DIM, DIM));
            t.add(new Tensor(p + "attn_k.weight", false, DIM, DIM));
            t.add(new Tensor(p + "attn_v.weight", false, DIM, DIM));
            t.add(new Tensor(p + "attn_output.weight", false, DIM, DIM));
            t.add(new Tensor(p + "ffn_norm.weight", true, DIM));
            t.add(new Tensor(p + "ffn_gate.weight", false, DIM, FEED_FORWARD));
            t.add(new Tensor(p + "ffn_up.weight", false, DIM, FEED_FORWARD));
            t.add(new Tensor(p + "ffn_down.weight", false, FEED_FORWARD, DIM));
        }
        t.add(new Tensor("output_norm.weight", true, DIM));
        t.add(new Tensor("output.weight", false, DIM, vocab));
        return t;
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** One tensor: its GGUF name, whether it is a norm weight, its dimensions innermost first. */
    private record Tensor(String name, boolean norm, long... dims) {
        long count() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    /** The header, metadata and tensor descriptions, little-endian. */
    private static final class Gguf {
        private ByteBuffer buf = ByteBuffer.allocate(1 << 14).order(ByteOrder.LITTLE_ENDIAN);
        private int keys;

        private void ensure(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        void raw(byte[] b) {
            ensure(b.length);
            buf.put(b);
        }

        void u32(int v) {
            ensure(4);
            buf.putInt(v);
        }

        void i32(int v) {
            u32(v);
        }

        void u64(long v) {
            ensure(8);
            buf.putLong(v);
        }

        void f32(float v) {
            ensure(4);
            buf.putFloat(v);
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            raw(b);
        }

        void key(String k) {
            keys++;
            string(k);
        }

        void kvString(String k, String v) {
            key(k);
            u32(TYPE_STRING);
            string(v);
        }

        void kvU32(String k, int v) {
            key(k);
            u32(TYPE_UINT32);
            u32(v);
        }

        void kvF32(String k, float v) {
            key(k);
            u32(TYPE_FLOAT32);
            f32(v);
        }

        void kvBool(String k, boolean v) {
            key(k);
            u32(TYPE_BOOL);
            ensure(1);
            buf.put((byte) (v ? 1 : 0));
        }

        void pad() {
            while (buf.position() % ALIGNMENT != 0) {
                ensure(1);
                buf.put((byte) 0);
            }
        }

        byte[] bytes() {
            byte[] b = new byte[buf.position()];
            buf.flip();
            buf.get(b);
            return b;
        }
    }
}
