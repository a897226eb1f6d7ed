package org.receco.scenarios.cli;

/** Counts with their noun in the right number, for the commands' summaries: "1 run", "2 runs". */
final class Plural {
    private Plural() {
    }

    /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1 (the nouns used are all regular). */
    static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
