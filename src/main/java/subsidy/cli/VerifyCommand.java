package subsidy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import subsidy.input.IoProblem;
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

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(report)) {
            Main.fail(err, report + (Files.isDirectory(report) ? " is a directory; name the report.csv in it"
                    : Files.exists(report) ? " is not a regular file" : ": no such report file"));
            return ExitCode.UNUSABLE;
        }
        try {
            Policy policy = run.policy();
            PrintStream stderr = main.std.messages;
            RunOptions.sayLeftOut(policy, stderr::println);
            // Every difference is written as it is found, and a failed write stops the run: a listing
            // cut short must not end as "n differences" or, worse, as exit 0.
            Csv out = Csv.open(new Std.Checked(new TerminalText(main.std.out)),
                    List.of("entity_id", "column", "reported", "recomputed"));
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
            o.notes().forEach(n -> stderr.println("verify: note: " + n));
            stderr.println("verify: " + o.rowsCompared() + " rows recomputed, " + o.differences() + " difference(s)");
            return o.differences() == 0 ? ExitCode.OK : ExitCode.MISMATCH;
        } catch (PolicyException | InputException e) {
            Main.fail(err, e.getMessage());
            return ExitCode.UNUSABLE;
        } catch (UncheckedIOException e) {
            return failed(err, e.getCause());
        } catch (IOException e) {
            return failed(err, e);
        }
    }

    private int failed(PrintWriter err, IOException e) {
        if (e instanceof Std.Failed f) {
            Main.fail(err, "could not write the differences to standard output: " + IoProblem.describe(f.getCause()));
        } else {
            Main.fail(err, "cannot read: " + IoProblem.located(e));
        }
        return ExitCode.UNUSABLE;
    }
}
