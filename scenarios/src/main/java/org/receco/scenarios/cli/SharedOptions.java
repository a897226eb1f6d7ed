package org.receco.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The options several commands take, declared once so that each means the same thing, has the same value type
 * and reads the same in every command's help: {@code --set}, {@code --seed}, {@code --rounds},
 * {@code --threads}, {@code --out}, {@code -q} and {@code --dry-run}. A command whose {@code --out} has its own
 * default declares it with {@link #out(String)}, which keeps the shared wording and appends the default.
 * {@code CommandGrammarTest} walks every registered command and checks it uses these.
 */
public final class SharedOptions {
    /** {@code --set PATH=VALUE}, repeatable. */
    public static final OptionSpec<String> SET = OptionSpec.repeatable("--set", "PATH=VALUE", ValueType.STRING,
            "Override a scenario value (repeatable; later wins), e.g. --set slate.coldStart=20, "
                    + "--set recommender.name=random, --set events.0.round=3. VALUE is read as YAML.");
    /** {@code --seed N}: the root seed every random draw derives from. */
    public static final OptionSpec<Long> SEED = OptionSpec.single("--seed", "N", ValueType.LONG,
            "Root seed, from which every run's seed derives (overrides the file's seed).");
    /** {@code --rounds N}: the same as {@code --set rounds=N}. */
    public static final OptionSpec<Integer> ROUNDS = OptionSpec.single("--rounds", "N", ValueType.INT,
            "Rounds to play (overrides the scenario's; the same as --set rounds=N).");
    /** {@code --threads N}: how many cores to use, never what the results are. */
    public static final OptionSpec<Integer> THREADS = OptionSpec.single("--threads", "N", ValueType.INT,
            "Threads to use (default 0: a run's scenario setting, all cores for a sweep or study). Results do not "
                    + "depend on it.")
            .withDefault("0");
    /** {@code -q, --quiet}. */
    public static final OptionSpec<Boolean> QUIET = OptionSpec.flag("-q", "--quiet", "No progress output.");
    /** {@code --dry-run}. */
    public static final OptionSpec<Boolean> DRY_RUN = OptionSpec.flag("--dry-run",
            "Check the file and list what would run and where; run nothing, write nothing.");

    /** The start of every {@code --out}'s help; {@link #out(String)} appends the command's default. */
    public static final String OUT_HELP = "Output directory";

    private SharedOptions() {
    }

    /** {@code --out DIR} with the command's default described in words ({@code "runs"}). */
    public static OptionSpec<Path> out(String defaultDescription) {
        return OptionSpec.single("--out", "DIR", ValueType.PATH, OUT_HELP + " (default: " + defaultDescription
                + ").");
    }

    /** The shared options with a fixed declaration ({@code --out} is checked by its wording). */
    static List<OptionSpec<?>> all() {
        return List.of(SET, SEED, ROUNDS, THREADS, QUIET, DRY_RUN);
    }

    /**
     * Where {@code spec} declares a shared option otherwise than here: another name set, value label, value
     * type, multiplicity or help text (for {@code --out}: help not starting with {@link #OUT_HELP}). Empty when
     * the command speaks the common grammar; commands of extensions check themselves with it too.
     */
    public static List<String> differences(CommandSpec spec) {
        List<String> out = new java.util.ArrayList<>();
        for (OptionSpec<?> o : spec.options()) {
            OptionSpec<?> shared = null;
            for (OptionSpec<?> s : all()) {
                if (s.hasName(o.longName())) {
                    shared = s;
                }
            }
            String where = spec.name() + " " + o.longName() + ": ";
            if (shared != null) {
                if (!o.names().equals(shared.names()) || !java.util.Objects.equals(o.paramLabel(), shared.paramLabel())
                        || o.type() != shared.type() || o.multiplicity() != shared.multiplicity()) {
                    out.add(where + "declared as " + o.names() + " " + o.paramLabel() + " (" + o.type().what()
                            + "), shared as " + shared.names() + " " + shared.paramLabel() + " ("
                            + shared.type().what() + ")");
                }
                if (!o.description().equals(shared.description())) {
                    out.add(where + "help '" + o.description() + "' differs from the shared '"
                            + shared.description() + "'");
                }
            } else if (o.longName().equals("--out") && (o.type() != ValueType.PATH || !"DIR".equals(o.paramLabel())
                    || !o.description().startsWith(OUT_HELP + " (default: "))) {
                out.add(where + "not declared with SharedOptions.out(default)");
            }
            for (String n : o.names()) {
                for (OptionSpec<?> s : all()) {
                    if (s.hasName(n) && !s.longName().equals(o.longName())) {
                        out.add(where + "uses the name " + n + " of the shared " + s.longName());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Why {@code --threads} is out of range, or null: it takes 0 (the default) or a positive count.
     */
    public static String threadsProblem(String command, int threads) {
        return threads < 0 ? "receco " + command + ": --threads " + threads
                + " is negative; give 0 (the default) or a number of threads" : null;
    }

    /**
     * Why {@code dir} cannot be an output directory, or null: it, or a directory it would be created in, is a
     * regular file. Checked before anything runs, so the mistake exits {@value RecEcoCli#INVALID_INPUT} with a
     * plain message rather than failing when the first file is written.
     */
    public static String outProblem(String command, Path dir) {
        if (dir == null) {
            return null;
        }
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return "receco " + command + ": --out " + dir + ": " + (p.equals(dir.toAbsolutePath().normalize())
                        ? "is a file, not a directory" : p + " is a file, not a directory");
            }
        }
        return null;
    }

    /** {@code overrides} followed by {@code seed=} and {@code rounds=} for the options given (null: not given). */
    public static List<String> withSeedAndRounds(List<String> overrides, Long seed, Integer rounds) {
        List<String> all = new java.util.ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        if (rounds != null) {
            all.add("rounds=" + rounds);
        }
        return all;
    }
}
