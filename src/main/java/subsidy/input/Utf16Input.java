package subsidy.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-16 file (Excel's "Unicode text", a byte-order mark first) as the UTF-8 bytes the reader works
 * on: the reader finds quotes, commas and line ends as single bytes, which UTF-16 does not have. Bytes
 * that are not UTF-16 (an odd last byte, a lone surrogate) become U+FFFD, which rejects their row
 * saying so. The byte-order mark is dropped. Streams: a buffer of characters at a time.
 */
final class Utf16Input extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private boolean first = true;
    private boolean eof;

    /** @param charset UTF-16, UTF-16LE or UTF-16BE */
    Utf16Input(InputStream in, Charset charset) {
        reader = new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    /** Encodes the next characters; false at the end. */
    private boolean refill() throws IOException {
        if (eof) {
            return false;
        }
        bytes.clear();
        chars.compact();
        int n = reader.read(chars);
        chars.flip();
        if (first && chars.hasRemaining()) {
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get(); // the byte-order mark, read as a character
            }
            first = false;
        }
        if (n < 0) {
            eof = true;
            encoder.encode(chars, bytes, true);
            encoder.flush(bytes);
        } else {
            encoder.encode(chars, bytes, false);
        }
        bytes.flip();
        return bytes.hasRemaining() || !eof;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** The UTF-16 encoding a byte-order mark at the start names, or null: FE FF big-endian, FF FE little-endian. */
    static Charset bomCharset(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                && !(length >= 4 && head[2] == 0 && head[3] == 0)) { // FF FE 00 00 is UTF-32's
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** Whether {@code c} is one of the UTF-16 encodings, read through this stream. */
    static boolean isUtf16(Charset c) {
        return c.equals(StandardCharsets.UTF_16) || c.equals(StandardCharsets.UTF_16LE)
                || c.equals(StandardCharsets.UTF_16BE);
    }
}
