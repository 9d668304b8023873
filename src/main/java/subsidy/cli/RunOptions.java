package subsidy.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import subsidy.config.Configuration;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.RegionList;
import subsidy.text.Texts;

/** The options every command that reads entities shares: inputs, policy, encoding, as-of date. */
final class RunOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Entity CSV (UTF-8 or GBK); repeat for several files; '-' reads standard input.")
    List<Path> inputs;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy YAML; default: the configuration's policy, else the bundled policy.")
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

    /** The policy: --policy's, else the configuration's (which becomes {@link #policyFile}), else the bundled one. */
    Policy policy() throws PolicyException {
        if (policyFile == null) {
            policyFile = configuration(spec).policy();
        }
        LocalDate[] today = new LocalDate[1];
        Policy p = Inputs.policy(policyFile, asOf, () -> today[0] = LocalDate.now(), texts());
        ended = Inputs.ended(p, today[0], texts());
        return p;
    }

    /** Set by {@link #policy}: the warning that the policy, its programs all ended, was read on its last day. */
    private String ended;

    /** Tells, when no date was given, that the policy's programs had all ended and which day it was read on. */
    void warnEnded(java.util.function.Consumer<String> println) {
        if (ended != null) {
            println.accept(ended);
        }
    }

    /** The configuration the command line was started with ({@link Main#configuration}); none in a bare test. */
    static Configuration configuration(CommandLine.Model.CommandSpec spec) {
        return spec != null && spec.root().userObject() instanceof Main m && m.configuration != null
                ? m.configuration : Configuration.NONE;
    }

    /**
     * A warning when the run reads the bundled policy (no --policy, none configured) and it holds region lists
     * that are examples (their titles say so: "example listing"): a county's own announcement must replace them.
     */
    void warnExamples(Policy policy, Texts texts, java.util.function.Consumer<String> println) {
        if (policyFile != null) {
            return;
        }
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (RegionList list : policy.regionLists().values()) {
            if (list.title() != null && list.title().contains(EXAMPLE_LISTING)) {
                codes.addAll(list.codes().keySet());
            }
        }
        if (!codes.isEmpty()) {
            println.accept(texts.get("cli.warning", texts.get("cli.bundled_examples", String.join(", ", codes))));
        }
    }

    /** What the bundled policy's example region lists say in their titles. */
    static final String EXAMPLE_LISTING = "example listing";

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
