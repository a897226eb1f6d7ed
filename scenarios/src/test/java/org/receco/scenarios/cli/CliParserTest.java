package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The argument parser on a command declaring every kind of option and parameter. */
class CliParserTest {
    static final PositionalSpec<Path> FILE = PositionalSpec.required("FILE", ValueType.PATH, "A file.");
    static final OptionSpec<Path> OUT = OptionSpec.single("--out", "DIR", ValueType.PATH, "Output.")
            .withDefault("runs");
    static final OptionSpec<Integer> THREADS = OptionSpec.single("--threads", "N", ValueType.INT, "Threads.")
            .withDefault("0");
    static final OptionSpec<Integer> ROUNDS = OptionSpec.single("--rounds", "N", ValueType.INT, "Rounds.");
    static final OptionSpec<Long> SEED = OptionSpec.single("--seed", "N", ValueType.LONG, "Seed.");
    static final OptionSpec<String> SET = OptionSpec.repeatable("--set", "PATH=VALUE", ValueType.STRING, "Set.");
    static final OptionSpec<String> NAMES = OptionSpec.list("--names", "NAME", ValueType.STRING, ",", "Names.");
    static final OptionSpec<Integer> AT = OptionSpec.list("--at", "R", ValueType.INT, ",", "Rounds.");
    static final OptionSpec<Boolean> QUIET = OptionSpec.flag("-q", "--quiet", "Quiet.");
    static final OptionSpec<Boolean> KEEP = OptionSpec.flag("-k", "--keep", "Keep.");
    static final OptionSpec<Boolean> DRY_RUN = OptionSpec.flag("--dry-run", "Dry run.");

    static final CommandSpec COMMAND = new CommandSpec("demo", List.of("A demo."), List.of(FILE),
            List.of(OUT, THREADS, ROUNDS, SEED, SET, NAMES, AT, QUIET, KEEP, DRY_RUN));

    static final PositionalSpec<Path> MAYBE_FILE = PositionalSpec.optional("FILE", ValueType.PATH, "A file.");
    static final CommandSpec OPTIONAL = new CommandSpec("opt", List.of("Optional file."), List.of(MAYBE_FILE),
            List.of(QUIET));

    static final PositionalSpec<Path> RUNS = PositionalSpec.oneOrMore("RUN_DIR", ValueType.PATH, "Runs.");
    static final CommandSpec MANY = new CommandSpec("many", List.of("Several runs."), List.of(RUNS), List.of());

    private static ParsedArgs parse(CommandSpec spec, String... args) throws UsageException {
        return CliParser.parse(spec, args, 0);
    }

    private static String error(CommandSpec spec, String... args) {
        return assertThrows(UsageException.class, () -> parse(spec, args)).getMessage();
    }

    @Test
    void valuesAreGivenWithAnEqualsSignOrAsTheNextArgument() throws UsageException {
        ParsedArgs a = parse(COMMAND, "f.yaml", "--out=o1", "--threads", "3");
        assertEquals(Path.of("o1"), a.value(OUT));
        assertEquals(3, a.value(THREADS));
        assertEquals(Path.of("f.yaml"), a.value(FILE));
        ParsedArgs b = parse(COMMAND, "--out", "o2", "--threads=4", "f.yaml");
        assertEquals(Path.of("o2"), b.value(OUT));
        assertEquals(4, b.value(THREADS));
        assertEquals(Path.of("f.yaml"), b.value(FILE));
    }

    @Test
    void anEqualsSignInTheValueIsKept() throws UsageException {
        ParsedArgs a = parse(COMMAND, "f", "--set=a.b=1", "--set", "c=2=3");
        assertEquals(List.of("a.b=1", "c=2=3"), a.values(SET));
    }

    @Test
    void repeatableOptionsCollectTheirValuesInOrder() throws UsageException {
        ParsedArgs a = parse(COMMAND, "--set", "x=1", "f", "--set=y=2", "--set", "x=3");
        assertEquals(List.of("x=1", "y=2", "x=3"), a.values(SET));
        assertEquals(List.of(), parse(COMMAND, "f").values(SET));
    }

