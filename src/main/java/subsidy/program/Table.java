package subsidy.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import subsidy.Reason;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.policy.Clause;
import subsidy.policy.Criteria;
import subsidy.policy.Figure;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * Kind {@code table} — an amount chosen by a column's value: by a code (a training level, seed 003
 * @11684 「根据工种及等级……给予300元至6000元的培训补贴」), by a region (「奖补标准由县(市)政府结合本地实际
 * 确定」, seed 002 @16259: each county's figure, and a clear reason for a county with none), or by a
 * band of a number (start-up subsidies 「按吸纳就业人数给予6000至10000元」, seed 003 @12627). Optionally
 * paid for each person of a count column. An amount may be a {@link Figure} the policy chose.
 *
 * @param by      the column whose value chooses the amount
 * @param amounts the amount for each listed value (codes, region codes), or empty when banded
 * @param bands   the bands of a number, the first that holds chosen, or empty when by value
 * @param per     a count column the amount is paid for each of, or null for one amount per entity
 * @param missing what the note adds for a value with no amount (who has not set it yet), or null
 */
public record Table(String id, String title, List<Clause> clauses, Criteria who, ColumnRef by,
        Map<String, Figure> amounts, List<Band> bands, ColumnRef per, String missing) implements Program {

    /** A band of numbers: {@code from} ≤ v, v ≤ {@code to}, v &lt; {@code under}; an absent bound is open. */
    public record Band(BigDecimal from, BigDecimal to, BigDecimal under, Figure amount) {
        boolean holds(BigDecimal v) {
            return (from == null || v.compareTo(from) >= 0) && (to == null || v.compareTo(to) <= 0)
                    && (under == null || v.compareTo(under) < 0);
        }

        String describe() {
            return describe(Texts.EN);
        }

        /** "≥ 10 and < 50: 2000", in the language of {@code t}. */
        String describe(Texts t) {
            List<String> parts = new ArrayList<>();
            if (from != null) {
                parts.add("≥ " + from.toPlainString());
            }
            if (to != null) {
                parts.add("≤ " + to.toPlainString());
            }
            if (under != null) {
                parts.add("< " + under.toPlainString());
            }
            return t.get(amount.exact() ? "reasons.describe.band" : "reasons.describe.band_figure", parts.isEmpty() ? t.get("reasons.describe.band_any")
                    : String.join(t.get("reasons.describe.and"), parts), amount.describe(t));
        }
    }

    public Table {
        clauses = List.copyOf(clauses);
        amounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(amounts));
        bands = List.copyOf(bands);
    }

    @Override
    public ProgramResult evaluate(Entity e, SizeClass size, Lookups lookups, Trace trace) {
        Reason miss = who.failure(e, size, lookups, trace);
        if (miss != null) {
            return ProgramResult.ineligible(this, miss);
        }
        Texts t = lookups.texts();
        Figure chosen;
        String shown;
        if (bands.isEmpty()) {
            String key = by.code(e);
            if (key == null) {
                return ProgramResult.ineligible(this, ReasonCode.NO_VALUE, t.get("reasons.blank", Words.column(by, t)));
            }
            chosen = amounts.get(key);
            if (chosen == null) {
                for (Map.Entry<String, Figure> a : amounts.entrySet()) {
                    if (a.getKey().equalsIgnoreCase(key)) { // a code column read without listed values keeps its case
                        chosen = a.getValue();
                    }
                }
            }
            shown = key;
        } else {
            BigDecimal v = number(e);
            if (v == null) {
                return ProgramResult.ineligible(this, ReasonCode.NO_VALUE, t.get("reasons.blank", Words.column(by, t)));
            }
            chosen = null;
            for (int i = 0; i < bands.size() && chosen == null; i++) {
                if (bands.get(i).holds(v)) {
                    chosen = bands.get(i).amount();
                }
            }
            shown = v.toPlainString();
        }
        if (trace.on()) {
            trace.condition(t, chosen == null ? t.get("reasons.trace.not_in_table", Words.column(by, t), shown)
                    : t.get("reasons.trace.in_table", Words.column(by, t), shown, chosen.describe(t)), chosen != null);
        }
        if (chosen == null) {
            String why = t.get(bands.isEmpty() ? "reasons.not_in_table" : "reasons.in_no_band", Words.column(by, t),
                    shown);
            return ProgramResult.ineligible(this, ReasonCode.NOT_IN_TABLE, missing == null ? why
                    : t.get("reasons.with_missing", why, missing));
        }
        long heads = per == null ? 1 : per.count(e);
        BigDecimal amount = Money.round(chosen.pay().multiply(BigDecimal.valueOf(heads)));
        if (trace.on()) {
            trace.step(t.get("reasons.trace.amount_is", per == null ? chosen.pay().toPlainString()
                    : t.get("reasons.trace.per_head", chosen.pay(), heads, Words.column(per, t)), Money.format(amount)));
        }
        if (heads == 0) {
            return new ProgramResult(id, true, null, null, chosen.pay(), BigDecimal.ZERO, amount, null,
                    t.get("reasons.none_counted", Words.column(per, t)), ReasonCode.NONE_COUNTED.code());
        }
        Text noteText = chosen.noteText();
        String note = noteText == null ? null : noteText.in(t);
        return new ProgramResult(id, true, null, null, chosen.pay(), per == null ? null : BigDecimal.valueOf(heads),
                amount, null, note, note == null ? null : ReasonCode.FIGURE_CHOSEN.code());
    }

    private BigDecimal number(Entity e) {
        return switch (by.kind()) {
            case COUNT -> BigDecimal.valueOf(by.count(e));
            case RATE -> by.rate(e);
            case MONEY, NUMBER -> by.money(e);
            default -> throw new IllegalStateException(by + " is not a number");
        };
    }

    /** Whether {@code kind} is chosen from by bands (a number) rather than by listed values (a code). */
    public static boolean banded(Column.Kind kind) {
        return kind == Column.Kind.COUNT || kind == Column.Kind.MONEY || kind == Column.Kind.RATE
                || kind == Column.Kind.NUMBER;
    }

    @Override
    public List<String> describe(Texts t) {
        List<String> out = new ArrayList<>();
        String column = Words.column(by, t);
        java.util.function.UnaryOperator<String> each = line -> per == null ? line
                : t.get("reasons.describe.table_per_head", line, Words.column(per, t));
        if (bands.isEmpty()) {
            amounts.forEach((k, v) -> out.add(each.apply(t.get(v.exact() ? "reasons.describe.table_value"
                    : "reasons.describe.table_value_figure", column, k,
                    v.describe(t)))));
            String which = amounts.isEmpty() ? "every" : "other";
            out.add(missing == null ? t.get("reasons.describe.table_" + which, column)
                    : t.get("reasons.describe.table_" + which + "_missing", column, missing));
        } else {
            bands.forEach(b -> out.add(each.apply(t.get("reasons.describe.table_band", column, b.describe(t)))));
        }
        return out;
    }
}
