package subsidy.program;

import java.math.BigDecimal;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.policy.Figure;
import subsidy.policy.Period;
import subsidy.policy.ProgramReader;
import subsidy.policy.ReadContext;
import subsidy.policy.yaml.Fields;

/**
 * Reads kind {@code share}: {@code base} (a money column) and {@code rate} (a {@link Figure} up to 1), or
 * {@code base} (a number column) and {@code per_unit} (an amount per unit); and
 * optionally {@code months} ({@code from}, {@code to} date columns and a {@code window}), {@code cap},
 * {@code cap_per_head} ({@code column}, {@code amount}) and {@code minimum}.
 */
public final class ShareReader {
    private ShareReader() {
    }

    public static Program read(ProgramReader.Head h, Fields p, ReadContext ctx) {
        // A share of money (rate), or an amount per unit of a quantity (per_unit: 30 yuan a m²).
        boolean perUnit = p.keys().contains("per_unit");
        ColumnRef base = perUnit ? ctx.column(p, "base", Column.Kind.NUMBER) : ctx.column(p, "base", Column.Kind.MONEY);
        if (perUnit && p.keys().contains("rate")) {
            p.node("rate", false);
            p.node("per_unit", false);
            ctx.problems().add("policy.share.rate_or_per_unit", p.where("rate"));
            return null;
        }
        Figure rate = perUnit ? ctx.figure(p, "per_unit", true, false) : ctx.figure(p, "rate", true, true);
        Share.Months months = null;
        boolean bad = false;
        Fields m = p.fields("months", false);
        if (m != null) {
            ColumnRef from = m.keys().contains("from") ? ctx.column(m, "from", Column.Kind.DATE) : null;
            ColumnRef to = m.keys().contains("to") ? ctx.column(m, "to", Column.Kind.DATE) : null;
            Period window = ctx.boundedPeriod(m, "window", true);
            if (window != null && !window.bounded()) {
                window = null;
            }
            m.finish();
            bad = window == null || (m.keys().contains("from") && from == null) || (m.keys().contains("to") && to == null);
            months = bad ? null : new Share.Months(from, to, window);
        }
        BigDecimal cap = p.keys().contains("cap") ? ctx.fen(ctx.datedDecimal(p, "cap", true), p.where("cap")) : null;
        Share.PerHeadCap perHead = null;
        Fields ph = p.fields("cap_per_head", false);
        if (ph != null) {
            ColumnRef column = ctx.column(ph, "column", Column.Kind.COUNT);
            BigDecimal amount = ctx.fen(ctx.datedDecimal(ph, "amount", true), ph.where("amount"));
            ph.finish();
            bad |= column == null || amount == null;
            perHead = bad ? null : new Share.PerHeadCap(column, amount);
        }
        BigDecimal minimum = p.keys().contains("minimum")
                ? ctx.fen(ctx.datedDecimal(p, "minimum", true), p.where("minimum")) : null;
        if (rate != null && rate.pay().signum() == 0) {
            ctx.lint().paysNothing(p.where(perUnit ? "per_unit" : "rate"),
                    subsidy.text.Msg.of(perUnit ? "policy.share.per_unit_zero" : "policy.share.rate_zero"));
        }
        if (cap != null && cap.signum() == 0) {
            ctx.lint().paysNothing(p.where("cap"), subsidy.text.Msg.of("policy.share.cap_zero"));
        }
        if (cap != null && minimum != null && minimum.compareTo(cap) > 0) {
            ctx.problems().add("policy.share.minimum_above_cap", p.where("minimum"), minimum.toPlainString(),
                    cap.toPlainString());
            return null;
        }
        if (base == null || rate == null || bad || (p.keys().contains("cap") && cap == null)
                || (p.keys().contains("minimum") && minimum == null)) {
            return null;
        }
        return new Share(h.id(), h.title(), h.clauses(), h.who(), base, rate, months, cap, perHead, minimum, perUnit);
    }
}
