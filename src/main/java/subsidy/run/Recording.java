package subsidy.run;

import subsidy.text.Msg;
import subsidy.text.Texts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import subsidy.Sha256;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.calc.Limits;
import subsidy.calc.PriorSource;
import subsidy.calc.Totals;
import subsidy.input.InputStats;
import subsidy.ledger.BatchInfo;
import subsidy.ledger.Entry;
import subsidy.ledger.Ledger;
import subsidy.ledger.LedgerException;
import subsidy.ledger.LedgerRun;
import subsidy.ledger.Prior;
import subsidy.policy.Limit;
import subsidy.report.Manifest;
import subsidy.report.Outputs;
import subsidy.policy.Policy;
import subsidy.program.Program;
import subsidy.program.ProgramResult;

/**
 * A calc run's batch in the ledger: what the run computes against, what it records of each entity,
 * and the batch's part in the output's commit and manifest. The ledger's transaction is committed by
 * the output's commit, after its journal is written and before its first rename ({@link OutputDir}).
 */
public final class Recording implements AutoCloseable {
    /**
     * A run's ledger, as the command line gave it.
     *
     * @param replaceId         --replace=N, or null
     * @param replaceContentKey --replace without a number: the content key of the inputs, or null
     * @param contentKey        the inputs' content key when known before the run, to refuse recorded inputs at once
     */
    public record Options(Ledger ledger, String period, Long replaceId, String replaceContentKey, String reason,
            boolean dryRun, String contentKey) {
        public Options(Ledger ledger, String period, Long replaceId, String replaceContentKey, String reason,
                boolean dryRun) {
            this(ledger, period, replaceId, replaceContentKey, reason, dryRun, null);
        }
    }

    private final Options options;
    private final Policy policy;
    private final LedgerRun run;

    /**
     * Entities another batch of this period under this policy (or an import) paid already, seen by their
     * counted entries, and the first few.
     */
    private long samePeriod;
    private final List<String> samePeriodFirst = new ArrayList<>();

    private Recording(Options options, Policy policy, LedgerRun run) {
        this.options = options;
        this.policy = policy;
        this.run = run;
    }

    /** Takes the ledger's lock and starts the batch; {@code outDir} null for standard output. */
    public static Recording begin(Options options, Policy policy, String outDir, String runName)
            throws LedgerException {
        LedgerRun run = options.ledger().begin(new LedgerRun.Request(options.period(), policy.id(), policy.sha256(),
                policy.asOf() == null ? null : policy.asOf().toString(), outDir, options.replaceId(),
                options.replaceContentKey(), options.reason(), options.dryRun(), runName, options.contentKey()));
        return new Recording(options, policy, run);
    }

    /** The calculator with the policy's limits against this ledger. */
    public Calculator calculator(Calculator plain) {
        return plain.withLedger(new Limits(options.period(), policy.id(), run.batches()));
    }

    /**
     * The run will read about {@code bytes} bytes of input (0 when it cannot tell: standard input). A typical
     * row is some 128 bytes: a large run then reads what entities used up in one pass at its first look-up.
     */
    public void expectInput(long bytes) {
        run.reader().expect(bytes / BYTES_PER_ROW);
    }

    /** Bytes in a typical input row, to guess a run's rows from its files' size (a firm row of the sample: 150). */
    private static final long BYTES_PER_ROW = 128;

    public PriorSource priors() {
        return ids -> run.reader().lookup(ids);
    }

    /**
     * What the batch paid one computed entity, and what it has used up now. Worked out here, on the thread
     * that keeps input order, so that the rows waiting for the ledger's writer hold their payments (a few
     * dozen bytes) rather than the whole result (entity, programs, notes: kilobytes, some ten thousand rows
     * of them live at any time, copied by every young collection).
     */
    public void record(EntityResult r) throws LedgerException {
        Prior prior = r.prior();
        if (prior != null && paidInThisPeriod(prior)) {
            samePeriod++;
            if (samePeriodFirst.size() < 5) {
                samePeriodFirst.add(r.entity().entityId());
            }
        }
        Paid paid = paid(policy, options.period(), run.id(), r);
        run.record(r.entity().entityId(), new LedgerRun.Paid() {
            @Override
            public List<LedgerRun.Item> items() {
                return paid.items();
            }

            @Override
            public Prior newState() {
                return paid.entries().isEmpty() ? null : (prior == null ? Prior.NONE : prior).plus(paid.entries());
            }

            @Override
            public Prior read() {
                return prior;
            }

            @Override
            public String added() {
                return paid.entries().isEmpty() ? null : Prior.encode(paid.entries());
            }
        });
    }

