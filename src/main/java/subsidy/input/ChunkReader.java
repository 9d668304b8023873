package subsidy.input;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import subsidy.text.Msg;

/**
 * Cuts the bytes of one input into {@link Chunk}s of whole records, so that several threads can
 * parse a file at once. It detects the encoding from the first 64 KiB, drops a UTF-8 byte-order
 * mark, and feeds every byte to the SHA-256 the manifest records.
 *
 * <p>Finding where a record ends takes a look at every byte but no decoding: in UTF-8, GBK and
 * GB18030 the bytes of {@code " , CR LF} never occur inside a multi-byte character, so a small
 * state machine over the bytes sees the same quotes and line breaks as a parser of the decoded
 * text (RFC 4180: a quote opens a quoted cell only as the cell's first character; inside it {@code ""}
 * is a quote and line breaks are text; CR LF, LF and a lone CR each end a record and count one line).
 */
public final class ChunkReader implements AutoCloseable {
    /**
     * Chunks are cut at the first record end at or after this many bytes. Small, so the rows in
     * flight between the threads stay few: in a 64 MB heap, garbage collection copies them over and over.
     */
    static final int TARGET = 8 * 1024;
    /** A record longer than this is a quote never closed, not data; refusing it keeps memory flat. */
    static final int MAX_RECORD = 16 * 1024 * 1024;
    private static final int SNIFF = 64 * 1024;

    private static final int START = 0; // at the start of a cell
    private static final int UNQUOTED = 1; // inside a cell that did not start with a quote
    private static final int QUOTED = 2; // inside a quoted cell
    private static final int QUOTE_SEEN = 3; // just after a quote inside a quoted cell
    // The bytes that can change the state inside an unquoted and inside a quoted cell; the scan runs
    // over all others without looking further, and they are nearly every byte of a file.
    private final boolean[] endsUnquoted;
    /** The byte between cells: a comma, or a tab or semicolon found in the file's first lines. */
    private final byte delimiter;
    private static final boolean[] ENDS_QUOTED = marks('"', '\n', '\r');

    // Eight bytes at a time: a run of bytes with no quote and no line break leaves the state as its
    // last byte says, so most of a file is passed over a long at a time rather than cell by cell.
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    private final MessageDigest digest;
    private final Charset charset;
    private final boolean bom;
    private final int target;
    private byte[] buf;
    private int len;
    private int scanned;
    private boolean eof;
    private int sequence;
    /** File offset of buf[0], and the line it starts on. */
    private long offset;
    private long firstLine = 1;

    // Scanner state, carried across reads.
    private int state = START;
    private long lines; // line breaks before buf[scanned]
    private boolean pendingCr; // the byte before buf[scanned] was a CR
    private boolean crEnded; // ... and that CR ended a record
    private long quoteLine; // where the quoted cell being scanned opened
    private int boundary; // just after the last record end found in buf, 0 when none
    private long boundaryLines; // line breaks before boundary

    /**
     * @param in     the file's bytes, read from the start
     * @param forced the encoding to use, or null to detect UTF-8 or GBK
     */
    public ChunkReader(InputStream in, Charset forced, MessageDigest digest) throws IOException {
        this(in, forced, digest, TARGET);
    }

    /** @param target chunk size; tests make it tiny so that records fall across every kind of cut */
    ChunkReader(InputStream in, Charset forced, MessageDigest digest, int target) throws IOException {
        this(in, forced, digest, target, null);
    }

    /** @param delimiter the byte between cells, or null to find it in the first lines */
    ChunkReader(InputStream in, Charset forced, MessageDigest digest, int target, Byte delimiter) throws IOException {
        this.in = in;
        this.target = Math.max(1, target);
        buf = new byte[Math.max(2 * this.target, SNIFF)];
        this.digest = digest;
        fill(SNIFF);
        charset = forced != null ? forced : EncodingDetector.detect(buf, len);
        bom = EncodingDetector.hasBom(buf, len);
        if (charset.equals(StandardCharsets.UTF_8) && bom) {
            System.arraycopy(buf, 3, buf, 0, len - 3);
            len -= 3;
            offset = 3;
        }
        this.delimiter = delimiter != null ? delimiter : delimiter(buf, len);
        endsUnquoted = marks((char) this.delimiter, '\n', '\r');
    }

