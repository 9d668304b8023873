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
import subsidy.audit.LedgerAudit;
import subsidy.input.Escape;
import subsidy.ledger.BatchInfo;
import subsidy.ledger.Ledger;
import subsidy.ledger.LedgerException;
import subsidy.report.Manifest;
import subsidy.report.Outputs;
import subsidy.input.IoProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import subsidy.audit.Verifier;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.report.Csv;
import subsidy.text.Texts;

/** {@code subsidy verify}: recompute a report and list every difference. */
@Command(name = "verify", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
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

    @CommandLine.Mixin
    LangOption lang;

    @Option(names = "--report", required = true, paramLabel = "REPORT",
            description = "The report (report.csv or report.xlsx) to check.")
    Path report;

    @Option(names = "--hires", paramLabel = "FILE",
            description = "The hire list the report was computed with (calc --hires): the programs it covers are "
                    + "recomputed from its persons, and hires.csv too.")
    Path hires;

    @Option(names = "--ledger", paramLabel = "LEDGER",
            description = "The ledger the report's batch was recorded in: recompute the batch as the ledger stood "
                    + "before it, and compare what the ledger recorded with the recomputation too.")
    String ledger;

    @Option(names = "--batch", paramLabel = "N",
            description = "The batch to recompute (default: the one the report's manifest.json names).")
    Long batch;

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Texts texts = lang.texts();
        if (!Files.isRegularFile(report)) {
            Main.fail(err, texts, texts.get(Files.isDirectory(report) ? "cli.verify.report_is_directory"
                    : Files.exists(report) ? "cli.verify.report_not_regular" : "cli.verify.no_report", report));
            return ExitCode.UNUSABLE;
        }
        Path manifestFile = report.toAbsolutePath().resolveSibling(Outputs.MANIFEST);
        Manifest.HiresRef hiresRef = Manifest.hiresRef(manifestFile);
        String hiresRun = hiresRef == null ? null : hiresRef.file();
        if (hiresRun != null && hires == null) {
            // Recomputed without its hire list, the programs it covers would all differ: say so instead.
            Main.fail(err, texts, texts.get("hires.verify_needs_hires", Escape.controls(report.toString()),
                    Escape.controls(hiresRun)));
            return ExitCode.USAGE;
        }
        if (hires != null && ledger != null) {
            Main.fail(err, texts, texts.get("hires.verify_ledger_not_done"));
            return ExitCode.UNUSABLE;
        }
        Manifest.LedgerRef ref = Manifest.ledgerRef(manifestFile);
        LedgerAudit audit = null;
        BatchInfo recorded = null;
        Ledger opened = null;
        if (ledger == null && batch != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), texts.get("cli.needs_ledger", "--batch"));
        }
        if (ledger != null) {
            try {
                opened = Ledger.openExisting(ledger, java.time.Duration.ofSeconds(60), java.time.Clock.systemUTC());
                long n = batch != null ? batch : ref != null && ref.ledgerId().equals(opened.id()) ? ref.batch() : -1;
                if (n < 0) {
                    Main.fail(err, texts, Escape.controls(ref == null
                            ? texts.get("cli.verify.manifest_no_batch", manifestFile)
                            : texts.get("cli.verify.manifest_other_ledger", manifestFile, ref.ledgerId())));
                    return ExitCode.USAGE;
                }
                for (BatchInfo b : opened.batches(null)) {
                    if (b.id() == n) {
                        recorded = b;
                    }
                }
                if (recorded == null || recorded.imported()) {
                    Main.fail(err, texts, texts.get("cli.verify.no_calc_batch", Escape.controls(opened.shown()), n));
                    return ExitCode.USAGE;
                }
                if (run.asOf == null && recorded.asOf() != null) {
                    run.asOf = java.time.LocalDate.parse(recorded.asOf()); // as the batch read its policy
                }
            } catch (LedgerException e) {
                Main.fail(err, texts, Escape.controls(e.message(texts)));
                return e.usage() ? ExitCode.USAGE : ExitCode.UNUSABLE;
            }
        }
        boolean manifestDate = false;
        if (run.asOf == null && recorded == null) {
            run.asOf = asOf(manifestFile); // recomputed on the date the report was computed on
            manifestDate = run.asOf != null;
        }
        try {
            Policy policy = run.policy();
            PrintStream stderr = main.std.messages;
            if (manifestDate) {
                stderr.println(texts.get("cli.verify.as_of_manifest", run.asOf, Escape.controls(manifestFile.toString())));
            }
            if (recorded != null) {
                audit = new LedgerAudit(opened, recorded, policy, texts);
                stderr.println(texts.get("cli.verify.batch", recorded.id(), recorded.period(), recorded.against()));
                if (!recorded.counted()) {
                    stderr.println(texts.get("cli.verify.batch_not_counted", recorded.id(),
                            texts.get("ledger.state." + recorded.state()),
                            recorded.replacedBy() == null ? "" : texts.get("cli.verify.by_batch", recorded.replacedBy())));
                }
            } else if (ref != null) {
                stderr.println(texts.get("cli.verify.without_ledger", ref.batch()));
            }
            RunOptions.sayLeftOut(policy, texts, stderr::println);
            run.warnEnded(stderr::println);
            // Every difference is written as it is found, and a failed write stops the run: a listing
            // cut short must not end as "n differences" or, worse, as exit 0.
            Csv out = Csv.open(new Std.Checked(new TerminalText(main.std.out)),
                    List.of(policy.households() ? "household_id" : "entity_id", "column", "reported", "recomputed"));
            List<InputFile> files = run.open(policy);
            Verifier.Outcome o;
            try {
                Verifier verifier = new Verifier(policy, audit, texts);
                if (hires != null) {
                    // Read under the name the run gave it, as rejected.csv and hires.csv name it.
                    subsidy.hire.HireList list = subsidy.hire.HireList.read(hires,
                            hiresRun != null ? hiresRun : hires.toString(), null);
                    if (hiresRef != null && hiresRef.sha256() != null && !hiresRef.sha256().equals(list.sha256())) {
                        stderr.println(texts.get("hires.verify_other_list", Escape.controls(hires.toString()),
                                Escape.controls(manifestFile.toString())));
                    }
                    verifier.withHires(subsidy.hire.HireRun.assign(policy, list, null));
                }
                o = verifier.verify(files, report, d -> {
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
            o.notes().forEach(n -> stderr.println(texts.get("cli.verify.note", n)));
            stderr.println(texts.get("cli.verify.done", o.rowsCompared(), o.differences()));
            return o.differences() == 0 ? ExitCode.OK : ExitCode.MISMATCH;
        } catch (LedgerException e) {
            Main.fail(err, texts, Escape.controls(e.message(texts)));
            return e.usage() ? ExitCode.USAGE : ExitCode.UNUSABLE;
        } catch (PolicyException e) {
            Main.fail(err, texts, e.message(texts));
            return ExitCode.UNUSABLE;
        } catch (InputException e) {
            Main.fail(err, texts, e.message(texts));
            return ExitCode.UNUSABLE;
        } catch (UncheckedIOException e) {
            return failed(err, texts, e.getCause());
        } catch (IOException e) {
            return failed(err, texts, e);
        }
    }

    /**
     * The date a manifest says its run read the policy on ({@code as_of}), or null: none (an undated policy),
     * no manifest, or one that cannot be read (which the manifest check reports).
     */
    private static java.time.LocalDate asOf(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode asOf = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(manifest.toFile()).path("as_of");
            return asOf.isTextual() ? java.time.LocalDate.parse(asOf.asText()) : null;
        } catch (IOException | java.time.DateTimeException unreadable) {
            return null;
        }
    }

    private int failed(PrintWriter err, Texts texts, IOException e) {
        if (e instanceof Std.Failed f) {
            Main.fail(err, texts, texts.get("cli.verify.stdout_failed", IoProblem.describe(f.getCause(), texts)));
        } else {
            Main.fail(err, texts, texts.get("cli.verify.cannot_read", IoProblem.located(e, texts)));
        }
        return ExitCode.UNUSABLE;
    }
}
