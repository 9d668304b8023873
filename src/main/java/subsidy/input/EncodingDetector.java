package subsidy.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Guesses between UTF-8 and GBK from the start of a file: exports from the social-insurance
 * system are often GBK. GBK text is almost never valid UTF-8: its byte pairs rarely form UTF-8
 * sequences. So a sample whose multi-byte sequences are mostly valid UTF-8 is UTF-8 — even with a
 * few damaged bytes, which then reject only their own rows instead of garbling every name as GBK.
 * GB18030 is used to read GBK because it decodes every GBK byte sequence the same way.
 */
public final class EncodingDetector {
    public static final Charset GBK = Charset.forName("GB18030");

    private EncodingDetector() {
    }

    /** True when the bytes start with the UTF-8 byte-order mark. */
    public static boolean hasBom(byte[] head, int length) {
        return length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    public static Charset detect(byte[] head, int length) {
        if (hasBom(head, length)) {
            return StandardCharsets.UTF_8;
        }
        int good = 0;
        int bad = 0;
        int i = 0;
        while (i < length) {
            int b = head[i] & 0xFF;
            int extra = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2
                    : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            if (extra == 0) {
                i++;
                continue;
            }
            if (extra < 0) {
                bad++;
                i++;
                continue;
            }
            if (i + extra >= length) {
                break; // a character cut by the end of the sample
            }
            boolean ok = true;
            for (int k = 1; k <= extra; k++) {
                ok &= (head[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                good++;
                i += extra + 1;
            } else {
                bad++;
                i++;
            }
        }
        return bad == 0 || good > 4 * bad ? StandardCharsets.UTF_8 : GBK;
    }
}
