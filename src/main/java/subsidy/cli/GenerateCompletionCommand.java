package subsidy.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code subsidy generate-completion}: the bash (and zsh) completion script of the whole command tree,
 * made by picocli's {@link AutoComplete}, on standard output. The release archive ships its output as
 * {@code subsidy_completion}; {@code source <(subsidy generate-completion)} loads it in a shell.
 */
@Command(name = "generate-completion", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Print the bash/zsh completion script for subsidy; load it with: source <(subsidy generate-completion)",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the script was printed", "2:usage error"})
final class GenerateCompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LangOption lang;

    @Override
    public Integer call() throws IOException {
        String script = AutoComplete.bash("subsidy", spec.root().commandLine());
        // The script as it is, raw: standard output's escaping is for texts a person reads.
        OutputStream out = spec.root().userObject() instanceof Main m ? m.std.out : System.out;
        out.write(script.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return ExitCode.OK;
    }
}
