package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bad value of an option picocli converts itself (a number, one of a list) is told in Chinese too. */
class ChineseUsageErrorsTest {
    private static String firstErrorLine(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(ExitCode.USAGE, Main.run(args));
            return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aWholeNumberOptionGivenTextSaysSoInChinese() {
        assertEquals("subsidy: --keep-previous 的值“x”无效，应为整数", firstErrorLine("--lang", "zh", "calc", "--input",
                "samples/firms.csv", "--keep-previous", "x"));
    }

    @Test
    void anOptionOfAFewValuesListsThemInChinese() {
        assertEquals("subsidy: --format 的值“xml”无效，应为 text、json 之一", firstErrorLine("--lang", "zh", "explain",
                "--input", "samples/firms.csv", "--id", "x", "--format", "xml"));
    }

    @Test
    void aDateThatIsNoDateIsToldInChinese() {
        assertEquals("subsidy: 选项 '--as-of' 的值无效：“2022-13-45”不是有效的公历日期", firstErrorLine("calc", "--lang", "zh",
                "--input", "samples/firms.csv", "--as-of", "2022-13-45"));
    }

    @Test
    void inEnglishPicocliSaysItAsBefore() {
        assertEquals("subsidy: Invalid value for option '--keep-previous': 'x' is not an int", firstErrorLine("calc",
                "--input", "samples/firms.csv", "--keep-previous", "x"));
    }
}
