package subsidy.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import subsidy.input.Escape;

/** Renders an {@link Explanation} for a person (text) or a program (JSON). */
public final class ExplanationFormat {
    private ExplanationFormat() {
    }

    public static String text(Explanation x) {
        StringBuilder sb = new StringBuilder();
        // Names, cells and paths come from the input: their control characters are escaped (not in JSON,
        // whose strings escape what they must and stay exactly the input's).
        sb.append("entity ").append(Escape.controls(x.entityId()))
                .append(x.name().isEmpty() ? "" : " " + Escape.controls(x.name()))
                .append(" — ").append(Escape.controls(x.file())).append(" line ").append(x.line()).append('\n');
        sb.append("policy ").append(x.policyId()).append(" (sha256 ").append(x.policySha256()).append(")\n");
        sb.append("\ninput values\n");
        int width = x.inputs().keySet().stream().map(Escape::controls).mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, String> e : x.inputs().entrySet()) {
            // A blank cell, of a computed row (null) or a rejected one (empty), reads the same.
            String v = e.getValue() == null || e.getValue().isEmpty() ? "(blank)" : Escape.controls(e.getValue());
            sb.append("  ").append(pad(Escape.controls(e.getKey()), width)).append("  ").append(v).append('\n');
        }
        if (!x.computed()) {
            sb.append("\nREJECTED — not computed, because:\n");
            for (int i = 0; i < x.rejected().size(); i++) {
                sb.append("  - ").append(Escape.controls(x.rejected().get(i))).append(" [")
                        .append(x.rejectedCodes().get(i)).append("]\n");
            }
            others(x, sb);
            return sb.toString();
        }
        sb.append("\nsize class\n");
        x.size().forEach(s -> sb.append("  ").append(s).append('\n'));
        for (Explanation.ProgramSteps p : x.programs()) {
            sb.append('\n').append(p.id()).append(" — ").append(p.title()).append('\n');
            p.clauses().forEach(c -> sb.append("  rests on ").append(c).append('\n'));
            p.steps().forEach(s -> sb.append("  ").append(Escape.controls(s)).append('\n'));
            sb.append("  amount: ").append(p.amount());
            if (p.months() != null) {
                sb.append(" (").append(p.months()).append(" months)");
            }
            if (p.reason() != null) {
                sb.append(" — ").append(p.reason()).append(" [").append(p.reasonCode()).append(']');
            }
            sb.append('\n');
        }
        sb.append("\ntotal = ").append(x.total()).append('\n');
        others(x, sb);
        return sb.toString();
    }

    private static void others(Explanation x, StringBuilder sb) {
        if (!x.others().isEmpty()) {
            sb.append("\nthe same entity_id also appears on (rejected as duplicates):\n");
            x.others().forEach(o -> sb.append("  ").append(Escape.controls(o)).append('\n'));
        }
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

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
