package org.receco.scenarios.sweep;

/**
 * Shard {@code index} of {@code count}: the runs whose position in the plan is {@code index} modulo
 * {@code count}. Written {@code i/n} with {@code 0 <= i < n}, as a Slurm array task passes
 * {@code $SLURM_ARRAY_TASK_ID/$COUNT} for {@code --array=0-(n-1)}.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is i/n with 0 <= i < n, got " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is i/n with 0 <= i < n (e.g. 0/4), got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is i/n with 0 <= i < n (e.g. 0/4), got '" + text + "'", e);
        }
    }

    public boolean owns(int ordinal) {
        return ordinal % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
