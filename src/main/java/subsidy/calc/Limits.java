package subsidy.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import subsidy.entity.Entity;
import subsidy.ledger.BatchInfo;
import subsidy.ledger.Entry;
import subsidy.ledger.Prior;
import subsidy.money.Money;
import subsidy.policy.Limit;
import subsidy.program.Program;
import subsidy.program.ProgramResult;
import subsidy.program.ReasonCode;
import subsidy.program.Trace;
import subsidy.text.Texts;

/**
 * A policy's limits across batches ({@link Limit}), applied to one entity with what the ledger says it
 * has used up ({@link Prior}). As a list of rules, each program's by its limit's kind:
 * <ul>
 * <li>{@code once}: paid before under this policy (or in an import) → 0.00, naming the period and batch;
 * <li>{@code once_per_year}: paid before in the calendar year of this batch's period → 0.00, naming them;
 * <li>{@code months}: months waived in earlier periods are added to the months waived before the ledger
 *     (rent_free_months_granted, read in the first batch that meets the entity and recorded then) and the
 *     program tops up the rest, as its own rule does (「免租期不足3个月的应予补足」);
 * <li>{@code amount}: the cap less what earlier periods paid: the amount, the rest of the cap, or 0.00;
 * <li>{@code none}: nothing.
 * </ul>
 */
public final class Limits {
    private final String period;
    private final int year;
    private final String policyId;
    private final Map<Long, BatchInfo> batches;

    /** @param batches the ledger's batches, by number, to tell imports and policies apart */
    public Limits(String period, String policyId, Map<Long, BatchInfo> batches) {
        this.period = period;
        this.year = Integer.parseInt(period.substring(0, 4));
        this.policyId = policyId;
        this.batches = Map.copyOf(batches);
    }

    public String period() {
        return period;
    }

    /**
     * The entity as the program is to see it: for a months limit, with the months already waived —
     * those waived before the ledger, counted once (rent_free_months_granted as the first batch that met
     * the entity recorded it; not read again once the ledger holds anything of the program for it), and
     * those the ledger recorded. A lease paid by its days (2.47 months) had its whole term waived: nothing
     * more is due for it.
     */
    Entity before(Program p, Limit limit, Entity e, Prior prior, Trace trace) {
        return before(p, limit, e, prior, trace, Texts.EN);
    }

    /** As {@link #before(Program, Limit, Entity, Prior, Trace)}, the steps in the language of {@code t}. */
    Entity before(Program p, Limit limit, Entity e, Prior prior, Trace trace, Texts t) {
        if (limit.kind() != Limit.Kind.MONTHS) {
            return e;
        }
        List<Entry> entries = prior.of(p.id());
        if (entries.isEmpty()) {
            return e;
        }
        if (byDays(entries)) {
            // Nothing is added here: the limit itself pays nothing more (see months), so that the program's
            // own steps read as they did the first time.
            if (trace.on()) {
                trace.step(t.get("reasons.trace.limit_by_days", p.id(), where(entries, t)));
            }
            return e;
        }
        BigDecimal paid = BigDecimal.ZERO;
        boolean imported = false;
        Entry recorded = null;
        for (Entry x : entries) {
            if (isBeforeLedger(x)) {
                recorded = recorded == null ? x : recorded;
                continue;
            }
            paid = paid.add(x.months() == null ? BigDecimal.ZERO : x.months());
            imported |= isImport(x);
        }
        // Once the ledger holds anything of the program for the entity, the column is not read again.
        long before = recorded != null ? recorded.months().longValue() : 0;
        long waived = before + paid.longValueExact();
        if (trace.on()) {
            String how = recorded != null ? t.get("reasons.trace.limit_recorded", recorded.period(), recorded.batch())
                    : imported ? t.get("reasons.trace.limit_imported") : t.get("reasons.trace.limit_read_once");
            trace.step(t.get("reasons.trace.limit_months", p.id(), before, how, paid, where(entries, t), waived));
        }
        return e.withRentFreeMonthsGranted(waived);
    }

    /** Whether a payment was of part of a month: a lease shorter than the months due, paid by its days. */
    private static boolean byDays(List<Entry> entries) {
        for (Entry x : entries) {
            if (!isBeforeLedger(x) && x.months() != null && x.months().stripTrailingZeros().scale() > 0) {
                return true;
            }
        }
        return false;
    }

    /** A months entry that records rent_free_months_granted, the months waived before the ledger. */
    public static boolean isBeforeLedger(Entry x) {
        return x.amount().signum() == 0 && x.months() != null && x.months().signum() > 0;
    }

