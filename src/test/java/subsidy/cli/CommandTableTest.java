package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import subsidy.config.Configuration;
import subsidy.text.Lang;

/**
 * The model of calc, explain and verify that a run builds from the build's record ({@link CommandTable}) is
 * the one picocli reads from their annotations: the record is the annotations' (the build wrote it from this
 * code), every recorded argument comes back alike, and command lines, good and bad, parse to the same fields
 * or the same usage error.
 */
class CommandTableTest {
    private static Std std() {
        return new Std(new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    private static CommandLine fromAnnotations(String name) {
        return Main.commandLine(std(), Configuration.NONE, Lang.EN, false, name);
    }

    private static CommandLine fromRecord(String name) {
        return Main.fromRecord(std(), Configuration.NONE, Lang.EN, name);
    }

    @Test
    void theBuildsRecordIsTheAnnotationsOfThisCode() throws IOException {
        try (InputStream in = CommandTable.class.getResourceAsStream(CommandTable.RESOURCE)) {
            assertNotNull(in, "the build writes " + CommandTable.RESOURCE + " (mvn process-classes)");
            assertEquals(CommandTable.records(), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the record is older than the annotations: rebuild (mvn process-classes)");
        }
        for (String name : CommandTable.COMMANDS) {
            assertTrue(CommandTable.has(name), name);
        }
        assertFalse(CommandTable.has("test"), "a command with a positional parameter is not recorded");
        assertFalse(CommandTable.has("ledger"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theModelBuiltFromTheRecordIsTheAnnotationsModel(String name) {
        String expected = CommandTable.record(fromAnnotations(name), name);
        String actual = CommandTable.record(fromRecord(name), name);
        assertEquals(expected, actual);
    }

    static Stream<String> commands() {
        return CommandTable.COMMANDS.stream().sorted();
    }

    /** Command lines, good and bad, for each recorded command. */
    static Stream<List<String>> commandLines() {
        String[] calc = {"calc", "--input", "a.csv", "--as-of", "2022-06-30"};
        return Stream.of(
                List.of(calc),
                plus(calc, "--out", "o", "--force", "--quiet"),
                plus(calc, "--out=o", "--progress", "--details", "--keep-previous", "3"),
                plus(calc, "--progress", "--quiet"),
                plus(calc, "--quiet", "--quiet"),
                plus(calc, "--keep-previous", "x"),
                plus(calc, "--keep-previous"),
                List.of("calc", "--as-of", "2022-06-30"),
                List.of("calc", "--inpt", "a.csv"),
                List.of("calc", "--input", "a.csv", "--input", "b.csv", "--input=-"),
                List.of("calc", "--input", "a.csv", "--as-of", "2022-13-40"),
                List.of("calc", "--input", "a.csv", "--as-of", "2022/6/30", "extra"),
                plus(calc, "--ledger", "l.db", "--period", "2022-05", "--replace"),
                plus(calc, "--ledger", "l.db", "--period", "2022-05", "--replace", "7", "--reason", "a fix"),
                plus(calc, "--ledger", "l.db", "--period", "2022-05", "--replace", "--reason", "why"),
                plus(calc, "--ledger", "l.db", "--dry-run", "--ledger-wait", "5"),
                plus(calc, "--ledger-wait", "soon"),
                plus(calc, "--lang", "zh", "--format", "both", "--sheet", "Sheet 1", "--encoding", "GBK", "--delimiter", ";"),
                plus(calc, "--lang", "fr"),
                plus(calc, "--notice", "n.csv", "--hires", "h.csv", "--policy", "p.yaml", "--out", ""),
                plus(calc, "--version"),
                plus(calc, "--", "--quiet"),
                List.of("--lang", "zh", "calc", "--input", "a.csv"),
                List.of("--lang", "zh", "calc", "--input", "a.csv", "--lang", "en"),
                List.of("explain", "--input", "a.csv", "--id", "X1", "--format", "json", "--ledger", "l", "--period", "2022-05"),
                List.of("explain", "--input", "a.csv", "--id", "X1", "--format", "yaml"),
                List.of("explain", "--input", "a.csv"),
                List.of("explain", "--id", "X1", "--input", "a.csv", "--hires", "h.csv", "--sheet", "S", "--quiet"),
                List.of("explain", "--id", "X1", "--input", "a.csv", "--policy", "p.yaml", "--encoding", "UTF-8",
                        "--delimiter", "tab", "--as-of", "2022-06-30", "--lang", "zh", "--version"),
                List.of("verify", "--report", "r.csv", "--input", "a.csv", "--batch", "12", "--ledger", "l.db"),
                List.of("verify", "--report", "r.csv", "--input", "a.csv", "--batch", "twelve"),
                List.of("verify", "--input", "a.csv", "--reprt", "r.csv"),
                List.of("verify", "--report", "r.csv", "--input", "a.csv", "--hires", "h.csv", "--lang", "zh", "--version"),
                List.of("verify", "--report", "r.csv", "--input", "a.csv", "--policy", "p.yaml", "--encoding", "GBK",
                        "--delimiter", ",", "--as-of", "2022-06-30", "--sheet", "S"),
                plus(calc, "--quiet=true", "--force=false", "--details=true"),
                plus(calc, "--progress=false"),
                plus(calc, "--ledger", "l.db", "--period", "2022-05", "--replace=", "--dry-run=false"),
                List.of("--version", "calc", "--input", "a.csv"),
                List.of("--lang=zh", "explain", "--id=X1", "--input=a.csv", "--format=json"));
    }

    private static List<String> plus(String[] head, String... tail) {
        List<String> out = new ArrayList<>(Arrays.asList(head));
        out.addAll(Arrays.asList(tail));
        return out;
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void aCommandLineParsesAlikeInBothModels(List<String> args) {
        assertEquals(parsed(fromAnnotations(Main.named(args.toArray(String[]::new))), args),
                parsed(fromRecord(Main.named(args.toArray(String[]::new))), args));
    }

    @Test
    void everyOptionOfTheRecordedCommandsIsInTheCommandLines() {
        // A corpus that leaves an option out would not see it parsed differently.
        for (String name : CommandTable.COMMANDS) {
            CommandLine.Model.CommandSpec spec = fromAnnotations(name).getSubcommands().get(name).getCommandSpec();
            for (CommandLine.Model.OptionSpec o : spec.options()) {
                if (o.usageHelp()) {
                    continue; // help is shown from the annotations' model: Main never builds the record's for it
                }
                assertTrue(commandLines().anyMatch(l -> l.get(0).equals(name) || l.contains(name)
                        ? l.stream().anyMatch(a -> a.equals(o.longestName()) || a.startsWith(o.longestName() + "="))
                        : false), name + " " + o.longestName());
            }
        }
    }

    /** Whether picocli's model was built from the record (its mixins then have no annotated field). */
    private static boolean builtFromRecord(CommandLine cl) {
        return cl.getCommandSpec().mixinAnnotatedElements().isEmpty();
    }

    @ParameterizedTest
    @MethodSource("runs")
    void aRunOfCalcExplainOrVerifyThatShowsNoHelpIsBuiltFromTheRecord(List<String> args) {
        assertTrue(builtFromRecord(Main.model(std(), Configuration.NONE, Lang.EN, args.toArray(String[]::new))),
                String.join(" ", args));
    }

    static Stream<List<String>> runs() {
        return Stream.of(List.of("calc", "--input", "a.csv"), List.of("explain", "--id", "X", "--input", "a.csv"),
                List.of("verify", "--report", "r.csv", "--input", "a.csv"), List.of("--lang", "zh", "calc", "--input", "a"),
                List.of("calc", "--input", "-", "--out", "o"), List.of("calc", "--input", "a", "--", "x"),
                List.of("calc", "--version"), List.of("--version", "calc"), List.of("calc", "--help-me"));
    }

    @ParameterizedTest
    @MethodSource("helpOrOtherCommands")
    void helpArgumentFilesShortOptionsAndOtherCommandsAreBuiltFromTheAnnotations(List<String> args) {
        assertFalse(builtFromRecord(Main.model(std(), Configuration.NONE, Lang.EN, args.toArray(String[]::new))),
                String.join(" ", args));
    }

    static Stream<List<String>> helpOrOtherCommands() {
        return Stream.of(List.of("calc", "--help"), List.of("calc", "--help=true"), List.of("calc", "-h"),
                List.of("calc", "-Vh"), List.of("calc", "-V"), List.of("calc", "@args.txt"),
                List.of("calc", "--input", "a", "--help=TRUE"), List.of("--help=true", "calc"), List.of("help", "calc"),
                List.of("test", "cases/"), List.of("ledger", "list", "--ledger", "l.db"), List.of("policy", "show"),
                List.of());
    }

    @Test
    void helpAskedAsHelpEqualsTrueHasItsDescriptions() {
        subsidy.CommandLineRun.Result r = subsidy.CommandLineRun.run("calc", "--help=true");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Compute the relief programs for every entity"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
    }

    private static List<String[]> section(String name) {
        List<String[]> lines = new ArrayList<>();
        for (String line : CommandTable.record(fromAnnotations(name), name).split("\n")) {
            if (!line.startsWith("# ")) {
                lines.add(line.split("\t", -1));
            }
        }
        return lines;
    }

    @Test
    void everyClassWhoseAnnotationsMakeTheModelIsFingerprintedWithItsFilesCrc() throws IOException {
        java.util.Map<String, String> crcs = new java.util.TreeMap<>();
        section("calc").stream().filter(l -> l[0].equals("class")).forEach(l -> crcs.put(l[1], l[2]));
        assertEquals(List.of("picocli.CommandLine$AutoHelpMixin", CalcCommand.class.getName(),
                CalcCommand.Display.class.getName(), CommandTable.class.getName(), LangOption.class.getName(),
                LedgerOptions.class.getName(), Main.class.getName(), RunOptions.class.getName(),
                WorkbookOptions.class.getName(), WorkbookOptions.Sheet.class.getName()), List.copyOf(crcs.keySet()));
        for (java.util.Map.Entry<String, String> c : crcs.entrySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(c.getKey().replace('.', '/') + ".class")) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(in.readAllBytes());
                assertEquals(Long.toString(crc.getValue()), c.getValue(), c.getKey());
            }
        }
    }

    @Test
    void aRecordOlderThanTheClassesIsToldApartByItsFingerprints() {
        List<String[]> lines = section("calc");
        assertTrue(CommandTable.current(lines), "the classes as compiled");
        String[] calc = lines.stream().filter(l -> l[0].equals("class") && l[1].equals(CalcCommand.class.getName()))
                .findFirst().orElseThrow();
        calc[2] = Long.toString(Long.parseLong(calc[2]) ^ 1);
        assertFalse(CommandTable.current(lines), "CalcCommand compiled since");
        List<String[]> unprinted = section("calc").stream().filter(l -> !l[0].equals("class")).toList();
        assertFalse(CommandTable.current(unprinted), "a record of a build before fingerprints");
    }

    @Test
    void aRecordTheClassesHaveOutgrownFailsAsMainExpectsThenTakingTheAnnotations() {
        List<String[]> lines = section("calc").stream()
                .map(l -> {
                    String[] c = l.clone();
                    if (c[0].equals("option") && c[2].equals("force")) {
                        c[2] = "forced"; // a field renamed since
                    }
                    return c;
                }).toList();
        // Main.model takes the annotations on any RuntimeException or LinkageError of the record's model
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> CommandTable.commandLine(fromAnnotations("calc").getCommand(), lines));
        assertTrue(e.getMessage().contains("forced"), e.getMessage());
    }

    /** What parsing {@code args} gave: every field of the two commands' objects, or the usage error. */
    private static String parsed(CommandLine root, List<String> args) {
        StringBuilder out = new StringBuilder();
        java.io.PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream(); // picocli's own warnings go to System.err
        System.setErr(new java.io.PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            CommandLine.ParseResult r = root.parseArgs(args.toArray(String[]::new));
            out.append("version requested: ").append(r.subcommand() != null && r.subcommand().isVersionHelpRequested()
                    || r.isVersionHelpRequested()).append('\n');
        } catch (CommandLine.ParameterException e) {
            out.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage()).append('\n');
            out.append("line: ").append(Main.usageMessage(e, subsidy.text.Texts.EN)).append('\n');
            out.append("line in Chinese: ").append(Main.usageMessage(e, subsidy.text.Texts.ZH)).append('\n');
        } finally {
            System.setErr(err);
        }
        out.append("standard error: ").append(said.toString(StandardCharsets.UTF_8)).append('\n');
        fields(root.getCommand(), "subsidy", out);
        String name = Main.named(args.toArray(String[]::new));
        fields(root.getSubcommands().get(name).getCommand(), name, out);
        return out.toString();
    }

    private static void fields(Object o, String path, StringBuilder out) {
        for (Class<?> k = o.getClass(); k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                f.setAccessible(true);
                Object v;
                try {
                    v = f.get(o);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                String at = path + "." + f.getName();
                if (v instanceof CommandLine.Model.CommandSpec s) {
                    out.append(at).append(" = spec of ").append(s.qualifiedName()).append(' ')
                            .append(s.userObject().getClass().getSimpleName()).append('\n');
                } else if (v instanceof Main) {
                    out.append(at).append(" = the top command\n");
                } else if (v instanceof Std || v instanceof subsidy.text.Texts || v instanceof Configuration) {
                    out.append(at).append(" = ").append(v.getClass().getSimpleName()).append('\n');
                } else if (v != null && v.getClass().getPackageName().equals("subsidy.cli") && !v.getClass().isEnum()) {
                    fields(v, at, out);
                } else {
                    out.append(at).append(" = ").append(v).append('\n');
                }
            }
        }
    }
}
