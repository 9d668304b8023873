package subsidy.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * UTF-8 text on its way to a terminal, with every control character shown escaped: C0 controls but
 * line feed and tab, DEL and the C1 controls as {@code \x1b}, the bidirectional overrides as
 * {@code \u202e}. A cell holding {@code ESC ]0;…} or {@code ESC [2J} then prints as those characters
 * instead of retitling or clearing the clerk's terminal, and a carriage return cannot hide a line.
 *
 * <p>The byte-level twin of {@link subsidy.input.Escape#controls(String)}, which is the reference it is
 * tested against (TerminalTextTest); bytes that are not UTF-8 pass as they are.
 */
final class TerminalText extends FilterOutputStream {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The lead bytes of a sequence held back until its end shows whether it is a control. */
    private int held;
    private int heldCount;

    TerminalText(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        b &= 0xff;
        if (heldCount == 1 && held == 0xC2) { // U+0080..U+00BF: C1 controls are U+0080..U+009F
            heldCount = 0;
            if (b >= 0x80 && b <= 0x9F) {
                escapeX(b);
            } else {
                out.write(0xC2);
                write(b);
            }
            return;
        }
        if (heldCount == 1) { // held 0xE2: a bidirectional control starts E2 80 or E2 81
            if (b == 0x80 || b == 0x81) {
                held = held << 8 | b;
                heldCount = 2;
            } else {
                heldCount = 0;
                out.write(0xE2);
                write(b);
            }
            return;
        }
        if (heldCount == 2) {
            heldCount = 0;
            int second = held & 0xff;
            boolean bidi = second == 0x80 && b >= 0xAA && b <= 0xAE || second == 0x81 && b >= 0xA6 && b <= 0xA9;
            if (bidi) {
                int codePoint = 0x2000 | (second & 0x3F) << 6 | b & 0x3F;
                out.write('\\');
                out.write('u');
                for (int shift = 12; shift >= 0; shift -= 4) {
                    out.write(HEX[codePoint >> shift & 0xF]);
                }
            } else {
                out.write(0xE2);
                out.write(second);
                write(b);
            }
            return;
        }
        if (b == 0xC2 || b == 0xE2) {
            held = b;
            heldCount = 1;
        } else if (b < 0x20 && b != '\n' && b != '\t' || b == 0x7F) {
            escapeX(b);
        } else {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int plainFrom = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            int c = b[i] & 0xff;
            boolean plain = heldCount == 0 && (c >= 0x20 && c < 0x7F || c == '\n' || c == '\t'
                    || c >= 0x80 && c != 0xC2 && c != 0xE2);
            if (!plain) {
                out.write(b, plainFrom, i - plainFrom);
                write(c);
                plainFrom = i + 1;
            }
        }
        out.write(b, plainFrom, end - plainFrom);
    }

    /** Writers hand over whole characters, so nothing is held at a flush; at close, what is held goes as it is. */
    @Override
    public void close() throws IOException {
        releaseHeld();
        super.close();
    }

    private void releaseHeld() throws IOException {
        if (heldCount == 1) {
            out.write(held);
        } else if (heldCount == 2) {
            out.write(held >> 8);
            out.write(held & 0xff);
        }
        heldCount = 0;
    }

    private void escapeX(int b) throws IOException {
        out.write('\\');
        out.write('x');
        out.write(HEX[b >> 4]);
        out.write(HEX[b & 0xF]);
    }
}
