package subsidy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import subsidy.calc.Progress;
import subsidy.calc.Totals;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.report.RejectedTable;
import subsidy.report.ReportJob;

/** {@code subsidy calc}: compute every program for every entity of the inputs. */
@Command(name = "calc", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Compute the relief programs for every entity in the input CSV files.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row computed", "1:finished, some rows rejected", "2:usage error",
            "3:an input or the policy is unusable (nothing written)"})
final class CalcCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write report.csv, rejected.csv, summary.csv and manifest.json here; "
                    + "default: the report to standard output.")
    Path out;

    @Option(names = "--details", description = "Also write details.csv (needs --out).")
    boolean details;

    @Option(names = "--force", description = "Replace an existing report in --out.")
    boolean force;

    @Option(names = "--notice", paramLabel = "FILE",
            description = "Also write the public-notice list (公示名单): beneficiaries with masked credit codes.")
    Path notice;

    @ArgGroup(exclusive = true)
    Display display;

    /** --progress and --quiet contradict each other, so picocli refuses both together (exit 2). */
    static final class Display {
        @Option(names = "--progress",
                description = "Show progress on standard error (rows, rows per second, time left) even when it is "
                        + "not a terminal; default: on a terminal, unless the report is printed there.")
        boolean progress;

        @Option(names = "--quiet",
                description = "Show no progress; the summary and any errors are still printed.")
        boolean quiet;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (details && out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--details needs --out DIR");
        }
        Policy policy;
        try {
            policy = run.policy();
        } catch (PolicyException e) {
            Main.fail(err, e.getMessage());
            return ExitCode.UNUSABLE;
        }
        List<InputFile> files;
        List<String> shared;
        try {
            files = run.open(policy);
            shared = RejectedTable.sharedHeader(files);
        } catch (InputException e) {
            Main.fail(err, e.getMessage());
            return ExitCode.UNUSABLE;
        }
        try {
            noticeClashes(files);
            return calc(policy, files, shared, err);
        } finally {
            Inputs.discard(files);
        }
    }

    private int calc(Policy policy, List<InputFile> files, List<String> shared, PrintWriter err) {
        PrintStream stdout = System.out;
        boolean forced = display != null && display.progress;
        ProgressMeter meter = forced || display == null && onATerminal()
                ? new ProgressMeter(Inputs.stderr(), System::nanoTime, forced) : null;
        PrintStream stderr = meter == null ? Inputs.stderr() : meter.messages();
        Progress progress = meter == null ? Progress.NONE : meter;
        ReportJob job = new ReportJob(policy, new ReportJob.Options(out, details, force, notice, progress));
        RunOptions.sayLeftOut(policy, stderr::println);
        try {
            Totals totals = job.run(files, shared, stdout, stderr);
            stdout.flush();
            return totals.rejected() > 0 ? ExitCode.SOME_REJECTED : ExitCode.OK;
        } catch (FileAlreadyExistsException e) {
            boolean isNotice = notice != null && Path.of(e.getFile()).equals(notice.toAbsolutePath());
            Main.fail(err, e.getFile() + " exists; pass --force to replace it, or choose another "
                    + (isNotice ? "--notice" : "--out"));
            return ExitCode.USAGE;
        } catch (InputException e) {
            Main.fail(err, e.getMessage() + " (nothing written)");
            return ExitCode.UNUSABLE;
        } catch (IOException e) {
            Main.fail(err, "cannot write the report: " + e + " (nothing written)");
            return ExitCode.UNUSABLE;
        }
    }

    /**
     * The notice list may replace neither an input, nor the policy, nor one of the run's own outputs,
     * --force or not; paths are compared as the file system resolves them, links and all.
     */
    private void noticeClashes(List<InputFile> files) {
        if (notice == null) {
            return;
        }
        if (notice.getFileName() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--notice " + notice + " names no file");
        }
        for (InputFile f : files) {
            if (sameFile(notice, f.path())) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--notice " + notice + " is an input; choose another file");
            }
        }
        if (run.policyFile != null && sameFile(notice, run.policyFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--notice " + notice + " is the policy; choose another file");
        }
        if (out != null && real(notice.toAbsolutePath().getParent()).equals(real(out))
                && ReportJob.OUTPUTS.contains(notice.getFileName().toString())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--notice " + notice + " is one of the files --out writes; choose another file");
        }
    }

    /**
     * The path as the file system resolves it, links and all: its nearest existing ancestor's real
     * path with the rest added back, so that a directory not made yet is seen where it will be.
     */
    private static Path real(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException notYet) {
                // try its parent
            }
        }
        return absolute;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return real(a).equals(real(b)) || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Progress by default only where someone watches it: redirected, standard error would fill with redraws;
     * and a report printed to the same terminal would be cut through by the progress line.
     */
    private boolean onATerminal() {
        return Terminal.stderr() && (out != null || !Terminal.stdout());
    }
}
