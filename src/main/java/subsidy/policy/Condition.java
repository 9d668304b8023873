package subsidy.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import subsidy.Reason;
import subsidy.entity.ColumnRef;
import subsidy.entity.Entity;
import subsidy.program.ReasonCode;
import subsidy.program.Trace;

/**
 * A condition of a {@code who} on one of the policy's money, rate, date or code columns: a least
 * amount (「支付工资总额……」 of at least a figure), a date inside a window (a claim by its deadline),
 * a code among those listed. Each says why it fails in a clerk's words, with its code.
 */
public sealed interface Condition {
    /** Null when {@code e} meets it, else why not; the trace gets the values and the verdict. */
    Reason failure(Entity e, Trace trace);

    /** The condition in a clerk's words, for {@code policy show}. */
    String describe();

    /** {@code at_least} on a money or rate column: the value is at least {@code min}. */
    record AtLeast(ColumnRef column, BigDecimal min) implements Condition {
        @Override
        public Reason failure(Entity e, Trace trace) {
            BigDecimal v = column.kind() == subsidy.entity.Column.Kind.RATE ? column.rate(e) : column.money(e);
            if (v == null) {
                trace.condition(column.header() + " is blank, needs ≥ " + min.toPlainString(), false);
                return ReasonCode.NO_VALUE.reason(column.header() + " is blank");
            }
            boolean ok = v.compareTo(min) >= 0;
            if (trace.on()) {
                trace.condition(column.header() + " " + v.toPlainString() + (ok ? " ≥ " : " < ") + min.toPlainString(), ok);
            }
            return ok ? null : ReasonCode.BELOW_MINIMUM.reason(column.header() + " " + v.toPlainString() + " < "
                    + min.toPlainString());
        }

        @Override
        public String describe() {
            return column.header() + " ≥ " + min.toPlainString();
        }
    }

    /**
     * {@code dates}: the column's date is inside {@code window} (a deadline is a window with only
     * {@code to}; 「正常经营1年以上」 is a {@code to} counted back from the as-of date, which {@code rule}
     * then says in words, else null).
     */
    record DateWithin(ColumnRef column, Period window, String rule) implements Condition {
        public DateWithin(ColumnRef column, Period window) {
            this(column, window, null);
        }

        @Override
        public Reason failure(Entity e, Trace trace) {
            LocalDate d = column.date(e);
            if (d == null) {
                trace.condition(column.header() + " is blank, needs a date " + describeWindow(), false);
                return ReasonCode.NO_VALUE.reason(column.header() + " is blank");
            }
            boolean ok = window.contains(d);
            if (trace.on()) {
                trace.condition(column.header() + " " + d + (ok ? " is " : " is not ") + describeWindow(), ok);
            }
            if (ok) {
                return null;
            }
            boolean late = window.to() != null && d.isAfter(window.to());
            return ReasonCode.OUTSIDE_DATE_WINDOW.reason(column.header() + " " + d + " is "
                    + (late && rule != null ? "not " + rule : late ? "after " + window.to() : "before " + window.from()));
        }

        private String describeWindow() {
            return rule == null ? window.toString()
                    : (window.from() == null ? "" : "from " + window.from() + " and ") + rule;
        }

        @Override
        public String describe() {
            return column.header() + " " + describeWindow();
        }
    }

    /** {@code codes}: the column's code is one of {@code codes}. */
    record CodeIn(ColumnRef column, List<String> codes) implements Condition {
        public CodeIn {
            codes = List.copyOf(codes);
        }

        @Override
        public Reason failure(Entity e, Trace trace) {
            String c = column.code(e);
            if (c == null) {
                trace.condition(column.header() + " is blank, needs one of " + String.join(", ", codes), false);
                return ReasonCode.NO_VALUE.reason(column.header() + " is blank");
            }
            boolean ok = false;
            for (int i = 0; i < codes.size() && !ok; i++) {
                ok = codes.get(i).equalsIgnoreCase(c); // a code column read without listed values keeps its case
            }
            if (trace.on()) {
                trace.condition(column.header() + " " + c + (ok ? " is" : " is not") + " one of "
                        + String.join(", ", codes), ok);
            }
            return ok ? null : ReasonCode.NOT_FOR_CODE.reason(column.header() + " " + c + " is not one of "
                    + String.join(", ", codes));
        }

        @Override
        public String describe() {
            return column.header() + " one of " + String.join(", ", codes);
        }
    }

    /** {@code industry_prefixes_not}: the industry code is under none of {@code prefixes} (「除高耗能行业以外」). */
    record IndustryNot(List<String> prefixes) implements Condition {
        public IndustryNot {
            prefixes = List.copyOf(prefixes);
        }

        @Override
        public Reason failure(Entity e, Trace trace) {
            String industry = e.industryCode();
            String under = null;
            for (int i = 0; i < prefixes.size() && under == null; i++) {
                if (industry.startsWith(prefixes.get(i))) {
                    under = prefixes.get(i);
                }
            }
            if (trace.on()) {
                trace.condition("industry " + industry + (under == null ? " is under none of "
                        : " is under " + under + ", one of ") + String.join(", ", prefixes) + " (excluded)", under == null);
            }
            return under == null ? null : ReasonCode.NOT_FOR_INDUSTRY.reason("industry " + industry + " is under "
                    + under + ", which the program excludes");
        }

        @Override
        public String describe() {
            return "industry not under " + String.join(", ", prefixes);
        }
    }
}
