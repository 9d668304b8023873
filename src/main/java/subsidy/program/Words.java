package subsidy.program;

import java.util.List;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import subsidy.Reason;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.entity.EntityType;
import subsidy.entity.ExtraColumn;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.policy.Period;
import subsidy.text.Lang;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * How the reasons and explain steps (catalogue area {@code reasons}) name what they speak of: a
 * column by its header (its Chinese header in Chinese, where it has one), a code by its code (its
 * Chinese name in Chinese), a window by its dates. And the reasons that recur, made once for each
 * language ({@link PerLang}), so that a run in either language builds none of them per row.
 */
public final class Words {
    private Words() {
    }

    /** A column as reasons name it: its header, in Chinese its Chinese header when it has one. */
    public static String column(ColumnRef c, Texts texts) {
        if (texts.lang() == Lang.ZH) {
            String zh = c instanceof Column col ? col.chinese() : c instanceof ExtraColumn x ? x.chinese() : null;
            if (zh != null && !zh.isBlank()) {
                return zh;
            }
        }
        return c.header();
    }

    /**
     * A code of a column as the texts write it: in Chinese the word the column reads it from, when it has
     * one (a household list's residence: urban is 城镇), else the code.
     */
    public static String code(ColumnRef c, String code, Texts texts) {
        if (texts.lang() == Lang.ZH && c instanceof ExtraColumn x) {
            String word = x.word(code);
            if (word != null) {
                return word;
            }
        }
        return code;
    }

    /** {@link #code} of each, joined by the list separator. */
    public static String codes(ColumnRef c, List<String> codes, Texts texts) {
        List<String> words = new java.util.ArrayList<>(codes.size());
        codes.forEach(x -> words.add(code(c, x, texts)));
        return String.join(texts.get("reasons.list.separator"), words);
    }

    /** An entity type: its code, in Chinese its name (企业, 个体工商户, 社会组织), from the catalogue. */
    public static Text name(EntityType t) {
        return texts -> texts.get("reasons.entity_type." + t.code());
    }

    /** A size class: its code, in Chinese its name (微型). */
    public static Text name(SizeClass s) {
        return texts -> texts.get("reasons.size_class." + s.code());
    }

    /** A landlord type: its code, in Chinese its name (非国有). */
    public static Text name(LandlordType l) {
        return texts -> texts.get("reasons.landlord_type." + l.code());
    }

    /** A window, "from 2022-01-01 to 2022-12-31", "to 2022-06-30"; empty when open at both ends. */
    public static String window(Period p, Texts texts) {
        if (p.from() != null && p.to() != null) {
            return texts.get("reasons.window.from_to", p.from(), p.to());
        }
        if (p.from() != null) {
            return texts.get("reasons.window.from", p.from());
        }
        return p.to() == null ? "" : texts.get("reasons.window.to", p.to());
    }

    /** A reason whose text the policy fixes, made once for each language. */
    public static PerLang<Reason> reason(ReasonCode code, String key, Object... args) {
        Msg m = Msg.of(key, args);
        return PerLang.of(t -> code.reason(m.in(t)));
    }

    /**
     * A value made once for each language, when first asked for in it (a run in one language never reads
     * the other's catalogue), then only read: any thread may ask.
     */
    public static final class PerLang<T> {
        private final Function<Texts, T> make;
        private final AtomicReferenceArray<T> values = new AtomicReferenceArray<>(Lang.values().length);

        private PerLang(Function<Texts, T> make) {
            this.make = make;
        }

        public static <T> PerLang<T> of(Function<Texts, T> make) {
            return new PerLang<>(make);
        }

        public T in(Texts texts) {
            int i = texts.lang().ordinal();
            T v = values.get(i);
            if (v == null) { // two threads may both make it: the same value either way, one kept
                values.compareAndSet(i, null, make.apply(Texts.of(texts.lang())));
                v = values.get(i);
            }
            return v;
        }
    }
}
