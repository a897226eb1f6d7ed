package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the written file back by the GGUF layout (header, metadata, tensor descriptions, aligned data). */
class TinyModelWriterTest {
    @TempDir
    Path dir;

    private static String string(ByteBuffer b) {
        byte[] s = new byte[(int) b.getLong()];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    /** Reads one metadata value of {@code type}; arrays as lists. */
    private static Object value(ByteBuffer b, int type) {
        return switch (type) {
            case 4, 5 -> b.getInt();
            case 6 -> b.getFloat();
            case 7 -> b.get() != 0;
            case 8 -> string(b);
            case 9 -> {
                int t = b.getInt();
                long n = b.getLong();
                List<Object> list = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    list.add(value(b, t));
                }
                yield list;
            }
            default -> throw new AssertionError("unexpected metadata type " + type);
        };
    }

    @Test
    void writesAValidGgufLlamaModel() throws Exception {
        Path f = dir.resolve("sub/tiny.gguf");
        long size = TinyModelWriter.write(f, 3);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(size, bytes.length);
        assertTrue(size > 100_000 && size < 1_000_000, "a few hundred KB: " + size);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("GGUF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        b.position(4);
        assertEquals(3, b.getInt());
        long tensors = b.getLong();
        long kvs = b.getLong();
        Map<String, Object> meta = new HashMap<>();
        for (long i = 0; i < kvs; i++) {
            String k = string(b);
            meta.put(k, value(b, b.getInt()));
        }
        assertEquals("llama", meta.get("general.architecture"));
        assertEquals(TinyModelWriter.DIM, meta.get("llama.embedding_length"));
        assertEquals(TinyModelWriter.LAYERS, meta.get("llama.block_count"));
        List<?> tokens = (List<?>) meta.get("tokenizer.ggml.tokens");
        assertEquals(tokens.size(), ((List<?>) meta.get("tokenizer.ggml.scores")).size());
        assertEquals(tokens.size(), ((List<?>) meta.get("tokenizer.ggml.token_type")).size());
        for (char c : "{}[]\":,0123456789truefalsn-.".toCharArray()) {
            assertTrue(tokens.contains(String.valueOf(c)), "the vocabulary spells JSON: " + c);
        }
        assertEquals(2 + 9 * TinyModelWriter.LAYERS + 1, tensors);
        long expectedData = 0;
        long nextOffset = 0;
        for (long i = 0; i < tensors; i++) {
            String name = string(b);
            int dims = b.getInt();
            long n = 1;
            for (int d = 0; d < dims; d++) {
                n *= b.getLong();
            }
            assertEquals(0, b.getInt(), name + " is F32");
            long offset = b.getLong();
            assertEquals(nextOffset, offset, name);
            assertEquals(0, offset % TinyModelWriter.ALIGNMENT, name);
            long len = (n * 4 + TinyModelWriter.ALIGNMENT - 1) / TinyModelWriter.ALIGNMENT * TinyModelWriter.ALIGNMENT;
            nextOffset += len;
            expectedData = offset + len;
        }
        int dataStart = (b.position() + TinyModelWriter.ALIGNMENT - 1) / TinyModelWriter.ALIGNMENT
                * TinyModelWriter.ALIGNMENT;
        assertEquals(dataStart + expectedData, bytes.length);
        // The first tensor (the embeddings) is noise, not zeros.
        assertTrue(b.getFloat(dataStart) != 0f || b.getFloat(dataStart + 4) != 0f);
    }

    @Test
    void theSeedDecidesTheWeights() throws Exception {
        TinyModelWriter.write(dir.resolve("a.gguf"), 1);
        TinyModelWriter.write(dir.resolve("b.gguf"), 1);
        TinyModelWriter.write(dir.resolve("c.gguf"), 2);
        byte[] a = Files.readAllBytes(dir.resolve("a.gguf"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b.gguf")));
        byte[] c = Files.readAllBytes(dir.resolve("c.gguf"));
        assertEquals(a.length, c.length);
        assertFalse(Arrays.equals(a, c));
        try (var s = Files.list(dir)) {
            assertEquals(3, s.count(), "no temporary files left");
        }
    }
}
