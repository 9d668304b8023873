package subsidy.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import subsidy.Sha256;
import subsidy.entity.CreditCode;
import subsidy.input.Escape;
import subsidy.input.IoProblem;
import subsidy.ledger.BatchInfo;
import subsidy.ledger.Corrections;
import subsidy.ledger.Entry;
import subsidy.ledger.History;
import subsidy.ledger.Ledger;
import subsidy.ledger.LedgerException;
import subsidy.ledger.LedgerRun;
import subsidy.ledger.Prior;
import subsidy.report.Csv;

/**
 * {@code subsidy ledger list|history|export|import|void}: what a ledger holds, and the changes that
 * are not a calc run. Each is one thin class over {@link Ledger}, {@link History} and {@link Corrections}.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Look into a ledger of batches, or correct it: import earlier payments, void an entry.",
        subcommands = {LedgerCommand.ListBatches.class, LedgerCommand.EntityHistory.class, LedgerCommand.Export.class,
            LedgerCommand.Import.class, LedgerCommand.Void.class})
final class LedgerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: list, history, export, import or void");
    }

    /** The options every ledger subcommand has. */
    static final class Where {
        @Option(names = "--ledger", required = true, paramLabel = "LEDGER",
                description = "The ledger: a file (SQLite) or jdbc:postgresql://HOST/DB?user=U.")
        String ledger;

        @Option(names = "--ledger-wait", paramLabel = "SECONDS", defaultValue = "60",
                description = "How long to wait for a run writing the ledger (default: ${DEFAULT-VALUE}).")
        int waitSeconds;

        /** Import and void may make a new ledger (an import is a ledger's first batch); the others only read one. */
        boolean writes;

        Ledger open() throws LedgerException {
            return writes ? Ledger.open(ledger, Duration.ofSeconds(Math.max(0, waitSeconds)), Clock.systemUTC())
                    : Ledger.openExisting(ledger, Duration.ofSeconds(Math.max(0, waitSeconds)), Clock.systemUTC());
        }
    }

    /** Runs a subcommand's body, turning a ledger's refusal into its message and exit code. */
    interface Body {
        int run(Ledger ledger) throws IOException;
    }

    static int withLedger(CommandLine.Model.CommandSpec spec, Where where, Body body) {
        PrintWriter err = spec.commandLine().getErr();
        if (where.waitSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ledger-wait must be 0 or more");
        }
        try {
            return body.run(where.open());
        } catch (LedgerException e) {
            Main.fail(err, Escape.controls(e.getMessage()));
            return e.usage() ? ExitCode.USAGE : ExitCode.UNUSABLE;
        } catch (Std.Failed e) {
            Main.fail(err, "could not write to standard output: " + IoProblem.describe(e.getCause())
                    + "; the list is incomplete");
            return ExitCode.UNUSABLE;
        } catch (IOException e) {
            Main.fail(err, Escape.controls(IoProblem.located(e)));
            return ExitCode.UNUSABLE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The ledger's batches, oldest first: number, period, kind, state, when, entities, total.")
    static final class ListBatches implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Option(names = "--period", paramLabel = "YYYY-MM", description = "Only the batches of this period.")
        String period;

        @Override
        public Integer call() {
            return withLedger(spec, where, ledger -> {
                PrintWriter out = spec.commandLine().getOut();
                List<BatchInfo> batches = ledger.batches(period);
                out.println("ledger " + ledger.shown() + " (id " + ledger.id() + "), state " + ledger.state() + ", "
                        + batches.size() + " batch(es)" + (period == null ? "" : " of " + period));
                out.println(String.format(Locale.ROOT, "%6s  %-17s  %-6s  %-20s  %-20s  %9s  %16s  %s", "batch",
                        "period", "kind", "state", "recorded", "entities", "total", "files, policy, note"));
                for (BatchInfo b : batches) {
                    String state = b.state() + (b.replacedBy() == null ? "" : " by " + b.replacedBy());
                    String note = b.files() + (b.policyId() == null ? "" : ", " + b.policyId())
                            + (b.replaces() == null ? "" : ", replaces " + b.replaces())
                            + (b.reason() == null ? "" : ", " + b.reason());
                    out.println(String.format(Locale.ROOT, "%6d  %-17s  %-6s  %-20s  %-20s  %9d  %16s  %s", b.id(),
                            b.period(), b.kind(), state, b.createdAt(), b.entities(), b.total(), Escape.controls(note)));
                }
                out.flush();
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Everything the ledger paid one entity, batch by batch, and what counts against its "
                    + "programs' limits now.")
    static final class EntityHistory implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Parameters(paramLabel = "ENTITY", description = "The entity's unified social credit code.")
        String entity;

        @Override
        public Integer call() {
            return withLedger(spec, where, ledger -> {
                PrintWriter out = spec.commandLine().getOut();
                String id = entity.strip().toUpperCase(Locale.ROOT);
                String wrong = CreditCode.problem(id);
                if (wrong != null) {
                    throw new LedgerException(LedgerException.Kind.NOT_FOUND, "'" + id + "' is not a unified social "
                            + "credit code: " + wrong);
                }
                Map<Long, BatchInfo> batches = new java.util.HashMap<>();
                ledger.batches(null).forEach(b -> batches.put(b.id(), b));
                List<History.Payment> paid = ledger.history().of(id);
                List<Ledger.Change> changes = ledger.changes();
                out.println(Escape.controls(id) + ": " + paid.size() + " payment(s) in the ledger " + ledger.shown());
                for (History.Payment p : paid) {
                    BatchInfo b = batches.get(p.batch());
                    for (LedgerRun.Item i : p.items()) {
                        // A whole batch's void shows in its state; an entry's void is said beside it.
                        String voided = changes.stream().filter(v -> v.entity() != null
                                && v.voids(p.batch(), id, i.program()))
                                .map(v -> "voided " + v.at() + ": " + v.reason()).findFirst().orElse("");
                        out.println(String.format(Locale.ROOT, "  %-7s  batch %-5d  %-22s  %14s  %6s  %s", p.period(),
                                p.batch(), i.program(), i.amount().toPlainString(),
                                i.months() == null ? "" : i.months().toPlainString() + "m",
                                Escape.controls(String.join("; ", List.of(b == null ? "?" : b.state()
                                        + (b.kind().equals("import") ? " (import)" : ""),
                                        i.counted() ? "counts against its limit" : "no limit", voided)
                                        .stream().filter(s -> !s.isEmpty()).toList()))));
                    }
                }
                Prior now;
                try (var reader = ledger.stateReader(null)) {
                    now = reader.lookup(List.of(id)).getOrDefault(id, Prior.NONE);
                }
                out.println("counting against limits now:" + (now.entries().isEmpty() ? " nothing" : ""));
                for (Entry e : now.entries()) {
                    out.println("  " + e.program() + " " + e.amount().toPlainString()
                            + (e.months() == null ? "" : " (" + e.months().toPlainString() + " months)") + " in "
                            + e.period() + ", batch " + e.batch());
                }
                out.flush();
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "What a batch, or every batch of a period, paid: one CSV row per entity and program, "
                    + "with the batch's state and any void.")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Option(names = "--batch", paramLabel = "N", description = "The batch to export.")
        Long batch;

        @Option(names = "--period", paramLabel = "YYYY-MM", description = "Every batch of this period.")
        String period;

        static final List<String> HEADER = List.of("batch", "period", "batch_state", "entity_id", "program", "amount",
                "months", "counts_against_limit", "voided");

        @Override
        public Integer call() {
            if ((batch == null) == (period == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "name --batch N or --period YYYY-MM");
            }
            Main main = (Main) spec.commandLine().getParent().getParent().getCommand();
            return withLedger(spec, where, ledger -> {
                List<BatchInfo> chosen = ledger.batches(period).stream()
                        .filter(b -> batch == null || b.id() == batch).toList();
                if (chosen.isEmpty()) {
                    throw new LedgerException(LedgerException.Kind.NOT_FOUND, batch != null
                            ? "the ledger has no batch " + batch : "the ledger has no batch of " + period);
                }
                List<Ledger.Change> changes = ledger.changes();
                // On a terminal the list is for eyes: a control character in a reason is shown, not obeyed.
                OutputStream stdout = new Std.Checked(Terminal.stdout() ? new TerminalText(main.std.out) : main.std.out);
                try (Csv csv = Csv.open(new BufferedOutputStream(stdout, 1 << 16), HEADER)) {
                    for (BatchInfo b : chosen) {
                        for (History.Payment p : ledger.history().ofBatch(b.id())) {
                            for (LedgerRun.Item i : p.items()) {
                                String voided = changes.stream().filter(v -> v.voids(b.id(), p.entity(), i.program()))
                                        .map(v -> v.at() + " " + v.reason()).findFirst().orElse("");
                                csv.row(b.id(), p.period(), b.state(), p.entity(), i.program(),
                                        i.amount().toPlainString(), i.months() == null ? "" : i.months().toPlainString(),
                                        i.counted() ? "yes" : "no", voided);
                            }
                        }
                    }
                }
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Record payments made before the ledger was kept, so that the first month does not pay "
                    + "them again. FILE is a CSV (UTF-8) with the columns entity_id, program, period (YYYY-MM), "
                    + "amount (yuan) and months (the rent waiver's months; else blank). All rows or none: a file "
                    + "with a bad row is refused, every bad row named.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Parameters(paramLabel = "FILE", description = "The payments, one per row.")
        Path file;

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Where the payments come from (kept in the ledger).")
        String reason;

        @Option(names = "--policy", paramLabel = "FILE",
                description = "The policy whose programs the payments are of (default: the bundled policy); a "
                        + "program it does not have is refused, and months are given exactly for its rent waivers.")
        Path policyFile;

        private static final Pattern PERIOD = Pattern.compile("20[0-9]{2}-(0[1-9]|1[0-2])");
        private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                Main.fail(err, Escape.controls(file + ": " + IoProblem.describe(e)));
                return ExitCode.UNUSABLE;
            }
            subsidy.policy.Policy policy;
            try {
                // Its programs in any period: payments of any month may be imported, so every program is read
                // whatever its period of force (as policy check reads them).
                policy = policyFile == null ? subsidy.policy.PolicyLoader.bundled(subsidy.policy.Resolution.CHECK)
                        : subsidy.policy.PolicyLoader.load(policyFile, subsidy.policy.Resolution.CHECK);
            } catch (subsidy.policy.PolicyException e) {
                Main.fail(err, e.getMessage());
                return ExitCode.UNUSABLE;
            }
            List<Corrections.Paid> rows = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            read(bytes, policy, rows, problems);
            if (problems.isEmpty() && rows.isEmpty()) {
                problems.add("no payments below the header");
            }
            if (!problems.isEmpty()) {
                // Each problem on its own line, each escaped on its own.
                StringBuilder m = new StringBuilder(Escape.controls(file.toString())).append(": ")
                        .append(problems.size()).append(" problem(s); nothing imported:");
                problems.stream().limit(50).forEach(pr -> m.append("\n  ").append(Escape.controls(pr)));
                if (problems.size() > 50) {
                    m.append("\n  … and ").append(problems.size() - 50).append(" more");
                }
                Main.fail(err, m.toString());
                return ExitCode.UNUSABLE;
            }
            where.writes = true;
            return withLedger(spec, where, ledger -> {
                long id = new Corrections(ledger).importPayments(rows, file.getFileName().toString(),
                        Sha256.of(bytes), reason);
                // Said on standard error, as calc says what it recorded: standard output carries data only.
                spec.commandLine().getErr().println("subsidy: imported " + rows.size() + " payment(s) from "
                        + Escape.controls(file.toString()) + " as batch " + id + " of the ledger " + ledger.shown());
                spec.commandLine().getErr().flush();
                return ExitCode.OK;
            });
        }

        private void read(byte[] bytes, subsidy.policy.Policy policy, List<Corrections.Paid> rows,
                List<String> problems) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
            try (Reader r = new java.io.StringReader(text); CSVParser p = format.parse(r)) {
                List<String> header = p.getHeaderNames();
                List<String> missing = List.of("entity_id", "program", "period", "amount", "months").stream()
                        .filter(c -> !header.contains(c)).toList();
                if (!missing.isEmpty()) {
                    problems.add("the header has no column " + String.join(", ", missing) + " (it needs entity_id, "
                            + "program, period, amount, months; the file is read as UTF-8)");
                }
                if (!problems.isEmpty()) {
                    return;
                }
                for (CSVRecord rec : p) {
                    long line = rec.getParser().getCurrentLineNumber();
                    if (rec.size() != header.size()) {
                        problems.add("line " + line + ": " + rec.size() + " cells, the header has " + header.size());
                        continue;
                    }
                    List<String> wrong = new ArrayList<>();
                    String entity = rec.get("entity_id").strip().toUpperCase(Locale.ROOT);
                    String why = CreditCode.problem(entity);
                    if (why != null) {
                        wrong.add("entity_id '" + entity + "': " + why);
                    }
                    String program = rec.get("program").strip();
                    subsidy.program.Program known = policy.programs().stream().filter(x -> x.id().equals(program))
                            .findFirst().orElse(null);
                    if (known == null) {
                        wrong.add("program '" + program + "' is not a program of " + policy.id() + " ("
                                + String.join(", ", policy.programs().stream().map(x -> x.id()).toList()) + ")");
                    }
                    String period = rec.get("period").strip();
                    if (!PERIOD.matcher(period).matches()) {
                        wrong.add("period '" + period + "': YYYY-MM");
                    }
                    String amount = rec.get("amount").strip().replace(",", "");
                    if (!AMOUNT.matcher(amount).matches()) {
                        wrong.add("amount '" + amount + "': yuan, 0 or more, at most 2 decimals");
                    }
                    String months = rec.get("months").strip();
                    if (!months.isEmpty() && !AMOUNT.matcher(months).matches()) {
                        wrong.add("months '" + months + "': a number of months, at most 2 decimals, or blank");
                    } else if (known != null && known.reportsMonths() && (months.isEmpty() || new BigDecimal(months)
                            .signum() == 0)) {
                        wrong.add("months: blank, but " + program + " waives months; give the months waived");
                    } else if (known != null && !known.reportsMonths() && !months.isEmpty()) {
                        wrong.add("months '" + months + "': " + program + " waives no months; leave it blank");
                    }
                    if (wrong.isEmpty()) {
                        rows.add(new Corrections.Paid(entity, program, period, new BigDecimal(amount).setScale(2),
                                months.isEmpty() ? null : new BigDecimal(months).setScale(2)));
                    } else {
                        problems.add("line " + line + ": " + String.join("; ", wrong));
                    }
                }
            } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
                problems.add("not a CSV file this can read (UTF-8, with the header entity_id,program,period,amount,"
                        + "months): " + e.getMessage());
            }
        }
    }

    @Command(name = "void", mixinStandardHelpOptions = true,
            description = "Void what a batch paid one entity (a clawback, 追回, or a payment the bank returned), or a "
                    + "whole batch: from then on it does not count against any limit. Nothing is deleted; the void "
                    + "is recorded with its reason.")
    static final class Void implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Option(names = "--batch", required = true, paramLabel = "N", description = "The batch.")
        long batch;

        @Option(names = "--entity", paramLabel = "ID", description = "Only what the batch paid this entity.")
        String entity;

        @Option(names = "--program", paramLabel = "ID", description = "Only this program (with --entity).")
        String program;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the ledger).")
        String reason;

        @Override
        public Integer call() {
            if (program != null && entity == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--program needs --entity");
            }
            return withLedger(spec, where, ledger -> {
                String id = entity == null ? null : entity.strip().toUpperCase(Locale.ROOT);
                new Corrections(ledger).voidEntries(batch, id, program, reason);
                spec.commandLine().getErr().println("subsidy: voided " + (id == null ? "batch " + batch
                        : (program == null ? "what batch " + batch + " paid " : program + " of batch " + batch + " to ")
                                + Escape.controls(id)) + " in the ledger " + ledger.shown() + "; it no longer counts");
                spec.commandLine().getErr().flush();
                return ExitCode.OK;
            });
        }
    }
}
