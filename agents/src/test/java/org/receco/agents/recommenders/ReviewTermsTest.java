package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewTermsTest {
    private static List<Integer> buckets(String text, int n) {
        List<Integer> out = new ArrayList<>();
        ReviewTerms.forEach(text, n, out::add);
        return out;
    }

    @Test
    void tokensAreCaseFoldedRunsOfTwoOrMoreLettersOrDigits() {
        List<Integer> b = buckets("Great ROCKET, great rocket! a 42x", 1 << 20);
        assertEquals(5, b.size(), "the one-letter 'a' is no token");
        assertEquals(b.get(0), b.get(2));
        assertEquals(b.get(1), b.get(3));
        assertNotEquals(b.get(0), b.get(1));
        assertEquals(buckets("42x", 1 << 20).get(0), b.get(4));
    }

    @Test
    void bucketsStayInRange() {
        for (int n : new int[] {1, 7, 256}) {
            for (int v : buckets("the quick brown fox jumps over the lazy dog", n)) {
                assertEquals(v, Math.floorMod(v, n));
            }
        }
    }
}
