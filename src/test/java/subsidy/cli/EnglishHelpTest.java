package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import subsidy.CommandLineRun;

/**
 * The English {@code --help} of every command is byte-identical to what it was before the tool spoke
 * Chinese: the golden files under src/test/resources/subsidy/cli/help/ were captured from the commit
 * before {@code --lang} (regenerate with {@code -Dhelp.golden.write=true} only for a deliberate change).
 */
class EnglishHelpTest {
    static final Path GOLDEN = Path.of("src/test/resources/subsidy/cli/help");

    static final List<List<String>> COMMANDS = List.of(List.of(), List.of("calc"), List.of("explain"),
            List.of("verify"), List.of("policy"), List.of("policy", "check"), List.of("policy", "show"),
            List.of("test"), List.of("ledger"), List.of("ledger", "list"), List.of("ledger", "history"),
            List.of("ledger", "export"), List.of("ledger", "import"), List.of("ledger", "void"), List.of("generate-completion"),
            List.of("help"));

    static Stream<List<String>> commands() {
        return COMMANDS.stream();
    }

    static String name(List<String> command) {
        return command.isEmpty() ? "subsidy" : "subsidy-" + String.join("-", command);
    }

    static String[] args(List<String> command, String... more) {
        List<String> a = new ArrayList<>(command);
        a.addAll(Arrays.asList(more));
        return a.toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void englishHelpIsByteIdenticalToBeforeLang(List<String> command) throws IOException {
        CommandLineRun.Result r = CommandLineRun.run(args(command, "--help"));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        Path golden = GOLDEN.resolve(name(command) + ".txt");
        if (Boolean.getBoolean("help.golden.write")) {
            Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), r.out(), String.join(" ", command));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void langEnHelpIsTheSameEnglishHelp(List<String> command) throws IOException {
        String golden = Files.readString(GOLDEN.resolve(name(command) + ".txt"), StandardCharsets.UTF_8);
        assertEquals(golden, CommandLineRun.run(args(command, "--help", "--lang", "en")).out(),
                String.join(" ", command));
        assertEquals(golden, CommandLineRun.run(args(List.of("--lang", "en"), args(command, "--help"))).out(),
                String.join(" ", command));
    }
}
