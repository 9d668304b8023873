package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import subsidy.input.Escape;

/**
 * TerminalText, the byte-level escaping of text on its way to a terminal, against its reference
 * {@link Escape#controls(String)}: the same text, but that line feed and tab pass (they are how
 * messages and explain lay themselves out), however the bytes are cut into writes.
 */
class TerminalTextProperties {
    private static final Pattern LAYOUT = Pattern.compile("[\n\t]");

    /** Text rich in what matters: controls of both sets, the bidi marks, their UTF-8 neighbours, Chinese. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<Character> interesting = Arbitraries.of('\u001b', '\u0007', '\r', '\n', '\t', '\u0000', '\u007f',
                '\u0080', '\u009b', '\u009f', '\u00a0', '\u00e9', '\u202a', '\u202e', '\u2029', '\u2066', '\u2069',
                '\u206a', '\u2000', '\u20ac', '甲', '\\', 'x', ',');
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, interesting),
                        net.jqwik.api.Tuple.of(1, Arbitraries.chars().all().filter(c -> !Character.isSurrogate(c))))
                .list().ofMaxSize(40).map(cs -> {
                    StringBuilder b = new StringBuilder();
                    cs.forEach(b::append);
                    return b.toString();
                });
    }

    @Property(tries = 2000)
    void escapesAsTheReferenceDoesExceptLineFeedAndTab(@ForAll("text") String s, @ForAll @IntRange(min = 1, max = 7)
            int cut) throws IOException {
        assertEquals(reference(s), through(s, cut));
    }

    @Test
    void anEscapeSequenceIsShownNotObeyed() throws IOException {
        assertEquals("\\x1b]0;pwned\\x07 甲\\x9b2J \\u202eabc\n", through("\u001b]0;pwned\u0007 甲\u009b2J \u202eabc\n", 1));
    }

    private static String reference(String s) {
        StringBuilder b = new StringBuilder();
        Matcher m = LAYOUT.matcher(s);
        int from = 0;
        while (m.find()) {
            b.append(Escape.controls(s.substring(from, m.start()))).append(m.group());
            from = m.end();
        }
        return b.append(Escape.controls(s.substring(from))).toString();
    }

    /** The text's UTF-8 bytes written in pieces of {@code cut} bytes, single bytes every other piece. */
    private static String through(String s, int cut) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (TerminalText t = new TerminalText(sink)) {
            boolean single = false;
            for (int i = 0; i < bytes.length;) {
                if (single) {
                    t.write(bytes[i]);
                    i++;
                } else {
                    int n = Math.min(cut, bytes.length - i);
                    t.write(bytes, i, n);
                    i += n;
                }
                single = !single;
            }
        }
        return sink.toString(StandardCharsets.UTF_8);
    }
}
