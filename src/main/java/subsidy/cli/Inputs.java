package subsidy.cli;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import subsidy.entity.InputSchema;
import subsidy.input.InputException;
import subsidy.policy.Resolution;
import subsidy.input.InputFile;
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

    static Policy policy(Path file, LocalDate asOf) throws PolicyException {
        Resolution r = Resolution.on(asOf);
        return file == null ? PolicyLoader.bundled(r) : PolicyLoader.load(file, r);
    }

    /** Opens the --input files and reads their headers, so an unusable one stops the run before any output. */
    static List<InputFile> open(List<Path> paths, Charset charset, InputSchema schema) throws InputException {
        List<InputFile> files = new ArrayList<>();
        try {
            for (Path p : paths) {
                InputFile f = new InputFile(p, charset, schema);
                files.add(f);
                f.header();
            }
        } catch (InputException | RuntimeException e) {
            discard(files);
            throw e;
        }
        return files;
    }

    /** Lets go of pipes opened for their headers whose rows a command did not read (it stopped first). */
    static void discard(List<InputFile> files) {
        if (files != null) {
            files.forEach(InputFile::discard);
        }
    }

    /** Standard error as UTF-8 whatever the platform default, so Chinese messages survive. */
    static PrintStream stderr() {
        return new PrintStream(System.err, true, StandardCharsets.UTF_8);
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
