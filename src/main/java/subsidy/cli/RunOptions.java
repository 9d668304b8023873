package subsidy.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;

/** The options every command that reads entities shares: inputs, policy, encoding, as-of date. */
final class RunOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Entity CSV (UTF-8 or GBK); repeat for several files.")
    List<Path> inputs;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML; default: the bundled policy.")
    Path policyFile;

    @Option(names = "--encoding", paramLabel = "E", description = "Input encoding (UTF-8, GBK); default: detected.")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "D",
            description = "The byte between cells: comma, tab, semicolon (or , ; |); default: found in the first lines.")
    String delimiter;

    @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
            description = "Take the policy's dated values in force on this date (2023-06-30 or 2023/6/30).")
    LocalDate asOf;

    @CommandLine.Mixin
    WorkbookOptions.Sheet sheet = new WorkbookOptions.Sheet();

    Policy policy() throws PolicyException {
        return Inputs.policy(policyFile, asOf);
    }

    /** Programs the policy has but not on --as-of are named, so that an empty column or total explains itself. */
    static void sayLeftOut(Policy policy, java.util.function.Consumer<String> println) {
        policy.leftOut().forEach(l -> println.accept("subsidy: left out, not in force: " + l));
    }

    /** The inputs with their headers read, so an unusable one stops the run before any output. */
    List<InputFile> open(Policy policy) throws InputException {
        return Inputs.open(inputs, Inputs.charset(spec.commandLine(), encoding),
                Inputs.delimiter(spec.commandLine(), delimiter), policy.schema(), sheet.sheet);
    }
}
