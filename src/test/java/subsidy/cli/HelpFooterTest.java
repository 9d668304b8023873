package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import subsidy.CommandLineRun;
import subsidy.entity.Column;
import subsidy.text.Lang;

/** calc's, explain's and verify's help ends with examples and the input columns, in both languages. */
class HelpFooterTest {
    static List<Object[]> commands() {
        List<Object[]> all = new ArrayList<>();
        for (String command : List.of("calc", "explain", "verify")) {
            all.add(new Object[] {command, Lang.EN, "Examples:", "  required:", "  optional:"});
            all.add(new Object[] {command, Lang.ZH, "示例：", "  必填：", "  选填："});
        }
        return all;
    }

    private static List<String> help(String command, Lang lang) {
        CommandLineRun.Result r = CommandLineRun.run(command, "--help", "--lang", lang.code());
        assertEquals(0, r.exit(), r.err());
        return r.out().lines().toList();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpListsEveryInputColumnWithItsChineseHeader(String command, Lang lang, String examples, String required,
            String optional) {
        List<String> lines = help(command, lang);
        int req = lines.indexOf(required);
        int opt = lines.indexOf(optional);
        assertTrue(req > 0 && opt > req, String.join("\n", lines));
        for (Column c : Column.values()) {
            String line = String.format("    %-26s %s", c.header(), c.chinese());
            int at = lines.indexOf(line);
            assertTrue(at > 0, command + " " + lang + " lacks " + line);
            assertTrue(c.required() ? at > req && at < opt : at > opt, c + " under the wrong heading");
        }
        assertEquals(Column.values().length + 2, lines.size() - req, "nothing after the columns but the columns");
    }

    /** Every example is a command line the command accepts (its options exist, with the values they need). */
    @ParameterizedTest
    @MethodSource("commands")
    void theExamplesAreCommandLinesTheCommandTakes(String command, Lang lang, String examples, String required,
            String optional) {
        List<String> lines = help(command, lang);
        int from = lines.indexOf(examples);
        assertTrue(from > 0, String.join("\n", lines));
        List<String> commandLines = new ArrayList<>();
        StringBuilder one = new StringBuilder();
        for (String line : lines.subList(from + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            one.append(line.strip());
            if (line.endsWith("\\")) {
                one.setLength(one.length() - 1);
                continue;
            }
            commandLines.add(one.toString());
            one.setLength(0);
        }
        assertTrue(commandLines.size() >= 2, commandLines.toString());
        for (String example : commandLines) {
            String words = example.replaceFirst("^.*\\| ", "").replaceFirst(" [<>] \\S+$", "");
            List<String> args = new ArrayList<>(Arrays.asList(words.split(" +")));
            assertEquals("subsidy", args.remove(0), example);
            assertEquals(command, args.get(0), example);
            CommandLine cl = Main.commandLine(new Std(new ByteArrayOutputStream(), new ByteArrayOutputStream()), lang);
            cl.parseArgs(args.toArray(String[]::new)); // throws on an option the command does not have
        }
    }
}
