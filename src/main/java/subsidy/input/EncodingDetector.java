package subsidy.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses between UTF-8 and GBK from the start of a file: exports from the social-insurance
 * system are often GBK, and GBK text is almost never valid UTF-8, so "valid UTF-8 so far" is a
 * reliable test. GB18030 is used to read GBK because it decodes every GBK byte sequence the same way.
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
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(length + 1);
        // endOfInput=false: a multi-byte character cut by the end of the sample is not an error.
        CoderResult result = decoder.decode(ByteBuffer.wrap(head, 0, length), out, false);
        return result.isError() ? GBK : StandardCharsets.UTF_8;
    }
}