    /** The program's result under its limit. */
    ProgramResult after(Program p, Limit limit, ProgramResult r, Prior prior, Trace trace) {
        return after(p, limit, r, prior, trace, Texts.EN);
    }

    /** As {@link #after(Program, Limit, ProgramResult, Prior, Trace)}, the notes in the language of {@code t}. */
    ProgramResult after(Program p, Limit limit, ProgramResult r, Prior prior, Trace trace, Texts t) {
        if (limit.kind() == Limit.Kind.NONE || r.amount().signum() == 0 && limit.kind() != Limit.Kind.MONTHS) {
            return r;
        }
        List<Entry> entries = prior.of(p.id());
        ProgramResult limited = switch (limit.kind()) {
            case ONCE -> {
                List<Entry> paid = counted(Limit.Kind.ONCE, entries);
                yield paid.isEmpty() ? r : r.notPaid(ReasonCode.LEDGER_PAID_ALREADY.reason(t.get(
                        "reasons.ledger.paid_once", paidIn(paid, t))));
            }
            case ONCE_PER_YEAR -> {
                List<Entry> paid = counted(Limit.Kind.ONCE_PER_YEAR, entries);
                yield paid.isEmpty() ? r : r.notPaid(ReasonCode.LEDGER_PAID_ALREADY.reason(t.get(
                        "reasons.ledger.paid_this_year", year, paidIn(paid, t))));
            }
            case AMOUNT -> amountCap(limit, r, entries, t.get("reasons.ledger.over_all_periods"), t);
            case AMOUNT_PER_YEAR -> amountCap(limit, r, inYear(entries), t.get("reasons.ledger.in_year", year), t);
            case MONTHS -> months(r, entries, t);
            case NONE -> r;
        };
        if (trace.on() && limited != r) {
            trace.step(t.get("reasons.trace.limit", p.id(), limit.kind().word(), Money.format(r.amount()),
                    Money.format(limited.amount()), limited.reason()));
        }
        return limited;
    }

    /**
     * A program of a group not combined ({@code exclusive_groups}, 就高不就低) across batches: what the
     * group's other programs paid in this program's window (its limit: ever under this policy for
     * {@code once}, this calendar year for {@code once_per_year}) counts against it, so that over the
     * batches the group pays at most its highest amount, as one batch would: nothing when that was paid
     * already, else the rest up to this program's amount. Other limits leave the group to the batch.
     */
    ProgramResult group(Program p, Limit limit, String group, List<String> others, ProgramResult r, Prior prior,
            Trace trace, Texts t) {
        if (limit == null || r.amount().signum() == 0
                || limit.kind() != Limit.Kind.ONCE && limit.kind() != Limit.Kind.ONCE_PER_YEAR) {
            return r;
        }
        List<Entry> paid = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        List<String> said = new ArrayList<>();
        for (String other : others) {
            for (Entry x : prior.of(other)) {
                if (counts(limit.kind(), x)) {
                    paid.add(x);
                    sum = sum.add(x.amount());
                    said.add(t.get("reasons.ledger.group_entry", other, Money.format(x.amount()), x.period(),
                            x.batch()));
                }
            }
        }
        if (paid.isEmpty()) {
            return r;
        }
        String before = t.get("reasons.ledger.group_paid", group, String.join(t.get("reasons.list.separator"), said));
        ProgramResult limited;
        if (r.amount().compareTo(sum) <= 0) {
            limited = r.notPaid(ReasonCode.LEDGER_PAID_ALREADY.reason(before));
        } else {
            BigDecimal rest = Money.round(r.amount().subtract(sum));
            limited = new ProgramResult(r.programId(), r.eligible(), r.base(), r.rate(), r.unitAmount(), r.quantity(),
                    rest, r.months(), t.get("reasons.ledger.group_rest", before, Money.format(rest)),
                    ReasonCode.LEDGER_PAID_ALREADY.code());
        }
        if (trace.on()) {
            trace.step(t.get("reasons.trace.limit", p.id(), limit.kind().word(), Money.format(r.amount()),
                    Money.format(limited.amount()), limited.reason()));
        }
        return limited;
    }

    /**
     * Whether an earlier payment counts against a {@code once} limit (paid under this policy, or imported)
     * or a {@code once_per_year} one (paid in this batch's calendar year).
     */
    private boolean counts(Limit.Kind kind, Entry x) {
        return x.amount().signum() > 0
                && (kind == Limit.Kind.ONCE ? isImport(x) || policyId.equals(policyOf(x)) : x.year() == year);
    }

