package subsidy.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import subsidy.Reason;
import subsidy.entity.ColumnRef;
import subsidy.entity.Entity;
import subsidy.program.ReasonCode;
import subsidy.program.Trace;
import subsidy.program.Words;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * A condition of a {@code who} on one of the policy's money, rate, date or code columns: a least
 * amount (「支付工资总额……」 of at least a figure), a date inside a window (a claim by its deadline),
 * a code among those listed. Each says why it fails in a clerk's words, with its code.
 */
public sealed interface Condition {
    /** Null when {@code e} meets it, else why not, in English; the trace gets the values and the verdict. */
    default Reason failure(Entity e, Trace trace) {
        return failure(e, Texts.EN, trace);
    }

    /** Null when {@code e} meets it, else why not, in the language of {@code texts}, as the trace's steps. */
    Reason failure(Entity e, Texts texts, Trace trace);

    /** Why a blank value fails a condition: "wages_paid is blank". */
    private static Reason blank(ColumnRef column, Texts texts) {
        return ReasonCode.NO_VALUE.reason(texts.get("reasons.blank", Words.column(column, texts)));
    }

    /** The condition in a clerk's words, for {@code policy show}. */
    default String describe() {
        return describe(Texts.EN);
    }

    /** The condition in a clerk's words, for {@code policy show}, in the language of {@code texts}. */
    String describe(Texts texts);

    /** {@code at_least} on a money or rate column: the value is at least {@code min}. */
    record AtLeast(ColumnRef column, BigDecimal min) implements Condition {
        @Override
        public Reason failure(Entity e, Texts texts, Trace trace) {
            BigDecimal v = column.kind() == subsidy.entity.Column.Kind.RATE ? column.rate(e) : column.money(e);
            if (v == null) {
                if (trace.on()) {
                    trace.condition(texts, texts.get("reasons.trace.blank_at_least", Words.column(column, texts), min),
                            false);
                }
                return Condition.blank(column, texts);
            }
            boolean ok = v.compareTo(min) >= 0;
            if (trace.on()) {
                trace.condition(texts, texts.get(ok ? "reasons.trace.at_least" : "reasons.below_minimum",
                        Words.column(column, texts), v, min), ok);
            }
            return ok ? null : ReasonCode.BELOW_MINIMUM.reason(texts.get("reasons.below_minimum",
                    Words.column(column, texts), v, min));
        }

        @Override
        public String describe(Texts texts) {
            return texts.get("policy.describe.cond_at_least", Words.column(column, texts), min.toPlainString());
        }
    }

    /**
     * {@code dates}: the column's date is inside {@code window} (a deadline is a window with only
     * {@code to}; 「正常经营1年以上」 is a {@code to} counted back from the as-of date, which {@code rule}
     * then says in words, else null).
     */
    record DateWithin(ColumnRef column, Period window, Text rule) implements Condition {
        public DateWithin(ColumnRef column, Period window) {
            this(column, window, null);
        }

        @Override
        public Reason failure(Entity e, Texts texts, Trace trace) {
            LocalDate d = column.date(e);
            if (d == null) {
                if (trace.on()) {
                    trace.condition(texts, texts.get("reasons.trace.blank_date", Words.column(column, texts),
                            describeWindow(texts)), false);
                }
                return Condition.blank(column, texts);
            }
            boolean ok = window.contains(d);
            if (trace.on()) {
                trace.condition(texts, texts.get(ok ? "reasons.trace.date_in" : "reasons.trace.date_not_in",
                        Words.column(column, texts), d, describeWindow(texts)), ok);
            }
            if (ok) {
                return null;
            }
            boolean late = window.to() != null && d.isAfter(window.to());
            String h = Words.column(column, texts);
            return ReasonCode.OUTSIDE_DATE_WINDOW.reason(late && rule != null
                    ? texts.get("reasons.date_not_rule", h, d, rule.in(texts))
                    : late ? texts.get("reasons.date_after", h, d, window.to())
                    : texts.get("reasons.date_before", h, d, window.from()));
        }

        private String describeWindow(Texts texts) {
            return rule == null ? Words.window(window, texts) : window.from() == null ? rule.in(texts)
                    : texts.get("reasons.window.from_and_rule", window.from(), rule.in(texts));
        }

        @Override
        public String describe(Texts texts) {
            return texts.get("policy.describe.cond_dates", Words.column(column, texts), describeWindow(texts));
        }
    }

    /** {@code codes}: the column's code is one of {@code codes}. */
    record CodeIn(ColumnRef column, List<String> codes) implements Condition {
        public CodeIn {
            codes = List.copyOf(codes);
        }

        @Override
        public Reason failure(Entity e, Texts texts, Trace trace) {
            String c = column.code(e);
            if (c == null) {
                if (trace.on()) {
                    trace.condition(texts, texts.get("reasons.trace.blank_code", Words.column(column, texts),
                            Words.codes(column, codes, texts)), false);
                }
                return Condition.blank(column, texts);
            }
            boolean ok = false;
            for (int i = 0; i < codes.size() && !ok; i++) {
                ok = codes.get(i).equalsIgnoreCase(c); // a code column read without listed values keeps its case
            }
            if (trace.on()) {
                trace.condition(texts, texts.get(ok ? "reasons.trace.code_in" : "reasons.code_not_in",
                        Words.column(column, texts), Words.code(column, c, texts), Words.codes(column, codes, texts)), ok);
            }
            return ok ? null : ReasonCode.NOT_FOR_CODE.reason(texts.get("reasons.code_not_in",
                    Words.column(column, texts), Words.code(column, c, texts), Words.codes(column, codes, texts)));
        }

        @Override
        public String describe(Texts texts) {
            return texts.get("policy.describe.cond_codes", Words.column(column, texts),
                    String.join(texts.get("policy.sep.list"), codes));
        }
    }

    /** {@code industry_prefixes_not}: the industry code is under none of {@code prefixes} (「除高耗能行业以外」). */
    record IndustryNot(List<String> prefixes) implements Condition {
        public IndustryNot {
            prefixes = List.copyOf(prefixes);
        }

        @Override
        public Reason failure(Entity e, Texts texts, Trace trace) {
            String industry = e.industryCode();
            String under = null;
            for (int i = 0; i < prefixes.size() && under == null; i++) {
                if (industry.startsWith(prefixes.get(i))) {
                    under = prefixes.get(i);
                }
            }
            if (trace.on()) {
                String list = String.join(texts.get("reasons.list.separator"), prefixes);
                trace.condition(texts, under == null ? texts.get("reasons.trace.industry_not_excluded", industry, list)
                        : texts.get("reasons.trace.industry_excluded", industry, under, list), under == null);
            }
            return under == null ? null : ReasonCode.NOT_FOR_INDUSTRY.reason(texts.get("reasons.industry_excluded",
                    industry, under));
        }

        @Override
        public String describe(Texts texts) {
            return texts.get("policy.describe.cond_industry_not", String.join(texts.get("policy.sep.list"), prefixes));
        }
    }
}
