package subsidy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import subsidy.ledger.Ledger;
import subsidy.ledger.LedgerException;
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
import subsidy.text.Texts;

/** {@code subsidy explain}: how one entity's amounts were derived, clause by clause. */
@Command(name = "explain", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
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

    @CommandLine.Mixin
    LangOption lang;

    @Option(names = "--id", required = true, paramLabel = "ENTITY_ID", description = "The entity's credit code (a household list's household_id).")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--ledger", paramLabel = "LEDGER",
            description = "Explain as calc --ledger would compute the entity now: each program's limit across "
                    + "batches, with what the ledger says it was paid before. Needs --period. Default with "
                    + "--period: the configuration's ledger, if any.")
    String ledger;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "The month of the batch (with --ledger).")
    String period;

    @Option(names = "--hires", paramLabel = "FILE",
            description = "A hire list, as calc --hires: the heads of the programs it covers are its persons counted "
                    + "for this firm (with --ledger, less those paid before).")
    Path hires;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Texts texts = lang.texts();
        if (ledger != null && period == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), texts.get("cli.explain.ledger_needs_period"));
        }
        if (period != null && !period.matches("20[0-9]{2}-(0[1-9]|1[0-2])")) {
            throw new CommandLine.ParameterException(spec.commandLine(), texts.get("cli.period_bad",
                    subsidy.input.Escape.controls(period)));
        }
        if (run.asOf == null && period != null) {
            run.asOf = java.time.YearMonth.parse(period).atEndOfMonth();
        }
        if (ledger == null && period != null) {
            // As calc records a period's batch in the configuration's ledger, explain reads it there.
            ledger = RunOptions.configuration(spec).ledger();
        }
        subsidy.ledger.StateReader reader = null;
        try {
            Policy policy = run.policy();
            RunOptions.sayLeftOut(policy, texts, err::println);
            run.warnEnded(err::println);
            run.warnExamples(policy, texts, err::println);
            subsidy.calc.Calculator calculator = new subsidy.calc.Calculator(policy, texts);
            subsidy.calc.PriorSource priors = null;
            if (ledger != null) {
                Ledger opened = Ledger.openExisting(ledger, java.time.Duration.ofSeconds(60),
                        java.time.Clock.systemUTC());
                java.util.Map<Long, subsidy.ledger.BatchInfo> batches = new java.util.HashMap<>();
                opened.batches(null).forEach(b -> batches.put(b.id(), b));
                calculator = calculator.withLedger(new subsidy.calc.Limits(period, policy.id(), batches));
                reader = opened.stateReader(null);
                priors = reader::lookup;
                err.println(texts.get("cli.explain.against_ledger", opened.shown(), opened.state(), period));
                if (hires != null) {
                    calculator = calculator.withHires(subsidy.hire.HireRun.assign(policy,
                            subsidy.hire.HireList.read(hires, hires.toString(), null), subsidy.ledger.HiredPersons
                                    .read(opened, subsidy.hire.HireRun.coveredPrograms(policy))));
                }
            } else if (hires != null) {
                calculator = calculator.withHires(subsidy.hire.HireRun.assign(policy,
                        subsidy.hire.HireList.read(hires, hires.toString(), null), null));
            }
            List<InputFile> files = run.open(policy);
            Optional<Explanation> x;
            try {
                x = new Explainer(calculator, priors, texts).explain(files, id);
            } finally {
                Inputs.discard(files);
            }
            if (x.isEmpty()) {
                Main.fail(err, texts, texts.get(policy.households() ? "cli.explain.no_household" : "cli.explain.no_row",
                        String.join(", ", run.inputs.stream().map(Path::toString).toList()),
                        subsidy.input.Escape.controls(id)));
                return ExitCode.USAGE;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.json ? ExplanationFormat.json(x.get()) : ExplanationFormat.text(x.get(), texts));
            out.flush();
            return x.get().computed() ? ExitCode.OK : ExitCode.SOME_REJECTED;
        } catch (LedgerException e) {
            Main.fail(err, texts, subsidy.input.Escape.controls(e.message(texts)));
            return e.usage() ? ExitCode.USAGE : ExitCode.UNUSABLE;
        } catch (PolicyException e) {
            Main.fail(err, texts, e.message(texts));
            return ExitCode.UNUSABLE;
        } catch (InputException e) {
            Main.fail(err, texts, e.message(texts));
            return ExitCode.UNUSABLE;
        } catch (IOException e) {
            Main.fail(err, texts, texts.get("cli.explain.cannot_read", IoProblem.located(e, texts)));
            return ExitCode.UNUSABLE;
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
