package subsidy.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import subsidy.calc.Progress;
import subsidy.calc.Totals;
import subsidy.input.Escape;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.IoProblem;
import subsidy.ledger.LedgerException;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.report.RejectedTable;
import subsidy.run.AtomicFile;
import subsidy.run.OutputDir;
import subsidy.run.Recording;
import subsidy.run.ReportJob;
import subsidy.text.Texts;

/** {@code subsidy calc}: compute every program for every entity of the inputs. */
@Command(name = "calc", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Compute the relief programs for every entity in the input CSV files.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row computed", "1:finished, some rows rejected", "2:usage error",
            "3:an input or the policy is unusable, or a write failed (the message says what was written)"})
final class CalcCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RunOptions run;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @CommandLine.Mixin
    LangOption lang;

    @CommandLine.Mixin
    WorkbookOptions workbook;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write report.csv, rejected.csv, size_check.csv, summary.csv and manifest.json here, "
                    + "replacing the directory as a whole; default: with --period, the configuration's out folder's "
                    + "PERIOD folder, if it sets one; else the report to standard output.")
    Path out;

    @Option(names = "--details", description = "Also write details.csv (needs --out).")
    boolean details;

    @Option(names = "--force", description = "Replace an existing report in --out (and --notice); the replaced "
            + "report is kept in .DIR.subsidy/previous/ beside it.")
    boolean force;

    @Option(names = "--notice", paramLabel = "FILE",
            description = "Also write the public-notice list (公示名单): beneficiaries with masked credit codes"
                    + " (households: the head's masked identity number).")
    Path notice;

    @Option(names = "--hires", paramLabel = "FILE",
            description = "A hire list (entity_id, id_number, category, hire_date, contract_months, insured_months): the "
                    + "per-head programs counting grad_hires, youth_hires and hard_to_employ_hires count its persons, each "
                    + "paid once (the first hire by date), instead of the firms' columns; hires.csv lists each hire's outcome "
                    + "(needs --out).")
    Path hires;

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

    @Option(names = "--keep-previous", paramLabel = "N", defaultValue = "" + OutputDir.KEEP,
            description = "How many reports replaced with --force to keep beside --out (default: ${DEFAULT-VALUE}).")
    int keepPrevious;

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Texts texts = lang.texts();
        if (out == null && ledger.period != null && RunOptions.configuration(spec).out() != null) {
            ledger.periodEnd(spec.commandLine()); // a period that is no month names no folder
            out = RunOptions.configuration(spec).out().resolve(ledger.period);
        }
        if (details && out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), texts.get("cli.calc.details_needs_out"));
        }
        workbook.format(out, texts); // a usage error before anything is opened
        if (hires != null && out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), texts.get("hires.needs_out"));
        }
        if (keepPrevious < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), texts.get("cli.calc.keep_previous_negative"));
        }
        ledger.check(spec.commandLine());
        if (run.asOf == null) {
            run.asOf = ledger.periodEnd(spec.commandLine()); // a period's policy is the one in force at its end
        }
        Policy policy;
        try {
            policy = run.policy();
        } catch (PolicyException e) {
            Main.fail(err, texts, e.message(texts));
            return ExitCode.UNUSABLE;
        }
        // A hire list is an input too: never inside --out, which a run replaces.
        new Places(spec.commandLine(), texts, out, notice, run.policyFile).check(hires == null ? run.inputs
                : java.util.stream.Stream.concat(run.inputs.stream(), java.util.stream.Stream.of(hires)).toList());
        if (hires != null) {
            String why = java.nio.file.Files.isDirectory(hires) ? texts.get("hires.is_directory") : null;
            if (why == null) {
                try {
                    java.nio.file.Files.newInputStream(hires).close();
                } catch (IOException e) {
                    why = IoProblem.describe(e, texts);
                }
            }
            if (why != null) {
                Main.fail(err, texts, texts.get("cli.nothing_written", texts.get("hires.unreadable",
                        Escape.controls(hires.toString()), why)));
                return ExitCode.UNUSABLE;
            }
        }
        Recording.Options recording;
        try {
            // A hire list is one of the batch's inputs: --replace finds the batch by both.
            recording = ledger.recording(spec.commandLine(), hires == null ? run.inputs
                    : java.util.stream.Stream.concat(run.inputs.stream(), java.util.stream.Stream.of(hires)).toList(),
                    out == null);
            if (recording != null && recording.ledger().created()) {
                main.std.messages.println(texts.get("cli.calc.new_ledger", Escape.controls(recording.ledger().shown())));
            }
        } catch (LedgerException e) {
            Main.fail(err, texts, Escape.controls(e.message(texts)));
            return e.usage() ? ExitCode.USAGE : ExitCode.UNUSABLE;
        }
        return calc(policy, err, recording, texts);
    }

    private int calc(Policy policy, PrintWriter err, Recording.Options recording, Texts texts) {
        Std std = main.std;
        boolean forced = display != null && display.progress;
        ProgressMeter meter = forced || display == null && onATerminal()
                ? new ProgressMeter(new PrintStream(std.err, true, StandardCharsets.UTF_8), System::nanoTime, forced,
                        texts)
                : null;
        PrintStream stderr = meter == null ? std.messages : meter.messages();
        Progress progress = meter == null ? Progress.NONE : meter;
        // On a terminal the report is for eyes: an escape sequence in a name is shown, not obeyed.
        OutputStream stdout = out == null && Terminal.stdout() ? new TerminalText(std.out) : std.out;
        ReportJob job = new ReportJob(policy, new ReportJob.Options(out, details, force, notice, progress,
                keepPrevious, recording, texts, ledger.period, main.configuration)).format(workbook.format(out, texts));
        if (hires != null) {
            job.hires(hires, null);
        }
        RunOptions.sayLeftOut(policy, texts, stderr::println);
        run.warnEnded(stderr::println);
        run.warnExamples(policy, texts, stderr::println);
        String otherYear = recording == null ? null
                : Recording.asOfYearWarning(policy, recording.period(), run.asOf, texts);
        if (otherYear != null) {
            stderr.println(texts.get("cli.warning", Escape.controls(otherYear)));
        }
        // --out is taken before the inputs are opened: reading a pipe's header may wait for its writer.
        List<InputFile> files = null;
        try (ReportJob.Target target = job.prepare(stderr)) {
            files = run.open(policy);
            // With a hire list, rejected.csv holds rows of two layouts: each row's cells in one original_row cell.
            Totals totals = job.run(target, files, hires == null ? RejectedTable.sharedHeader(files) : null,
                    new Std.Checked(stdout), stderr);
            stdout.flush();
            if (stderr.checkError()) {
                // The summary or rejected rows were lost; Main checks its own streams, not the meter's.
                return ExitCode.UNUSABLE;
            }
            boolean hiresRejected = job.hireRun() != null && !job.hireRun().list().rejected().isEmpty();
            return totals.rejected() > 0 || hiresRejected ? ExitCode.SOME_REJECTED : ExitCode.OK;
        } catch (FileAlreadyExistsException e) {
            boolean isNotice = notice != null && Path.of(e.getFile()).toAbsolutePath().equals(notice.toAbsolutePath());
            Main.fail(err, texts, texts.get(isNotice ? "cli.calc.exists_notice" : "cli.calc.exists_out",
                    shown(e.getFile())));
            return ExitCode.USAGE;
        } catch (OutputDir.Busy e) {
            Main.fail(err, texts, texts.get("cli.calc.busy", shown(out),
                    e.holder().isEmpty() ? "" : texts.get("cli.calc.busy_holder", e.holder())));
            return ExitCode.USAGE;
        } catch (OutputDir.NotOurs e) {
            Main.fail(err, texts, e.entry() == null ? texts.get("cli.calc.out_prefixed", Escape.controls(e.message(texts)))
                    : texts.get("cli.calc.not_ours", shown(out), shown(e.entry())));
            return ExitCode.USAGE;
        } catch (AtomicFile.NotAFile e) {
            Main.fail(err, texts, texts.get("cli.calc.notice_not_a_file", Escape.controls(e.message(texts))));
            return ExitCode.USAGE;
        } catch (OutputDir.Incomplete e) {
            Main.fail(err, texts, texts.get("cli.calc.incomplete", shown(out),
                    Escape.controls(String.join("; ", e.failed()))));
            return ExitCode.UNUSABLE;
        } catch (LedgerException e) {
            Main.fail(err, texts, out == null ? Escape.controls(e.message(texts))
                    : texts.get("cli.calc.ledger_nothing_written", Escape.controls(e.message(texts)), shown(out)));
            return e.usage() ? ExitCode.USAGE : ExitCode.UNUSABLE;
        } catch (OutputDir.Stranded e) {
            Main.fail(err, texts, Escape.controls(e.message(texts)));
            return ExitCode.UNUSABLE;
        } catch (Std.Failed e) {
            Main.fail(err, texts, texts.get("cli.calc.stdout_failed", IoProblem.describe(e.getCause(), texts)));
            return ExitCode.UNUSABLE;
        } catch (NotDirectoryException e) {
            Main.fail(err, texts, texts.get("cli.calc.out_not_a_directory", shown(e.getFile())));
            return ExitCode.UNUSABLE;
        } catch (InputException e) {
            Main.fail(err, texts, texts.get("cli.nothing_written", e.message(texts)));
            return ExitCode.UNUSABLE;
        } catch (IOException e) {
            String why = Escape.controls(IoProblem.located(e, texts));
            Main.fail(err, texts, out == null ? texts.get("cli.calc.write_failed", why)
                    : texts.get("cli.calc.report_write_failed", why, shown(out)));
            return ExitCode.UNUSABLE;
        } finally {
            Inputs.discard(files);
        }
    }

    /** A path in a message, with a line feed or any other control character in its name shown escaped. */
    private static String shown(Object path) {
        return Escape.controls(String.valueOf(path));
    }

    /**
     * Progress by default only where someone watches it: redirected, standard error would fill with redraws;
     * and a report printed to the same terminal would be cut through by the progress line.
     */
    private boolean onATerminal() {
        return Terminal.stderr() && (out != null || !Terminal.stdout());
    }
}