    /** Whether another batch of this period under this policy (or an import) counted a payment to the entity. */
    private boolean paidInThisPeriod(Prior prior) {
        List<Entry> entries = prior.entries();
        for (int i = 0; i < entries.size(); i++) { // by index: asked for every row
            Entry e = entries.get(i);
            if (e.period().equals(options.period()) && samePolicy(e.batch())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code batch} is one of this policy's (or an import, of payments under no policy): the same list
     * under another policy is a batch of its own, not a late filing listing a firm again.
     */
    private boolean samePolicy(long batch) {
        BatchInfo b = run.batches().get(batch);
        return b != null && (b.imported() || policy.id().equals(b.policyId()));
    }

    /** What a batch records of one entity: its payments, and the entries among them that count against limits. */
    public record Paid(List<LedgerRun.Item> items, List<Entry> entries) {
    }

    /**
     * What batch {@code batch} records of one computed entity: every nonzero amount, each counting against
     * its program's limit or not; and, for a program limited by months whose months waived before the
     * ledger are not recorded yet, this row's rent_free_months_granted (amount 0), so that the figure is
     * counted once. {@code verify --ledger} works the recorded payments out again with this.
     */
    public static Paid paid(Policy policy, String period, long batch, EntityResult r) {
        List<LedgerRun.Item> items = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        List<ProgramResult> results = r.programs();
        Prior prior = r.prior() == null ? Prior.NONE : r.prior();
        for (int i = 0; i < results.size(); i++) {
            ProgramResult p = results.get(i);
            Program program = policy.programs().get(i);
            Limit.Kind limit = policy.limit(p.programId()).kind();
            boolean counted = limit != Limit.Kind.NONE;
            if (limit == Limit.Kind.MONTHS && r.entity().rentFreeMonthsGranted() > 0
                    && prior.of(p.programId()).isEmpty()) {
                BigDecimal before = BigDecimal.valueOf(r.entity().rentFreeMonthsGranted()).setScale(2);
                items.add(new LedgerRun.Item(p.programId(), subsidy.money.Money.ZERO, before, true));
                entries.add(new Entry(p.programId(), period, batch, subsidy.money.Money.ZERO, before));
            }
            if (p.amount().signum() == 0) {
                continue;
            }
            BigDecimal m = program.reportsMonths() ? p.months() : null;
            items.add(new LedgerRun.Item(p.programId(), p.amount(), m, counted));
            if (counted) {
                entries.add(new Entry(p.programId(), period, batch, p.amount(), m));
            }
        }
        return new Paid(items, entries);
    }

    /** The persons hire lists paid before this batch, of {@code programs} (calc --hires): read at once. */
    public subsidy.ledger.HiredPersons.Paid hiredPersons(java.util.Collection<String> programs) throws LedgerException {
        return run.hiredPersons(programs);
    }

    /** Records the persons this batch paid (calc --hires), after {@link #finish}, on the batch's transaction. */
    public void recordHires(Iterable<subsidy.ledger.HiredPersons.Row> rows) throws LedgerException {
        run.recordHires(rows);
    }

    /**
     * Another file the batch read (a hire list, calc --hires): it is one of the batch's inputs, so that the
     * same firms with another hire list are another batch, and the same both again are refused.
     */
    public void alsoRead(String file, String sha256) {
        alsoRead.add(new String[] {file, sha256});
    }

    private final List<String[]> alsoRead = new ArrayList<>();

    /** Refuses inputs already recorded for the period (unless replacing them) and writes the batch's row. */
    public void finish(Totals totals) throws LedgerException {
        StringBuilder inputs = new StringBuilder();
        List<String> shas = new ArrayList<>();
        for (InputStats s : totals.inputs()) {
            inputs.append(s.file()).append(' ').append(s.sha256()).append('\n');
            shas.add(s.sha256());
        }
        for (String[] f : alsoRead) {
            inputs.append(f[0]).append(' ').append(f[1]).append('\n');
            shas.add(f[1]);
        }
        run.finish(new LedgerRun.Finish(contentKey(options.period(), shas), inputs.toString(), totals.computed(),
                totals.total()));
    }

    /**
     * The inputs' identity in a period: the SHA-256 of the period and the inputs' SHA-256s, sorted (the
     * same files in another order are the same batch).
     */
    public static String contentKey(String period, List<String> inputShas) {
        List<String> sorted = new ArrayList<>(inputShas);
        sorted.sort(null);
        return Sha256.of((period + "\n" + String.join("\n", sorted)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The ledger's commit (a dry run's rollback), for the output's commit. */
    public void commit() throws LedgerException {
        run.commit();
    }

    public boolean dryRun() {
        return options.dryRun();
    }

    public boolean recorded() {
        return run.recorded();
    }

    public long batch() {
        return run.id();
    }

    public String ledgerId() {
        return options.ledger().id();
    }

    /** Says the batch's files are in place; a failure is only a warning, the next run settles it. */
    public void filesDone(Consumer<String> warn) {
        filesDone(warn, Texts.EN);
    }

    /** As {@link #filesDone(Consumer)}, the warning in a language. */
    public void filesDone(Consumer<String> warn, Texts texts) {
        try {
            options.ledger().filesDone(run.id());
        } catch (LedgerException e) {
            warn.accept(Msg.of("run.files_done_not_told", run.id(), e.message(texts)).in(texts));
        }
    }

    /** manifest.json's {@code ledger}: which ledger, which batch, computed against which state. */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("location", options.ledger().shown());
        m.put("id", options.ledger().id());
        m.put("period", options.period());
        m.put("batch", options.dryRun() ? null : run.id()); // a dry run is no batch of the ledger
        m.put("computed_against", run.against());
        BatchInfo replaced = run.replaced();
        m.put("replaces", replaced == null ? null : replaced.id());
        m.put("dry_run", options.dryRun());
        return m;
    }

    /**
     * A warning when entities of this batch were in another batch of the same period and policy already
     * (or an import of that period): their limited programs were held back, but per-head programs (no
     * limit) were paid again — a clerk checks that those hires are new. Null when there were none.
     */
    public String samePeriodWarning() {
        return samePeriodWarning(Texts.EN);
    }

    /** As {@link #samePeriodWarning()}, in a language. */
    public String samePeriodWarning(Texts texts) {
        if (samePeriod == 0) {
            return null;
        }
        return texts.get(samePeriod == 1 ? "run.same_period_one" : "run.same_period", samePeriod, options.period(),
                String.join(", ", samePeriodFirst) + (samePeriod > 5 ? ", …" : ""));
    }

    /**
     * A warning when the rules' date is in another calendar year than the batch's period: the once-a-year
     * limits ({@code once_per_year}, {@code amount_per_year}) count the period's year, so a claim for 2022
     * run as a batch of 2023-01 with 2022's rules counts in 2023 and is not held back by 2022's batches. A
     * late claim for a year is a batch of a period of that year. Null when the years are the same.
     */
    public static String asOfYearWarning(Policy policy, String period, LocalDate asOf) {
        return asOfYearWarning(policy, period, asOf, Texts.EN);
    }

    /** As {@link #asOfYearWarning(Policy, String, LocalDate)}, in a language. */
    public static String asOfYearWarning(Policy policy, String period, LocalDate asOf, Texts texts) {
        if (asOf == null || period == null) {
            return null;
        }
        int year = YearMonth.parse(period).getYear();
        if (asOf.getYear() == year) {
            return null;
        }
        List<String> yearly = policy.programs().stream().map(Program::id).filter(id -> {
            Limit.Kind k = policy.limit(id).kind();
            return k == Limit.Kind.ONCE_PER_YEAR || k == Limit.Kind.AMOUNT_PER_YEAR;
        }).toList();
        String example = asOf.getYear() < year ? asOf.getYear() + "-12" : YearMonth.from(asOf).toString();
        return texts.get("run.as_of_year", asOf, asOf.getYear(), period, year,
                yearly.isEmpty() ? Msg.of("run.as_of_year_not_in", asOf.getYear())
                        : Msg.of("run.as_of_year_not_held", asOf.getYear(), String.join(", ", yearly)),
                Msg.of(asOf.getYear() < year ? "run.as_of_year_late_claim" : "run.as_of_year_claim", asOf.getYear(),
                        example));
    }

    /** What the run says at its end: recorded, or not (a dry run). */
    public String said() {
        return said(Texts.EN);
    }

    /** As {@link #said()}, in a language. */
    public String said(Texts texts) {
        String where = options.ledger().shown();
        if (options.dryRun()) {
            return texts.get("run.dry_run", where, run.against());
        }
        BatchInfo replaced = run.replaced();
        return replaced == null ? texts.get("run.recorded", run.id(), options.period(), where)
                : texts.get("run.recorded_replacing", run.id(), options.period(), where, replaced.id());
    }

    @Override
    public void close() {
        run.close();
    }

    /**
     * Before a run: output directories of earlier batches that a stopped run left unfinished are put
     * in place (or their unrecorded files deleted), each said; one that cannot be settled is named.
     */
    public static void settle(Ledger ledger, Clock clock, Consumer<String> notes) throws IOException {
        settle(ledger, clock, notes, Texts.EN);
    }

    /** As {@link #settle(Ledger, Clock, Consumer)}, the notes in a language. */
    public static void settle(Ledger ledger, Clock clock, Consumer<String> notes, Texts texts) throws IOException {
        for (BatchInfo b : ledger.pendingFiles()) {
            if (b.outDir() == null) {
                continue;
            }
            Path out = Path.of(b.outDir());
            if (OutputDir.settle(out, clock, notes, check(ledger), texts) == OutputDir.Settled.BUSY) {
                continue; // the run holding it is writing it now
            }
            // Manifest.ledgerBatch is -1 when there is no manifest, or it names another batch or ledger.
            if (Manifest.ledgerBatch(out.resolve(Outputs.MANIFEST), ledger.id()) == b.id()) {
                ledger.filesDone(b.id());
            } else {
                notes.accept(texts.get("run.report_missing", b.id(), b.period(), b.outDir()));
            }
        }
    }

    /** What a journal naming a batch learns from this ledger (null for another ledger's batch). */
    public static OutputDir.LedgerCheck check(Ledger ledger) {
        return (ledgerId, batch, run) -> ledgerId.equals(ledger.id()) ? ledger.recorded(batch, run) : null;
    }
}
