package subsidy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import subsidy.input.IoProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import subsidy.audit.Explainer;
import subsidy.audit.Explanation;
import subsidy.audit.ExplanationFormat;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;

/** {@code subsidy explain}: how one entity's amounts were derived, clause by clause. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Show how one entity's amounts were derived: inputs, size class, every condition, "
                + "formula, rounding and the clause each rests on.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the entity was computed", "1:the entity's row was rejected (the reasons are shown)",
            "2:usage error, or no row has that id", "3:an input or the policy is unusable"})
final class ExplainCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RunOptions run;

    @Option(names = "--id", required = true, paramLabel = "ENTITY_ID", description = "The entity's credit code.")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Policy policy = run.policy();
            RunOptions.sayLeftOut(policy, err::println);
            List<InputFile> files = run.open(policy);
            Optional<Explanation> x;
            try {
                x = new Explainer(policy).explain(files, id);
            } finally {
                Inputs.discard(files);
            }
            if (x.isEmpty()) {
                Main.fail(err, "no row of " + String.join(", ", run.inputs.stream().map(Path::toString).toList())
                        + " has entity_id " + subsidy.input.Escape.controls(id));
                return ExitCode.USAGE;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.json ? ExplanationFormat.json(x.get()) : ExplanationFormat.text(x.get()));
            out.flush();
            return x.get().computed() ? ExitCode.OK : ExitCode.SOME_REJECTED;
        } catch (PolicyException | InputException e) {
            Main.fail(err, e.getMessage());
            return ExitCode.UNUSABLE;
        } catch (IOException e) {
            Main.fail(err, "cannot read the input: " + IoProblem.located(e));
            return ExitCode.UNUSABLE;
        }
    }
}