    /**
     * The byte between cells, from the file's first 20 lines: of comma, tab and semicolon, the one a line
     * holds most of outside quotes (the header's, under a title row), a comma when none is more. Excel's
     * "Unicode text" and "Text (tab delimited)" are tab-separated; a European CSV uses semicolons.
     */
    static byte delimiter(byte[] b, int n) {
        byte[] candidates = {',', '\t', ';'};
        int[] most = new int[candidates.length];
        int[] inLine = new int[candidates.length];
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < n && lines < 20; i++) {
            byte c = b[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                for (int k = 0; k < candidates.length; k++) {
                    most[k] = Math.max(most[k], inLine[k]);
                    inLine[k] = 0;
                }
                lines++;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        inLine[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 0; k < candidates.length; k++) {
            most[k] = Math.max(most[k], inLine[k]);
            // Another than the comma only on clear evidence: a line of at least the 5 required columns.
            if (most[k] > most[best] && most[k] >= 4) {
                best = k;
            }
        }
        return candidates[best];
    }

    public Charset charset() {
        return charset;
    }

    /** The separator between cells, in words, for the manifest. */
    String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> "comma";
        };
    }

    /** True when the file starts with UTF-8's byte-order mark, whatever it is read as. */
    boolean bom() {
        return bom;
    }

    /** Why records cannot be found in this encoding by looking at bytes, or null when they can. */
    static Msg unsupported(Charset charset) {
        byte[] specials = "\",\r\n".getBytes(charset);
        // ISO-2022 and UTF-7 shift into states where these same bytes are halves of other characters.
        boolean shifting = charset.name().contains("2022") || charset.name().equalsIgnoreCase("UTF-7");
        if (shifting || !Arrays.equals(specials, new byte[] {'"', ',', '\r', '\n'})) {
            return Msg.of("input.encoding.unsupported", charset.name());
        }
        return null;
    }

    /** The next chunk of whole records, or null after the last. */
    public Chunk next() throws IOException, CsvSyntaxException {
        while (boundary < target) {
            if (scanned < len) {
                scan();
            } else if (eof) {
                break;
            } else if (len == buf.length && boundary > 0) {
                break; // a long record after the boundary: cut short, then make room for it
            } else {
                if (len == buf.length) {
                    grow();
                }
                fill(buf.length - len);
            }
        }
        if (eof && scanned == len) {
            if (state == QUOTED) {
                throw new CsvSyntaxException(Msg.of("input.csv.never_closed", quoteLine));
            }
            if (len == 0) {
                return null;
            }
            return cut(len, 0);
        }
        return cut(boundary, boundaryLines);
    }

    /** Hands out buf[0, at) and starts a new buffer with what follows. */
    private static boolean[] marks(char... bytes) {
        boolean[] m = new boolean[256];
        for (char c : bytes) {
            m[c] = true;
        }
        return m;
    }

    private Chunk cut(int at, long linesBefore) {
        Chunk chunk = new Chunk(sequence++, buf, 0, at, firstLine, offset + at, delimiter);
        // Room for what is left and a chunk's worth more; the record that crosses the target may
        // need it to grow, which is rare and cheaper than making every buffer twice the size.
        byte[] next = new byte[len - at + target + 1024];
        System.arraycopy(buf, at, next, 0, len - at);
        buf = next;
        len -= at;
        scanned -= at;
        offset += at;
        boundary = 0;
        firstLine = linesBefore + 1;
        return chunk;
    }

    private void grow() throws CsvSyntaxException {
        if (buf.length >= MAX_RECORD + target) {
            throw new CsvSyntaxException(state == QUOTED
                    ? Msg.of("input.csv.too_long_quoted", firstLine, MAX_RECORD >> 20, quoteLine)
                    : Msg.of("input.csv.too_long", firstLine, MAX_RECORD >> 20));
        }
        buf = Arrays.copyOf(buf, Math.min(2 * buf.length, MAX_RECORD + target));
    }

    private void fill(int want) throws IOException {
        int n = in.readNBytes(buf, len, want);
        if (n > 0) {
            digest.update(buf, len, n);
            len += n;
        }
        if (n < want) {
            eof = true;
        }
    }

    /** Runs the state machine from {@code scanned} until the data ends or a chunk's worth is found. */
    private void scan() {
        final byte[] b = buf;
        final int n = len;
        int s = state;
        long ln = lines;
        int i = scanned;
        for (; i < n && boundary < target; i++) {
            if (!pendingCr) {
                int from = i;
                while (i <= n - 8 && !quoteOrBreak((long) LONGS.get(b, i))) {
                    i += 8;
                }
                if (i > from && s != QUOTED) {
                    s = b[i - 1] == delimiter ? START : UNQUOTED; // no quote among them: none opened a quoted cell
                }
            }
            if (s == UNQUOTED && !pendingCr) {
                while (i < n && !endsUnquoted[b[i] & 0xFF]) {
                    i++;
                }
            } else if (s == QUOTED && !pendingCr) {
                while (i < n && !ENDS_QUOTED[b[i] & 0xFF]) {
                    i++;
                }
            }
            if (i == n) {
                break;
            }
            byte c = b[i];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    if (crEnded) {
                        boundary = i + 1; // CR LF ends one record and counts one line
                        boundaryLines = ln;
                    }
                    continue;
                }
                if (crEnded) {
                    boundary = i;
                    boundaryLines = ln;
                }
            }
            switch (s) {
                case START:
                    if (c == '"') {
                        s = QUOTED;
                        quoteLine = ln + 1;
                        break;
                    }
                    if (c == delimiter) {
                        break;
                    }
                    // fall through: the first character of an unquoted cell
                case UNQUOTED:
                case QUOTE_SEEN:
                    if (c == delimiter) {
                        s = START;
                    } else if (c == '\n') {
                        s = START;
                        ln++;
                        boundary = i + 1;
                        boundaryLines = ln;
                    } else if (c == '\r') {
                        s = START;
                        ln++;
                        pendingCr = true;
                        crEnded = true;
                    } else if (c == '"' && s == QUOTE_SEEN) {
                        s = QUOTED; // "" inside a quoted cell
                    } else {
                        s = UNQUOTED; // text after a closing quote: RecordParser reports it, cut as unquoted
                    }
                    break;
                default: // QUOTED
                    if (c == '"') {
                        s = QUOTE_SEEN;
                    } else if (c == '\n') {
                        ln++;
                    } else if (c == '\r') {
                        ln++;
                        pendingCr = true;
                        crEnded = false;
                    }
            }
        }
        state = s;
        lines = ln;
        scanned = i;
    }

    /** Whether any of the eight bytes in w is a quote, a line feed or a carriage return. */
    private static boolean quoteOrBreak(long w) {
        return (zeroByte(w ^ ('"' * ONES)) | zeroByte(w ^ ('\n' * ONES)) | zeroByte(w ^ ('\r' * ONES))) != 0;
    }

    /** Non-zero exactly when some byte of v is zero (the high bit of each such byte, and maybe of others). */
    private static long zeroByte(long v) {
        return (v - ONES) & ~v & HIGHS;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