    @Test
    void valuesStartingWithADashAreTakenInBothForms() throws UsageException {
        ParsedArgs a = parse(COMMAND, "f", "--set", "-x=1", "--set=--time=1:00", "--seed", "-5", "--rounds=-2");
        assertEquals(List.of("-x=1", "--time=1:00"), a.values(SET));
        assertEquals(-5L, a.value(SEED));
        assertEquals(-2, a.value(ROUNDS));
        assertEquals(Path.of("-"), parse(COMMAND, "-").value(FILE), "a lone '-' is a parameter");
    }

    @Test
    void listOptionsSplitAtTheSeparatorAndAddUp() throws UsageException {
        ParsedArgs a = parse(COMMAND, "f", "--names", "a,b", "--names=c", "--at", "0,3", "--at=7");
        assertEquals(List.of("a", "b", "c"), a.values(NAMES));
        assertEquals(List.of(0, 3, 7), a.values(AT));
    }

    @Test
    void absentOptionsTakeTheirDefaultsOrNull() throws UsageException {
        ParsedArgs a = parse(COMMAND, "f");
        assertEquals(Path.of("runs"), a.value(OUT));
        assertEquals(0, a.value(THREADS));
        assertNull(a.value(ROUNDS), "an Integer without a default is null when absent");
        assertNull(a.value(SEED));
        assertFalse(a.isGiven(OUT));
        assertTrue(parse(COMMAND, "f", "--out", "runs").isGiven(OUT));
    }

    @Test
    void flagsAreFalseUnlessGivenByEitherNameOrCombined() throws UsageException {
        ParsedArgs none = parse(COMMAND, "f");
        assertFalse(none.flag(QUIET));
        assertFalse(none.flag(KEEP));
        assertFalse(none.flag(DRY_RUN));
        assertTrue(parse(COMMAND, "f", "-q").flag(QUIET));
        assertTrue(parse(COMMAND, "--quiet", "f").flag(QUIET));
        assertTrue(parse(COMMAND, "f", "--dry-run").flag(DRY_RUN));
        ParsedArgs both = parse(COMMAND, "f", "-qk");
        assertTrue(both.flag(QUIET));
        assertTrue(both.flag(KEEP));
    }

    @Test
    void anOptionalParameterIsNullWhenAbsent() throws UsageException {
        assertNull(parse(OPTIONAL).value(MAYBE_FILE));
        assertNull(parse(OPTIONAL, "-q").value(MAYBE_FILE));
        assertEquals(Path.of("x.yaml"), parse(OPTIONAL, "x.yaml", "-q").value(MAYBE_FILE));
    }

    @Test
    void aParameterOfOneOrMoreTakesEveryArgument() throws UsageException {
        assertEquals(List.of(Path.of("a"), Path.of("b"), Path.of("c")), parse(MANY, "a", "b", "c").values(RUNS));
        assertEquals("Missing required parameter: 'RUN_DIR'", error(MANY));
    }

    @Test
    void doubleDashEndsTheOptions() throws UsageException {
        ParsedArgs a = parse(COMMAND, "-q", "--", "--out");
        assertEquals(Path.of("--out"), a.value(FILE));
        assertEquals(Path.of("runs"), a.value(OUT));
        assertEquals(List.of(Path.of("-q"), Path.of("--help")), parse(MANY, "--", "-q", "--help").values(RUNS));
    }

    @Test
    void anUnknownOptionIsNamedWithTheClosestKnownOne() {
        assertEquals("Unknown option: '--bogus'", error(COMMAND, "f", "--bogus"));
        assertEquals("Unknown option: '--ot=x' (did you mean '--out'?)", error(COMMAND, "f", "--ot=x"));
        assertEquals("Unknown option: '-x'", error(COMMAND, "f", "-x"));
        assertEquals("Unknown option: '-qx'", error(COMMAND, "f", "-qx"));
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        assertEquals("Missing required parameter: 'FILE'", error(COMMAND));
        assertEquals("Missing required parameter: 'FILE'", error(COMMAND, "--out", "o"));
    }

