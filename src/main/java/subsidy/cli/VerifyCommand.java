package subsidy.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import subsidy.audit.Verifier;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.report.Csv;

/** {@code subsidy verify}: recompute a report and list every difference. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Recompute a report from its inputs and list every difference (entity, column, reported, "
                + "recomputed) as CSV on standard output. With manifest.json beside the report, also check that "
                + "the policy, the inputs and the report are the ones it names.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report agrees", "2:usage error", "3:an input, the report or the policy is unusable",
            "4:differences found"})
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RunOptions run;

    @Option(names = "--report", required = true, paramLabel = "REPORT", description = "The report.csv to check.")
    Path report;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(report)) {
            Main.fail(err, report + ": no such report file");
            return ExitCode.UNUSABLE;
        }
        try {
            Policy policy = run.policy();
            RunOptions.sayLeftOut(policy, Inputs.stderr()::println);
            OutputStreamWriter w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            Csv out = Csv.open(w, List.of("entity_id", "column", "reported", "recomputed"));
            List<InputFile> files = run.open(policy);
            Verifier.Outcome o;
            try {
                o = new Verifier(policy).verify(files, report, d -> {
                    try {
                        out.row(d.entityId(), d.column(), d.reported(), d.recomputed());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                Inputs.discard(files);
            }
            out.flush();
            PrintStream stderr = Inputs.stderr();
            stderr.println("verify: " + o.rowsCompared() + " rows recomputed, " + o.differences() + " difference(s)");
            return o.differences() == 0 ? ExitCode.OK : ExitCode.MISMATCH;
        } catch (PolicyException | InputException e) {
            Main.fail(err, e.getMessage());
            return ExitCode.UNUSABLE;
        } catch (IOException | UncheckedIOException e) {
            Main.fail(err, "cannot read: " + e.getMessage());
            return ExitCode.UNUSABLE;
        }
    }
}
