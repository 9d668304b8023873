package subsidy.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import subsidy.entity.ColumnRef;
import subsidy.Reason;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.policy.Clause;
import subsidy.policy.Criteria;
import subsidy.program.Words.PerLang;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * Kind {@code per_head} — a fixed amount for each person counted in named input columns, such as
 * seed 003 @11270 「按每人1500元的标准,发放一次性扩岗补助」, @11438 「按照初1000元、中级1500 元、
 * 高级2000元的标准给予培训补贴」 and @11083 「按实际参保缴费职工500元/人的标准发放一次性留工培训补助」.
 */
public record PerHead(String id, String title, List<Clause> clauses, Criteria who, List<Unit> units,
        PerLang<Reason> noneCounted) implements Program {

    /**
     * One counted column and the amount paid per head of it.
     *
     * @param note for an amount the text only bounds (「最高…」), what the report says of it; else null
     */
    public record Unit(ColumnRef column, BigDecimal amount, Text note) {
        public Unit(ColumnRef column, BigDecimal amount) {
            this(column, amount, null);
        }
    }

    public PerHead {
        clauses = List.copyOf(clauses);
        units = List.copyOf(units);
    }

    public PerHead(String id, String title, List<Clause> clauses, Criteria who, List<Unit> units) {
        this(id, title, clauses, who, units, noneCounted(units));
    }

    @Override
    public ProgramResult evaluate(Entity e, SizeClass size, Lookups lookups, Trace trace) {
        return evaluate(e, size, lookups, trace, null);
    }

    /**
     * As {@link #evaluate(Entity, SizeClass, Lookups, Trace)}, the heads of each unit's column given by
     * {@code counted} (a hire list's persons, {@code calc --hires}); null: the entity's own columns.
     */
    public ProgramResult evaluate(Entity e, SizeClass size, Lookups lookups, Trace trace,
            java.util.function.ToLongFunction<ColumnRef> counted) {
        Reason miss = who.failure(e, size, lookups, trace);
        if (miss != null) {
            return ProgramResult.ineligible(this, miss);
        }
        long heads = 0;
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            long n = heads(u, e, counted);
            heads += n;
            exact = exact.add(u.amount().multiply(BigDecimal.valueOf(n)));
        }
        BigDecimal amount = Money.round(exact);
        Texts t = lookups.texts();
        if (trace.on()) {
            trace.step(t.get("reasons.trace.amount_is", units.stream()
                    .map(u -> t.get("reasons.trace.per_head", u.amount(), heads(u, e, counted),
                            Words.column(u.column(), t)))
                    .collect(Collectors.joining(" + ")), Money.format(amount)));
        }
        BigDecimal unit = units.size() == 1 ? units.get(0).amount() : null;
        String note = heads == 0 ? null : notes(e, counted, t);
        if (note != null) {
            return new ProgramResult(id, true, null, null, unit, BigDecimal.valueOf(heads), amount, null, note,
                    ReasonCode.FIGURE_CHOSEN.code());
        }
        Reason none = heads == 0 ? noneCounted.in(t) : null;
        return heads == 0
                ? new ProgramResult(id, true, null, null, unit, BigDecimal.ZERO, amount, null, none.text(),
                        none.code())
                : ProgramResult.paid(id, null, null, unit, BigDecimal.valueOf(heads), amount, null);
    }

    /**
     * The heads of a unit: its column's count in the entity's row, or in {@code counted} (a hire list's). Not
     * a lambda made per row: first-tier code makes each through the method-handle machinery (1% of a
     * 100,000-row run).
     */
    private static long heads(Unit u, Entity e, java.util.function.ToLongFunction<ColumnRef> counted) {
        return counted == null ? u.column().count(e) : counted.applyAsLong(u.column());
    }

    /** The notes of the units this entity has heads in whose amount the text only bounds; null when none. */
    private String notes(Entity e, java.util.function.ToLongFunction<ColumnRef> counted, Texts t) {
        String out = null;
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (u.note() != null && heads(u, e, counted) > 0) {
                String one = t.get("reasons.column_note", Words.column(u.column(), t), u.note());
                out = out == null ? one : t.get("reasons.joined", out, one);
            }
        }
        return out;
    }

    /** The note for a row that counts nobody, "grad_hires + youth_hires = 0": the same on every such row. */
    private static PerLang<Reason> noneCounted(List<Unit> units) {
        return PerLang.of(t -> ReasonCode.NONE_COUNTED.reason(t.get("reasons.none_counted",
                units.stream().map(u -> Words.column(u.column(), t)).collect(Collectors.joining(" + ")))));
    }

    @Override
    public List<String> describe(Texts t) {
        return units.stream().map(u -> t.get("reasons.describe.per_head", u.amount().toPlainString(),
                Words.column(u.column(), t))).toList();
    }
}