    @Test
    void aMissingOptionValueIsNamed() {
        assertEquals("Missing required parameter for option '--out' (DIR)", error(COMMAND, "f", "--out"));
        assertEquals("Missing required parameter for option '--out' (DIR)", error(COMMAND, "--out", "--quiet", "f"));
        assertEquals("Missing required parameter for option '--set' (PATH=VALUE)", error(COMMAND, "f", "--set", "--"));
    }

    @Test
    void aBadNumberIsNamedWithItsOption() {
        assertEquals("Invalid value for option '--threads': 'abc' is not an integer",
                error(COMMAND, "f", "--threads", "abc"));
        assertEquals("Invalid value for option '--rounds': '' is not an integer", error(COMMAND, "f", "--rounds="));
        assertEquals("Invalid value for option '--seed': '1.5' is not an integer", error(COMMAND, "f", "--seed=1.5"));
        assertEquals("Invalid value for option '--threads': '99999999999' is not an integer",
                error(COMMAND, "f", "--threads", "99999999999"));
        assertEquals("Invalid value for option '--at': 'x' is not an integer", error(COMMAND, "f", "--at", "1,x"));
    }

    @Test
    void tooManyParametersAreNamed() {
        assertEquals("Unexpected argument: 'b' (only FILE expected)", error(COMMAND, "a", "b"));
        CommandSpec none = new CommandSpec("none", List.of("Nothing."), List.of(), List.of());
        assertEquals("Unexpected argument: 'x' (this command takes no parameters)", error(none, "x"));
    }

    @Test
    void aFlagTakesNoValueAndASingleOptionIsGivenOnce() {
        assertEquals("Option '--quiet' takes no value (got 'yes')", error(COMMAND, "f", "--quiet=yes"));
        assertEquals("Option '--out' should be given only once", error(COMMAND, "f", "--out", "a", "--out=b"));
    }

    @Test
    void helpAndVersionStopParsingWithoutCheckingTheRest() throws UsageException {
        for (String help : List.of("-h", "--help")) {
            ParsedArgs a = parse(COMMAND, help);
            assertTrue(a.helpRequested(), help);
            assertFalse(a.versionRequested(), help);
        }
        assertTrue(parse(COMMAND, "--threads", "3", "--help", "--bogus").helpRequested());
        assertTrue(parse(COMMAND, "-qh").helpRequested());
        for (String version : List.of("-V", "--version")) {
            ParsedArgs a = parse(COMMAND, version);
            assertTrue(a.versionRequested(), version);
            assertFalse(a.helpRequested(), version);
        }
        assertFalse(parse(COMMAND, "f").helpRequested());
        assertEquals("Unknown option: '--bogus'", error(COMMAND, "--bogus", "--help"),
                "options before --help are still checked");
    }

    @Test
    void parsingStartsAtTheGivenIndex() throws UsageException {
        ParsedArgs a = CliParser.parse(COMMAND, new String[] {"demo", "f", "-q"}, 1);
        assertEquals(Path.of("f"), a.value(FILE));
        assertTrue(a.flag(QUIET));
    }

    @Test
    void readingAValueTheWrongWayIsAProgrammingError() throws UsageException {
        ParsedArgs a = parse(COMMAND, "f");
        assertThrows(IllegalArgumentException.class, () -> a.value(SET));
        assertThrows(IllegalArgumentException.class, () -> a.values(OUT));
        assertThrows(IllegalArgumentException.class, () -> a.value(MAYBE_FILE), "not this command's parameter");
        assertThrows(IllegalArgumentException.class, () -> parse(OPTIONAL).value(OUT), "not this command's option");
    }
}
