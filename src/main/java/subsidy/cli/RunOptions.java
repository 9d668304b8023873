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
import subsidy.text.Texts;

/** The options every command that reads entities shares: inputs, policy, encoding, as-of date. */
final class RunOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Entity CSV (UTF-8 or GBK); repeat for several files; '-' reads standard input.")
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

    /** The language of the command (its --lang): for the messages, and for the core calls made with these options. */
    Texts texts() {
        return spec == null ? Texts.EN : LangOption.of(spec);
    }

    @CommandLine.Mixin
    WorkbookOptions.Sheet sheet = new WorkbookOptions.Sheet();

    Policy policy() throws PolicyException {
        return Inputs.policy(policyFile, asOf, texts());
    }

    /** Programs the policy has but not on --as-of are named, so that an empty column or total explains itself. */
    static void sayLeftOut(Policy policy, java.util.function.Consumer<String> println) {
        sayLeftOut(policy, Texts.EN, println);
    }

    static void sayLeftOut(Policy policy, Texts texts, java.util.function.Consumer<String> println) {
        policy.leftOut(texts).forEach(l -> println.accept(texts.get("cli.left_out", l)));
    }

    /** The inputs with their headers read, so an unusable one stops the run before any output. */
    List<InputFile> open(Policy policy) throws InputException {
        // The inputs' problems are Texts, rendered in the run's language where they are shown.
        Inputs.checkStandardInput(spec.commandLine(), texts(), inputs);
        return Inputs.open(inputs, Inputs.charset(spec.commandLine(), texts(), encoding),
                Inputs.delimiter(spec.commandLine(), texts(), delimiter), policy.schema(), sheet.sheet);
    }
}
