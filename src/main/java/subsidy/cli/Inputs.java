package subsidy.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import picocli.CommandLine;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;

/** Option handling the subcommands share. */
final class Inputs {
    private Inputs() {
    }

    static Policy policy(Path file) throws PolicyException {
        return file == null ? PolicyLoader.bundled() : PolicyLoader.load(file);
    }

    /** The --encoding option as a charset; null when absent (detect). */
    static Charset charset(CommandLine cl, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandLine.ParameterException(cl, "--encoding: unknown encoding '" + name + "'");
        }
    }
}
