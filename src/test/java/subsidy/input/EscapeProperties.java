package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Escape.controls: text from an input file reaches a terminal without a control character in it. */
class EscapeProperties {

    /** Every character a terminal or a bidi algorithm acts on, and the rest: plain, Chinese, backslashes. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> any = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u00ff'),
                Arbitraries.chars().range('\u2060', '\u2070'),
                Arbitraries.chars().range('\u2028', '\u2030'),
                Arbitraries.chars().range('\u4e00', '\u4e20'),
                Arbitraries.of('\\', 'x', '\uFF11', '\uFEFF'),
                Arbitraries.chars());
        return any.list().ofMaxSize(40).map(cs -> {
            StringBuilder b = new StringBuilder();
            cs.forEach(b::append);
            return b.toString();
        });
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().withChars("abcXYZ019 ,.\"'\\/-_()").withCharRange('\u4e00', '\u9fa5')
                .withCharRange('\uFF01', '\uFF5E').withChars("（）、，。：「」〔〕¥·—").ofMaxLength(40);
    }

    @Property
    void noControlCharacterSurvives(@ForAll("hostile") String text) {
        String out = Escape.controls(text);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            assertFalse(c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069'), () -> "U+" + Integer.toHexString(c) + " in " + out);
        }
    }

    @Property
    void plainTextAndChineseAreUnchanged(@ForAll("plain") String text) {
        assertEquals(text, Escape.controls(text));
    }

    /** Nothing is lost: the escaped text reads back to the original when the original had no escapes of its own. */
    @Property
    void escapesReadBackToTheCharacters(@ForAll("hostile") String text) {
        if (text.indexOf('\\') >= 0) {
            return;
        }
        StringBuilder back = new StringBuilder();
        String out = Escape.controls(text);
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\\') {
                int digits = out.charAt(i + 1) == 'x' ? 2 : 4;
                back.append((char) Integer.parseInt(out.substring(i + 2, i + 2 + digits), 16));
                i += 1 + digits;
            } else {
                back.append(out.charAt(i));
            }
        }
        assertEquals(text, back.toString());
    }

    @Example
    void terminalTricksAreWrittenAsTheirCodes() {
        assertEquals("\\x1b]0;title\\x07", Escape.controls("\u001b]0;title\u0007"));
        assertEquals("\\x1b[2J", Escape.controls("\u001b[2J"));
        assertEquals("a\\x0d\\x0ab\\x09c\\x00", Escape.controls("a\r\nb\tc\0"));
        assertEquals("\\x7f\\x9b\\x80\\x9f", Escape.controls("\u007f\u009b\u0080\u009f"));
        assertEquals("abc\\u202eexe.txt \\u2066\\u2069\\u202a", Escape.controls("abc\u202eexe.txt \u2066\u2069\u202a"));
        assertEquals("C:\\x\\n 甲公司 ９１", Escape.controls("C:\\x\\n 甲公司 ９１"));
        assertTrue(Escape.escaped('\u202b') && !Escape.escaped('\u2065') && !Escape.escaped('\u00a0'));
    }
}
