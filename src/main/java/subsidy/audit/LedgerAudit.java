package subsidy.audit;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.calc.Limits;
import subsidy.calc.PriorSource;
import subsidy.ledger.BatchInfo;
import subsidy.ledger.History;
import subsidy.ledger.Ledger;
import subsidy.ledger.LedgerException;
import subsidy.ledger.LedgerRun;
import subsidy.ledger.Prior;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.text.Texts;

/**
 * {@code verify --ledger}: a batch recomputed as the ledger stood before it — what entities had used
 * up at the state the batch was computed against, worked out afresh from the history
 * ({@link History}, not the cache a run reads) — and the batch's recorded payments compared with the
 * recomputation, entity by entity: a difference names the entity, {@code ledger:PROGRAM}, what the
 * ledger holds and what the recomputation pays.
 */
public final class LedgerAudit implements Verifier.LedgerSide {
    /** The column of a difference between the ledger and the recomputation. */
    public static final String COLUMN = "ledger:";

    private final Policy policy;
    private final BatchInfo batch;
    private final Map<Long, BatchInfo> batches = new HashMap<>();
    private final Map<String, Prior> before;
    private final Iterator<History.Payment> recorded;
    private History.Payment next;
    private long row;
    /** The language differences are told in. */
    private final Texts texts;

    public LedgerAudit(Ledger ledger, BatchInfo batch, Policy policy) throws LedgerException {
        this(ledger, batch, policy, Texts.EN);
    }

    /** As {@link #LedgerAudit(Ledger, BatchInfo, Policy)}, its differences told in {@code texts}' language. */
    public LedgerAudit(Ledger ledger, BatchInfo batch, Policy policy, Texts texts) throws LedgerException {
        this.texts = texts;
        this.policy = policy;
        this.batch = batch;
        ledger.batches(null).forEach(b -> batches.put(b.id(), b));
        // As the ledger stood before the batch: at the state it was computed against, and without the batch
        // it replaced (whose replacement is recorded by the same run, one change later).
        Map<String, Prior> at = ledger.history().priorAt(batch.against());
        if (batch.replaces() != null) {
            at.replaceAll((entity, prior) -> prior.without(batch.replaces()));
        }
        this.before = at;
        this.recorded = ledger.history().ofBatch(batch.id()).iterator();
        this.next = recorded.hasNext() ? recorded.next() : null;
    }

    @Override
    public Calculator calculator(Calculator plain) {
        return plain.withLedger(new Limits(batch.period(), policy.id(), batches));
    }

    @Override
    public PriorSource priors() {
        return ids -> {
            Map<String, Prior> out = new HashMap<>();
            for (String id : ids) {
                Prior p = before.get(id);
                if (p != null) {
                    out.put(id, p);
                }
            }
            return out;
        };
    }

    @Override
    public void computed(EntityResult r, Consumer<Difference> out) throws IOException {
        row++;
        List<LedgerRun.Item> mine = subsidy.run.Recording.paid(policy, batch.period(), batch.id(), r).items();
        List<LedgerRun.Item> theirs = List.of();
        if (next != null && next.row() == row) {
            if (!next.entity().equals(r.entity().entityId())) {
                out.accept(new Difference(r.entity().entityId(), COLUMN + texts.get("audit.ledger.row", row),
                        next.entity(), r.entity().entityId()));
            }
            theirs = next.items();
            next = recorded.hasNext() ? recorded.next() : null;
        }
        compare(r.entity().entityId(), theirs, mine, out);
    }

    @Override
    public void finish(Consumer<Difference> out) {
        for (; next != null; next = recorded.hasNext() ? recorded.next() : null) {
            out.accept(new Difference(next.entity(), COLUMN + texts.get("audit.ledger.row", next.row()),
                    texts.get("audit.ledger.recorded"), texts.get("audit.verify.missing")));
        }
    }

    /** A program's payment, or (amount 0, months) the months it records as waived before the ledger. */
    private static String key(LedgerRun.Item i) {
        return i.amount().signum() == 0 ? i.program() + "_months_before_ledger" : i.program();
    }

    private static void compare(String entity, List<LedgerRun.Item> theirs, List<LedgerRun.Item> mine,
            Consumer<Difference> out) {
        Map<String, LedgerRun.Item> a = new java.util.LinkedHashMap<>();
        theirs.forEach(i -> a.put(key(i), i));
        Map<String, LedgerRun.Item> b = new java.util.LinkedHashMap<>();
        mine.forEach(i -> b.put(key(i), i));
        java.util.Set<String> programs = new java.util.LinkedHashSet<>(a.keySet());
        programs.addAll(b.keySet());
        for (String p : programs) {
            LedgerRun.Item x = a.get(p);
            LedgerRun.Item y = b.get(p);
            String reported = x == null ? "0.00" : Money.format(x.amount());
            String recomputed = y == null ? "0.00" : Money.format(y.amount());
            if (!reported.equals(recomputed)) {
                out.accept(new Difference(entity, COLUMN + p, reported, recomputed));
            } else if (x != null && y != null && (x.months() == null ? y.months() != null
                    : y.months() == null || x.months().compareTo(y.months()) != 0)) {
                out.accept(new Difference(entity, COLUMN + p + "_months", String.valueOf(x.months()),
                        String.valueOf(y.months())));
            }
        }
    }
}
