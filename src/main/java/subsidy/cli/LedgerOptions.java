package subsidy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import subsidy.Sha256;
import subsidy.input.Escape;
import subsidy.input.IoProblem;
import subsidy.ledger.Ledger;
import subsidy.ledger.LedgerException;
import subsidy.run.Recording;
import subsidy.text.Texts;

/** calc's ledger options: which ledger, which period, and how the batch is recorded. */
final class LedgerOptions {
    private static final Pattern PERIOD = Pattern.compile("(20[0-9]{2})-(0[1-9]|1[0-2])");

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** The language of the command (its --lang), for the messages and for the ledger calls made with these options. */
    Texts texts() {
        return spec == null ? Texts.EN : LangOption.of(spec);
    }

    @Option(names = "--ledger", paramLabel = "LEDGER",
            description = "Compute against the record of what earlier batches paid, and record this batch in it: "
                    + "a file (SQLite; made when missing) or jdbc:postgresql://HOST/DB?user=U. Needs --period. "
                    + "Default with --period: the configuration's ledger, if any.")
    String ledger;

    @Option(names = "--period", paramLabel = "YYYY-MM",
            description = "The month this batch is for (2022-05). Without --as-of, the policy is read as in force on "
                    + "its last day.")
    String period;

    @Option(names = "--replace", arity = "0..1", fallbackValue = "", paramLabel = "N",
            description = "Recompute a batch recorded before, as the ledger stood without it: the one with the same "
                    + "inputs for --period, or batch N. The replaced batch stays in the ledger as history.")
    String replace;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why a batch is replaced (kept in the ledger).")
    String reason;

    @Option(names = "--dry-run", description = "Compute against the ledger, record nothing.")
    boolean dryRun;

    @Option(names = "--ledger-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for another run writing the ledger (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    /** The period's last day, the date the policy is read on without --as-of; null without --period. */
    LocalDate periodEnd(CommandLine cmd) {
        if (period == null) {
            return null;
        }
        if (!PERIOD.matcher(period).matches()) {
            throw new CommandLine.ParameterException(cmd, texts().get("cli.period_bad_range", Escape.controls(period)));
        }
        return YearMonth.parse(period).atEndOfMonth();
    }

    /**
     * Checks the options that go together, before anything is read. A batch (--period) without --ledger is
     * recorded in the configuration's ledger, if it sets one; a run without --period never reads one.
     */
    void check(CommandLine cmd) {
        periodEnd(cmd);
        if (ledger == null && period != null) {
            ledger = RunOptions.configuration(spec).ledger();
        }
        if (ledger == null) {
            for (var o : new Object[][] {{replace, "--replace"}, {reason, "--reason"}}) {
                if (o[0] != null) {
                    throw new CommandLine.ParameterException(cmd, texts().get("cli.needs_ledger", o[1]));
                }
            }
            if (dryRun) {
                throw new CommandLine.ParameterException(cmd, texts().get("cli.needs_ledger", "--dry-run"));
            }
            return;
        }
        if (period == null) {
            throw new CommandLine.ParameterException(cmd, texts().get("cli.calc.ledger_needs_period"));
        }
        if (replace != null && !replace.isEmpty() && !replace.matches("[0-9]{1,18}")) {
            throw new CommandLine.ParameterException(cmd, texts().get("cli.calc.replace_bad", Escape.controls(replace)));
        }
        if (waitSeconds < 0) {
            throw new CommandLine.ParameterException(cmd, texts().get("cli.ledger_wait_negative"));
        }
    }


    /**
     * The run's ledger options, the ledger opened (or null without --ledger); --replace without a number
     * hashes the inputs first, to find the batch that had them (a pipe can be read once only, so it
     * needs the number). Nothing is made before the options are known to be usable.
     */
    Recording.Options recording(CommandLine cmd, List<Path> inputs, boolean toStandardOutput) throws LedgerException {
        if (ledger == null) {
            return null;
        }
        // A report on standard output cannot be taken back: recorded inputs are refused before it starts.
        String known = toStandardOutput && replace == null && !dryRun && inputs.stream().allMatch(Files::isRegularFile)
                ? Recording.contentKey(period, inputs.stream().map(p -> sha256(cmd, p)).toList()) : null;
        Long id = replace == null || replace.isEmpty() ? null : Long.valueOf(replace);
        String key = null;
        if (replace != null && replace.isEmpty()) {
            List<String> shas = new ArrayList<>();
            for (Path p : inputs) {
                if (!Files.isRegularFile(p)) {
                    throw new CommandLine.ParameterException(cmd, texts().get("cli.calc.replace_pipe",
                            Escape.controls(p.toString())));
                }
                shas.add(sha256(cmd, p));
            }
            key = Recording.contentKey(period, shas);
        }
        Ledger opened = Ledger.open(ledger, Duration.ofSeconds(waitSeconds), Clock.systemUTC());
        return new Recording.Options(opened, period, id, key, reason, dryRun, known);
    }

    private String sha256(CommandLine cmd, Path p) {
        try {
            return Sha256.of(p);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cmd, texts().get("cli.file_problem", Escape.controls(p.toString()),
                    IoProblem.describe(e, texts())));
        }
    }
}
