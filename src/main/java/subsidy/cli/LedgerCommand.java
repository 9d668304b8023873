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
import subsidy.text.Texts;

/**
 * {@code subsidy ledger list|history|export|import|void}: what a ledger holds, and the changes that
 * are not a calc run. Each is one thin class over {@link Ledger}, {@link History} and {@link Corrections}.
 */
@Command(name = "ledger", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Look into a ledger of batches, or correct it: import earlier payments, void an entry.",
        subcommands = {LedgerCommand.ListBatches.class, LedgerCommand.EntityHistory.class, LedgerCommand.Export.class,
            LedgerCommand.Import.class, LedgerCommand.Void.class})
final class LedgerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LangOption lang;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), lang.texts().get("cli.ledger.name_subcommand"));
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
        Texts texts = LangOption.of(spec);
        if (where.waitSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), texts.get("cli.ledger_wait_negative"));
        }
        try {
            return body.run(where.open());
        } catch (LedgerException e) {
            Main.fail(err, texts, Escape.controls(e.message(texts)));
            return e.usage() ? ExitCode.USAGE : ExitCode.UNUSABLE;
        } catch (Std.Failed e) {
            Main.fail(err, texts, texts.get("cli.ledger.stdout_failed", IoProblem.describe(e.getCause(), texts)));
            return ExitCode.UNUSABLE;
        } catch (IOException e) {
            Main.fail(err, texts, Escape.controls(IoProblem.located(e, texts)));
            return ExitCode.UNUSABLE;
        }
    }

    @Command(name = "list", addMethodSubcommands = false, mixinStandardHelpOptions = true,
            description = "The ledger's batches, oldest first: number, period, kind, state, when, entities, total.")
    static final class ListBatches implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @CommandLine.Mixin
        LangOption lang;

        @Option(names = "--period", paramLabel = "YYYY-MM", description = "Only the batches of this period.")
        String period;

        @Override
        public Integer call() {
            Texts texts = lang.texts();
            return withLedger(spec, where, ledger -> {
                PrintWriter out = spec.commandLine().getOut();
                List<BatchInfo> batches = ledger.batches(period);
                out.println(texts.get("cli.ledger.list.title", ledger.shown(), ledger.id(), ledger.state(),
                        batches.size(), period == null ? "" : texts.get("cli.ledger.list.of_period", period)));
                // The words of the head row are padded as the numbers below them; kind and state stay the
                // ledger's words (calc, import; recorded, replaced, voided), which scripts and SQL read.
                // Padded by terminal columns, not characters: a Chinese word takes two per character.
                out.println(String.join("  ", pad(texts.get("cli.ledger.list.batch"), 6, true),
                        pad(texts.get("cli.ledger.list.period"), 17, false), pad(texts.get("cli.ledger.list.kind"), 6, false),
                        pad(texts.get("cli.ledger.list.state"), 20, false),
                        pad(texts.get("cli.ledger.list.recorded"), 20, false),
                        pad(texts.get("cli.ledger.list.entities"), 9, true), pad(texts.get("cli.ledger.list.total"), 16, true),
                        texts.get("cli.ledger.list.note")));
                for (BatchInfo b : batches) {
                    String state = b.state() + (b.replacedBy() == null ? "" : texts.get("cli.ledger.by", b.replacedBy()));
                    String note = b.files() + (b.policyId() == null ? "" : ", " + b.policyId())
                            + (b.replaces() == null ? "" : texts.get("cli.ledger.list.replaces", b.replaces()))
                            + (b.reason() == null ? "" : ", " + b.reason());
                    out.println(String.format(Locale.ROOT, "%6d  %-17s  %-6s  %-20s  %-20s  %9d  %16s  %s", b.id(),
                            b.period(), b.kind(), state, b.createdAt(), b.entities(), b.total(), Escape.controls(note)));
                }
                out.flush();
                return ExitCode.OK;
            });
        }
    }

    /** {@code word} padded with spaces to {@code columns} terminal columns, on the left ({@code right}-aligned) or right. */
    static String pad(String word, int columns, boolean right) {
        String blanks = " ".repeat(Math.max(0, columns - ProgressMeter.columns(word)));
        return right ? blanks + word : word + blanks;
    }

    @Command(name = "history", addMethodSubcommands = false, mixinStandardHelpOptions = true,
            description = "Everything the ledger paid one entity, batch by batch, and what counts against its "
                    + "programs' limits now.")
    static final class EntityHistory implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Parameters(paramLabel = "ENTITY", descriptionKey = "entity",
                description = "The entity's unified social credit code (a household's household_id).")
        String entity;

        @CommandLine.Mixin
        LangOption lang;

        @Override
        public Integer call() {
            Texts texts = lang.texts();
            return withLedger(spec, where, ledger -> {
                PrintWriter out = spec.commandLine().getOut();
                String id = entity.strip().toUpperCase(Locale.ROOT);
                subsidy.text.Msg why = CreditCode.why(id);
                List<History.Payment> paid = ledger.history().of(id);
                // A household policy's ledger keys households by their household id: an id that is not a
                // credit code is one only if the ledger paid it.
                if (why != null && (paid.isEmpty() || !subsidy.entity.Households.validId(id))) {
                    throw new LedgerException(LedgerException.Kind.NOT_FOUND, texts.get("cli.ledger.not_a_code", id,
                            why.in(texts)));
                }
                Map<Long, BatchInfo> batches = new java.util.HashMap<>();
                ledger.batches(null).forEach(b -> batches.put(b.id(), b));
                List<Ledger.Change> changes = ledger.changes();
                out.println(texts.get("cli.ledger.history.title", Escape.controls(id), paid.size(), ledger.shown()));
                for (History.Payment p : paid) {
                    BatchInfo b = batches.get(p.batch());
                    for (LedgerRun.Item i : p.items()) {
                        // A whole batch's void shows in its state; an entry's void is said beside it.
                        String voided = changes.stream().filter(v -> v.entity() != null
                                && v.voids(p.batch(), id, i.program()))
                                .map(v -> texts.get("cli.ledger.history.voided", v.at(), v.reason())).findFirst()
                                .orElse("");
                        out.println(String.format(Locale.ROOT, "  %-7s  %s %-5d  %-22s  %14s  %6s  %s", p.period(),
                                texts.get("cli.ledger.history.batch"), p.batch(), i.program(),
                                i.amount().toPlainString(),
                                i.months() == null ? "" : texts.get("cli.ledger.history.months_short",
                                        i.months().toPlainString()),
                                Escape.controls(String.join(texts.get("cli.ledger.history.separator"), List.of(
                                        b == null ? "?" : b.state() + (b.kind().equals("import")
                                                ? texts.get("cli.ledger.history.import") : ""),
                                        texts.get(i.counted() ? "cli.ledger.history.counts" : "cli.ledger.history.no_limit"),
                                        voided).stream().filter(s -> !s.isEmpty()).toList()))));
                    }
                }
                Prior now;
                try (var reader = ledger.stateReader(null)) {
                    now = reader.lookup(List.of(id)).getOrDefault(id, Prior.NONE);
                }
                out.println(texts.get(now.entries().isEmpty() ? "cli.ledger.history.now_nothing"
                        : "cli.ledger.history.now"));
                for (Entry e : now.entries()) {
                    out.println(texts.get("cli.ledger.history.entry", e.program(), e.amount().toPlainString(),
                            e.months() == null ? "" : texts.get("cli.ledger.history.months", e.months().toPlainString()),
                            e.period(), e.batch()));
                }
                out.flush();
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "export", addMethodSubcommands = false, mixinStandardHelpOptions = true,
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

        @CommandLine.Mixin
        LangOption lang;

        static final List<String> HEADER = List.of("batch", "period", "batch_state", "entity_id", "program", "amount",
                "months", "counts_against_limit", "voided");

        @Override
        public Integer call() {
            Texts texts = lang.texts();
            if ((batch == null) == (period == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), texts.get("cli.ledger.export.which"));
            }
            Main main = (Main) spec.commandLine().getParent().getParent().getCommand();
            return withLedger(spec, where, ledger -> {
                List<BatchInfo> chosen = ledger.batches(period).stream()
                        .filter(b -> batch == null || b.id() == batch).toList();
                if (chosen.isEmpty()) {
                    throw new LedgerException(LedgerException.Kind.NOT_FOUND, batch != null
                            ? texts.get("cli.ledger.no_batch", batch) : texts.get("cli.ledger.no_batch_of", period));
                }
                List<Ledger.Change> changes = ledger.changes();
                // On a terminal the list is for eyes: a control character in a reason is shown, not obeyed.
                OutputStream stdout = new Std.Checked(Terminal.stdout() ? new TerminalText(main.std.out) : main.std.out);
                // The CSV is for scripts: its column ids and its yes/no stay as they are in every language.
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

    @Command(name = "import", addMethodSubcommands = false, mixinStandardHelpOptions = true,
            description = "Record payments made before the ledger was kept, so that the first month does not pay "
                    + "them again. FILE is a CSV (UTF-8) with the columns entity_id, program, period (YYYY-MM), "
                    + "amount (yuan) and months (the rent waiver's months; else blank). All rows or none: a file "
                    + "with a bad row is refused, every bad row named.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "The payments, one per row.")
        Path file;

        @CommandLine.Mixin
        LangOption lang;

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
            Texts texts = lang.texts();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                Main.fail(err, texts, Escape.controls(texts.get("cli.file_problem", file, IoProblem.describe(e, texts))));
                return ExitCode.UNUSABLE;
            }
            subsidy.policy.Policy policy;
            try {
                // Its programs in any period: payments of any month may be imported, so every program is read
                // whatever its period of force (as policy check reads them).
                policy = policyFile == null ? subsidy.policy.PolicyLoader.bundled(subsidy.policy.Resolution.CHECK)
                        : subsidy.policy.PolicyLoader.load(policyFile, subsidy.policy.Resolution.CHECK);
            } catch (subsidy.policy.PolicyException e) {
                Main.fail(err, texts, e.message(texts));
                return ExitCode.UNUSABLE;
            }
            List<Corrections.Paid> rows = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            read(bytes, policy, rows, problems, texts);
            if (problems.isEmpty() && rows.isEmpty()) {
                problems.add(texts.get("cli.import.no_payments"));
            }
            if (!problems.isEmpty()) {
                // Each problem on its own line, each escaped on its own.
                StringBuilder m = new StringBuilder(texts.get("cli.import.problems", Escape.controls(file.toString()),
                        problems.size()));
                problems.stream().limit(50).forEach(pr -> m.append("\n  ").append(Escape.controls(pr)));
                if (problems.size() > 50) {
                    m.append("\n  ").append(texts.get("cli.import.more", problems.size() - 50));
                }
                Main.fail(err, texts, m.toString());
                return ExitCode.UNUSABLE;
            }
            where.writes = true;
            return withLedger(spec, where, ledger -> {
                long id = new Corrections(ledger).importPayments(rows, file.getFileName().toString(),
                        Sha256.of(bytes), reason);
                // Said on standard error, as calc says what it recorded: standard output carries data only.
                spec.commandLine().getErr().println(texts.get("cli.import.done", rows.size(),
                        Escape.controls(file.toString()), id, ledger.shown()));
                spec.commandLine().getErr().flush();
                return ExitCode.OK;
            });
        }

        private void read(byte[] bytes, subsidy.policy.Policy policy, List<Corrections.Paid> rows,
                List<String> problems, Texts texts) {
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
                    problems.add(texts.get("cli.import.missing_columns", String.join(", ", missing)));
                }
                if (!problems.isEmpty()) {
                    return;
                }
                for (CSVRecord rec : p) {
                    long line = rec.getParser().getCurrentLineNumber();
                    if (rec.size() != header.size()) {
                        problems.add(texts.get("cli.import.line", line, texts.get("cli.import.cells", rec.size(),
                                header.size())));
                        continue;
                    }
                    List<String> wrong = new ArrayList<>();
                    String entity = rec.get("entity_id").strip().toUpperCase(Locale.ROOT);
                    if (policy.households()) {
                        if (!subsidy.entity.Households.validId(entity)) {
                            wrong.add(texts.get("cli.import.entity_id", entity,
                                    texts.get("household.cell.bad_household_id")));
                        }
                    } else {
                        subsidy.text.Msg problem = CreditCode.why(entity);
                        String why = problem == null ? null : problem.in(texts);
                        if (why != null) {
                            wrong.add(texts.get("cli.import.entity_id", entity, why));
                        }
                    }
                    String program = rec.get("program").strip();
                    subsidy.program.Program known = policy.programs().stream().filter(x -> x.id().equals(program))
                            .findFirst().orElse(null);
                    if (known == null) {
                        wrong.add(texts.get("cli.import.program", program, policy.id(),
                                String.join(", ", policy.programs().stream().map(x -> x.id()).toList())));
                    }
                    String period = rec.get("period").strip();
                    if (!PERIOD.matcher(period).matches()) {
                        wrong.add(texts.get("cli.import.period", period));
                    }
                    String amount = rec.get("amount").strip().replace(",", "");
                    if (!AMOUNT.matcher(amount).matches()) {
                        wrong.add(texts.get("cli.import.amount", amount));
                    }
                    String months = rec.get("months").strip();
                    if (!months.isEmpty() && !AMOUNT.matcher(months).matches()) {
                        wrong.add(texts.get("cli.import.months", months));
                    } else if (known != null && known.reportsMonths() && (months.isEmpty() || new BigDecimal(months)
                            .signum() == 0)) {
                        wrong.add(texts.get("cli.import.months_needed", program));
                    } else if (known != null && !known.reportsMonths() && !months.isEmpty()) {
                        wrong.add(texts.get("cli.import.months_not_waived", months, program));
                    }
                    if (wrong.isEmpty()) {
                        rows.add(new Corrections.Paid(entity, program, period, new BigDecimal(amount).setScale(2),
                                months.isEmpty() ? null : new BigDecimal(months).setScale(2)));
                    } else {
                        problems.add(texts.get("cli.import.line", line, String.join(texts.get("cli.import.separator"),
                                wrong)));
                    }
                }
            } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
                problems.add(texts.get("cli.import.not_csv", e.getMessage()));
            }
        }
    }

    @Command(name = "void", addMethodSubcommands = false, mixinStandardHelpOptions = true,
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

        @CommandLine.Mixin
        LangOption lang;

        @Override
        public Integer call() {
            Texts texts = lang.texts();
            if (program != null && entity == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), texts.get("cli.void.program_needs_entity"));
            }
            return withLedger(spec, where, ledger -> {
                String id = entity == null ? null : entity.strip().toUpperCase(Locale.ROOT);
                new Corrections(ledger).voidEntries(batch, id, program, reason);
                spec.commandLine().getErr().println(texts.get("cli.void.done", id == null
                        ? texts.get("cli.void.batch", batch) : program == null
                                ? texts.get("cli.void.entity", batch, Escape.controls(id))
                                : texts.get("cli.void.program", program, batch, Escape.controls(id)), ledger.shown()));
                spec.commandLine().getErr().flush();
                return ExitCode.OK;
            });
        }
    }
}
