package subsidy.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import subsidy.entity.Column;
import subsidy.input.Escape;
import subsidy.text.Lang;
import subsidy.text.Texts;

/** Renders an {@link Explanation} for a person (text) or a program (JSON). */
public final class ExplanationFormat {
    private ExplanationFormat() {
    }

    public static String text(Explanation x) {
        return text(x, Texts.EN);
    }

    /**
     * The explanation for a person, its headings and layout words in {@code texts}' language. The
     * steps, reasons and clauses are written as the explanation holds them (rendered by whoever made
     * it, {@link Explainer}, in the same language).
     */
    public static String text(Explanation x, Texts texts) {
        StringBuilder sb = new StringBuilder();
        // Names, cells and paths come from the input: their control characters are escaped (not in JSON,
        // whose strings escape what they must and stay exactly the input's).
        sb.append(x.name().isEmpty()
                ? texts.get(x.household() ? "audit.explain.household" : "audit.explain.entity", Escape.controls(x.entityId()),
                        Escape.controls(x.file()), x.line())
                : texts.get(x.household() ? "audit.explain.household_named" : "audit.explain.entity_named",
                        Escape.controls(x.entityId()), Escape.controls(x.name()),
                        Escape.controls(x.file()), x.line())).append('\n');
        sb.append(texts.get("audit.explain.policy", x.policyId(), x.policySha256())).append('\n');
        sb.append('\n').append(texts.get("audit.explain.inputs")).append('\n');
        Map<String, String> labels = new LinkedHashMap<>();
        x.inputs().keySet().forEach(k -> labels.put(k, label(k, texts)));
        int width = labels.values().stream().mapToInt(l -> width(l, texts)).max().orElse(0);
        for (Map.Entry<String, String> e : x.inputs().entrySet()) {
            // A blank cell, of a computed row (null) or a rejected one (empty), reads the same.
            String v = e.getValue() == null || e.getValue().isEmpty() ? texts.get("audit.explain.blank")
                    : Escape.controls(e.getValue());
            String label = labels.get(e.getKey());
            sb.append("  ").append(label).append(" ".repeat(Math.max(0, width - width(label, texts)))).append("  ")
                    .append(v).append('\n');
        }
        if (!x.computed()) {
            sb.append('\n').append(texts.get("audit.explain.rejected")).append('\n');
            for (int i = 0; i < x.rejected().size(); i++) {
                sb.append("  - ").append(texts.get("audit.explain.with_code", Escape.controls(x.rejected().get(i)),
                        x.rejectedCodes().get(i))).append('\n');
            }
            others(x, sb, texts);
            return sb.toString();
        }
        if (!x.size().isEmpty()) { // a household is not sized
            sb.append('\n').append(texts.get("audit.explain.size")).append('\n');
            x.size().forEach(s -> sb.append("  ").append(s).append('\n'));
        }
        for (Explanation.ProgramSteps p : x.programs()) {
            sb.append('\n').append(texts.get("audit.explain.program", p.id(), p.title())).append('\n');
            p.clauses().forEach(c -> sb.append("  ").append(texts.get("audit.explain.rests_on", c)).append('\n'));
            p.steps().forEach(s -> sb.append("  ").append(Escape.controls(s)).append('\n'));
            sb.append("  ").append(texts.get("audit.explain.amount", p.amount()));
            if (p.months() != null) {
                sb.append(texts.get("audit.explain.months", p.months()));
            }
            if (p.reason() != null) {
                sb.append(texts.get("audit.explain.reason", p.reason(), p.reasonCode()));
            }
            sb.append('\n');
        }
        sb.append('\n').append(texts.get("audit.explain.total", x.total())).append('\n');
        others(x, sb, texts);
        return sb.toString();
    }

    private static void others(Explanation x, StringBuilder sb, Texts texts) {
        if (!x.others().isEmpty()) {
            sb.append('\n').append(texts.get("audit.explain.others")).append('\n');
            x.others().forEach(o -> sb.append("  ").append(Escape.controls(o)).append('\n'));
        }
    }

    /**
     * An input value's label: the column as the explanation names it (its id, or a rejected row's
     * header cell); in Chinese, a column of the schema by its Chinese header.
     */
    private static String label(String column, Texts texts) {
        if (texts.lang() == Lang.ZH) {
            java.util.Optional<Column> c = Column.forName(column);
            if (c.isPresent()) {
                return c.get().chinese();
            }
        }
        return Escape.controls(column);
    }

    /**
     * Columns the label takes: in Chinese two for a wide character, as a terminal shows it; in English
     * one a character, as it always was.
     */
    private static int width(String s, Texts texts) {
        return texts.lang() == Lang.ZH ? subsidy.cases.CaseReport.width(s) : s.length();
    }

    /**
     * JSON escapes the C0 controls already; the C1 controls and the bidirectional overrides are escaped
     * too ({@code \u009b}, {@code \u202e}), so that no input text can steer the terminal it is shown on.
     */
    private static final CharacterEscapes CONTROLS = new CharacterEscapes() {
        private final int[] ascii = withDelete(standardAsciiEscapesForJSON());

        private static int[] withDelete(int[] codes) {
            codes[0x7F] = ESCAPE_CUSTOM;
            return codes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean control = ch >= 0x7F && ch <= 0x9F || ch >= 0x202A && ch <= 0x202E || ch >= 0x2066 && ch <= 0x2069;
            return control ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    };

    public static String json(Explanation x) {
        try {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            ObjectMapper mapper = new ObjectMapper();
            mapper.getFactory().setCharacterEscapes(CONTROLS);
            return mapper.writer(pretty).writeValueAsString(x) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an explanation is plain data", e);
        }
    }

}
