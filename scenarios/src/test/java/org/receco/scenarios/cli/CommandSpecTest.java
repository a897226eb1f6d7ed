package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Declarations are checked when they are made, so a mistake fails every test of the command, not a user. */
class CommandSpecTest {
    @Test
    void optionsAreFoundByAnyOfTheirNames() {
        OptionSpec<Boolean> quiet = OptionSpec.flag("-q", "--quiet", "Quiet.");
        CommandSpec spec = new CommandSpec("c", List.of("Summary.", "More."), List.of(), List.of(quiet));
        assertSame(quiet, spec.option("-q"));
        assertSame(quiet, spec.option("--quiet"));
        assertNull(spec.option("--loud"));
        assertEquals("Summary.", spec.summary());
    }

    @Test
    void twoOptionsWithOneNameOrAStandardNameAreRejected() {
        OptionSpec<Boolean> a = OptionSpec.flag("--x", "A.");
        OptionSpec<Boolean> b = OptionSpec.flag("--x", "B.");
        assertThrows(IllegalArgumentException.class,
                () -> new CommandSpec("c", List.of("C."), List.of(), List.of(a, b)));
        assertThrows(IllegalArgumentException.class, () -> new CommandSpec("c", List.of("C."), List.of(),
                List.of(OptionSpec.flag("-h", "--hide", "Hide."))));
        assertThrows(IllegalArgumentException.class, () -> new CommandSpec("c", List.of(), List.of(), List.of()));
    }

    @Test
    void badOptionDeclarationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> OptionSpec.flag("quiet", "No dash."));
        assertThrows(IllegalArgumentException.class, () -> OptionSpec.flag("--a=b", "Equals sign."));
        assertThrows(IllegalArgumentException.class, () -> OptionSpec.flag("--", "Ends options."));
        assertThrows(IllegalArgumentException.class,
                () -> OptionSpec.single("--n", null, ValueType.INT, "A value needs a label."));
        assertThrows(NumberFormatException.class,
                () -> OptionSpec.single("--n", "N", ValueType.INT, "Bad default.").withDefault("many"));
        assertThrows(IllegalStateException.class,
                () -> OptionSpec.repeatable("--n", "N", ValueType.INT, "No default.").withDefault("1"));
        assertThrows(IllegalArgumentException.class, () -> new PositionalSpec<>("A", ValueType.STRING, 2, 1, "."));
    }

    @Test
    void positionalsShowHowManyArgumentsTheyTake() {
        assertEquals("FILE", PositionalSpec.required("FILE", ValueType.PATH, ".").synopsis());
        assertEquals("[FILE]", PositionalSpec.optional("FILE", ValueType.PATH, ".").synopsis());
        assertEquals("RUN_DIR...", PositionalSpec.oneOrMore("RUN_DIR", ValueType.PATH, ".").synopsis());
    }

    @Test
    void optionsShowTheirLongName() {
        assertEquals("--quiet", OptionSpec.flag("-q", "--quiet", ".").longName());
        assertEquals(Boolean.FALSE, OptionSpec.flag("--keep", ".").defaultValue());
        assertEquals(3, OptionSpec.single("--n", "N", ValueType.INT, ".").withDefault("3").defaultValue());
    }
}
