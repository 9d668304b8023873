package subsidy.policy;

import java.math.BigDecimal;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * An amount or rate a policy pays, and how the text states it. Most texts give one figure
 * (「按每人1500元的标准」): {@link Bound#EXACT}. Many give only a bound or a range — 「最高可提至……100%」,
 * 「最高不超过3万元」, 「不低于50%」, 「6000至10000元」 — and leave the figure to the county: the policy
 * then says which value it pays ({@code pay}) and, when someone chose it, who ({@code setBy}), and
 * the report's note says so ({@link #note()}).
 *
 * <pre>
 * rate: 0.15                                          # exact
 * rate: {up_to: 1.00, pay: 1.00}                      # 最高…: the ceiling is paid
 * amount: {from: 6000, to: 10000, pay: 8000, set_by: 县人社局}   # a range: the county's figure
 * rate: {at_least: 0.50, pay: 0.50}                   # 不低于…: the floor is paid
 * </pre>
 *
 * @param pay   the value paid
 * @param bound how the text states it
 * @param low   the text's lower bound (AT_LEAST, RANGE), else null
 * @param high  the text's upper bound (UP_TO, RANGE), else null
 * @param setBy who set {@code pay}, in the policy's words, or null
 */
public record Figure(BigDecimal pay, Bound bound, BigDecimal low, BigDecimal high, String setBy) {
    /** How the text states a figure. */
    public enum Bound { EXACT, UP_TO, AT_LEAST, RANGE }

    public static Figure exact(BigDecimal value) {
        return new Figure(value, Bound.EXACT, null, null, null);
    }

    public boolean exact() {
        return bound == Bound.EXACT;
    }

    /**
     * What the report's note says of a paid amount that rests on this figure, or null for an exact one:
     * "up to 1: the ceiling, 1, is paid", "6000 to 10000: 8000 is paid, set by 县人社局".
     */
    public String note() {
        Text t = noteText();
        return t == null ? null : t.in(Texts.EN);
    }

    /** {@link #note()} in any language (catalogue area {@code reasons}), or null for an exact figure. */
    public Text noteText() {
        if (bound == Bound.EXACT) {
            return null;
        }
        Msg stated = switch (bound) {
            case UP_TO -> Msg.of("reasons.figure.up_to", plain(high));
            case AT_LEAST -> Msg.of("reasons.figure.at_least", plain(low));
            case RANGE -> Msg.of("reasons.figure.range", plain(low), plain(high));
            case EXACT -> null;
        };
        Msg which = bound == Bound.UP_TO && pay.compareTo(high) == 0 ? Msg.of("reasons.figure.ceiling_paid", plain(pay))
                : bound == Bound.AT_LEAST && pay.compareTo(low) == 0 ? Msg.of("reasons.figure.floor_paid", plain(pay))
                : Msg.of("reasons.figure.paid", plain(pay));
        return setBy == null ? Msg.of("reasons.figure.note", stated, which)
                : Msg.of("reasons.figure.note_set_by", stated, which, setBy);
    }

    /** As {@link #describe()}, in the language of {@code texts}. */
    public String describe(Texts texts) {
        return bound == Bound.EXACT ? plain(pay) : noteText().in(texts);
    }

    /** For {@code policy show}: "0.15", "up to 1 (pays 1)", "6000 to 10000 (pays 8000, set by 县人社局)". */
    public String describe() {
        return bound == Bound.EXACT ? plain(pay) : note();
    }

    private static String plain(BigDecimal v) {
        return subsidy.money.Money.movedLeft(v, 0);
    }
}
