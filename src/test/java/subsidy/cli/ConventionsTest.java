package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The conventions of command-line tools (issue 21): suggestions for a misspelt option, and more. */
class ConventionsTest {
    /** Standard error of a run that must end in a usage error. */
    private static String usageError(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(ExitCode.USAGE, Main.run(args));
            return err.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aMisspelledOptionSuggestsTheRightOne() {
        assertEquals("subsidy: Unknown option: '--inpt'; did you mean --input?\n"
                + "Try 'subsidy calc --help' for more information.\n",
                usageError("calc", "--inpt", "samples/firms.csv"));
    }

    @Test
    void aMisspelledOptionSuggestsTheRightOneInChinese() {
        assertEquals("subsidy: 无法识别的选项或参数：'--inpt'；是否应为 --input？\n"
                + "用 'subsidy calc --help --lang zh' 查看用法。\n",
                usageError("--lang", "zh", "calc", "--inpt", "samples/firms.csv"));
    }

    @Test
    void aMisspelledOptionBesideTheRightOnesSuggestsIt() {
        assertEquals("subsidy: Unknown option: '--as-off'; did you mean --as-of?\n"
                + "Try 'subsidy calc --help' for more information.\n",
                usageError("calc", "--input", "samples/firms.csv", "--as-off"));
    }

    @Test
    void aMisspelledCommandSuggestsTheRightOne() {
        assertTrue(usageError("cacl").lines().findFirst().orElse("").endsWith("; did you mean calc?"));
    }

    @Test
    void anUnknownOptionWithNothingCloseIsSaidAsBefore() {
        assertEquals("subsidy: Unknown option: '--zzzzzzzz'\nTry 'subsidy calc --help' for more information.\n",
                usageError("calc", "--input", "samples/firms.csv", "--zzzzzzzz"));
    }
}
