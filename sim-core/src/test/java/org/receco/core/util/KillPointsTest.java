package org.receco.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A child JVM halts at exactly the named step (status 137, nothing after it runs), and never without one. */
class KillPointsTest {
    /** Reaches "first" then "second", printing each step it got past. */
    public static final class Steps {
        public static void main(String[] args) {
            KillPoints.reach("first");
            System.out.println("after first");
            KillPoints.reach("second");
            System.out.println("after second");
        }
    }

    private static String[] child(String haltAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = haltAt == null
                ? new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Steps.class.getName())
                : new ProcessBuilder(java, "-D" + KillPoints.PROPERTY + "=" + haltAt, "-cp",
                        System.getProperty("java.class.path"), Steps.class.getName());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not end");
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void haltsAtTheNamedStepOnly() throws Exception {
        String[] second = child("second");
        assertEquals(String.valueOf(KillPoints.STATUS), second[0], second[1]);
        assertEquals("after first", second[1].strip());
        String[] none = child(null);
        assertEquals("0", none[0], none[1]);
        assertEquals("after first\nafter second", none[1].strip().replace("\r", ""));
        assertEquals("0", child("elsewhere")[0]);
    }
}