    /**
     * The entries that count against a {@code once} or {@code once_per_year} limit (see {@link #counts}). A
     * loop, not a stream: asked for each limited program of each row, mostly of entries that do not count.
     */
    private List<Entry> counted(Limit.Kind kind, List<Entry> entries) {
        List<Entry> out = List.of();
        for (Entry x : entries) {
            if (counts(kind, x)) {
                out = out.isEmpty() ? new ArrayList<>(2) : out;
                out.add(x);
            }
        }
        return out;
    }

    /** The entries paid in this batch's calendar year. */
    private List<Entry> inYear(List<Entry> entries) {
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry x : entries) {
            if (x.year() == year) {
                out.add(x);
            }
        }
        return out;
    }

    private ProgramResult amountCap(Limit limit, ProgramResult r, List<Entry> entries, String over, Texts t) {
        BigDecimal used = BigDecimal.ZERO;
        for (Entry x : entries) {
            used = used.add(x.amount());
        }
        BigDecimal rest = limit.cap().subtract(used).max(BigDecimal.ZERO);
        if (r.amount().compareTo(rest) <= 0) {
            return r;
        }
        String text = t.get("reasons.ledger.cap", Money.format(limit.cap()), over, entries.isEmpty()
                ? t.get("reasons.ledger.nothing_before") : t.get("reasons.ledger.paid_before", Money.format(used),
                        paidIn(entries, t)));
        if (rest.signum() == 0) {
            return r.notPaid(ReasonCode.LEDGER_CAP_REACHED.reason(t.get("reasons.ledger.none_left", text)));
        }
        return new ProgramResult(r.programId(), r.eligible(), r.base(), r.rate(), r.unitAmount(), r.quantity(),
                Money.round(rest), r.months(), t.get("reasons.ledger.rest_paid", text, Money.format(rest)),
                ReasonCode.LEDGER_CAP_REACHED.code());
    }

    /** The program topped the months up itself (see before); the note names the earlier periods. */
    private ProgramResult months(ProgramResult r, List<Entry> entries, Texts t) {
        if (entries.isEmpty()) {
            return r;
        }
        if (r.amount().signum() > 0 && byDays(entries)) {
            return r.notPaid(ReasonCode.LEDGER_MONTHS_USED.reason(t.get("reasons.ledger.months_by_days",
                    earlier(entries, t))));
        }
        if (r.amount().signum() == 0) {
            if (ReasonCode.MONTHS_ALREADY_GRANTED.code().equals(r.reasonCode())) {
                return new ProgramResult(r.programId(), r.eligible(), r.base(), r.rate(), r.unitAmount(), r.quantity(),
                        r.amount(), r.months(), t.get("reasons.ledger.months_none_left", earlier(entries, t)),
                        ReasonCode.LEDGER_MONTHS_USED.code());
            }
            return r;
        }
        return new ProgramResult(r.programId(), r.eligible(), r.base(), r.rate(), r.unitAmount(), r.quantity(),
                r.amount(), r.months(), t.get("reasons.ledger.months_topped_up", earlier(entries, t), r.months()),
                ReasonCode.LEDGER_MONTHS_USED.code());
    }

    /** The months waived in earlier periods, as a note names them; made only for a note that is kept. */
    private static String earlier(List<Entry> entries, Texts t) {
        List<String> parts = new ArrayList<>(entries.size());
        for (Entry x : entries) {
            parts.add(t.get(isBeforeLedger(x) ? "reasons.ledger.months_before_ledger" : "reasons.ledger.months_in",
                    x.months() == null ? "0" : x.months().toPlainString(), x.period(), x.batch()));
        }
        return t.get("reasons.ledger.months_earlier", String.join(t.get("reasons.list.separator"), parts));
    }

    private String paidIn(List<Entry> paid, Texts t) {
        List<String> parts = new ArrayList<>();
        for (Entry x : paid) {
            parts.add(t.get(isImport(x) ? "reasons.ledger.paid_in_imported" : "reasons.ledger.paid_in",
                    Money.format(x.amount()), x.period(), x.batch()));
        }
        return String.join(t.get("reasons.list.separator"), parts);
    }

    private static String where(List<Entry> entries, Texts t) {
        return entries.stream().map(x -> t.get("reasons.ledger.batch", x.period(), x.batch())).distinct()
                .collect(Collectors.joining(t.get("reasons.list.separator")));
    }

    private boolean isImport(Entry x) {
        BatchInfo b = batches.get(x.batch());
        return b != null && b.imported();
    }

    private String policyOf(Entry x) {
        BatchInfo b = batches.get(x.batch());
        return b == null ? null : b.policyId();
    }
}
