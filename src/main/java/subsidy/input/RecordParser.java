package subsidy.input;

import java.nio.charset.Charset;
import java.util.Arrays;
import subsidy.text.Msg;

/**
 * Reads the records of one {@link Chunk} as RFC 4180 (Commons CSV's {@code RFC4180} format gives the
 * same cells): a comma separates cells, a quoted cell may hold commas, line breaks and {@code ""} for
 * a quote, and white space after a closing quote is dropped. Each cell is decoded on its own, which is
 * safe because no multi-byte character of the encodings {@link ChunkReader} accepts contains these
 * bytes.
 *
 * <p>Where Commons CSV would give up on the whole file — text after a closing quote, as in
 * {@code "Acme" Ltd} — this keeps the text and names the problem, so only that row is rejected.
 */
public final class RecordParser {
    private final Charset charset;
    private byte[] b;
    private int pos;
    private int end;
    private long line;
    // Cell i is b[starts[i], ends[i]) unless texts[i] holds it already decoded: a cell that had to be
    // rebuilt ("" in it, text after its quote) or was asked for as text. Most cells are numbers and
    // codes that RowParser reads straight from the bytes, so decoding waits until someone asks.
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private String[] texts = new String[32];
    /** The byte between cells, from the chunk: a comma, a tab or a semicolon. */
    private byte delimiter = ',';
    private int size;
    private long recordLine;
    private int recordStart;
    /** What is wrong with a cell that has text after its closing quote (the record is read on regardless). */
    static final Msg AFTER_QUOTE = Msg.of("input.row.after_quote");

    private Msg problem;
    private int problemCell;
    private byte[] scratch = new byte[256];

    public RecordParser(Charset charset) {
        this.charset = charset;
    }

    public void reset(Chunk chunk) {
        delimiter = chunk.delimiter();
        b = chunk.bytes();
        pos = chunk.from();
        end = chunk.to();
        line = chunk.firstLine();
    }

    /** Reads the next record; false at the end of the chunk. */
    public boolean next() {
        if (pos >= end) {
            return false;
        }
        recordLine = line;
        recordStart = pos;
        size = 0;
        problem = null;
        problemCell = -1;
        while (true) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, 2 * size);
                ends = Arrays.copyOf(ends, 2 * size);
                texts = Arrays.copyOf(texts, 2 * size);
            }
            if (pos < end && b[pos] == '"') {
                quoted();
            } else {
                unquoted();
            }
            size++;
            if (pos >= end) {
                return true;
            }
            byte c = b[pos++];
            if (c == '\n') {
                line++;
                return true;
            }
            if (c == '\r') {
                if (pos < end && b[pos] == '\n') {
                    pos++;
                }
                line++;
                return true;
            }
            // c == the delimiter: the next cell
        }
    }

    /** The line the current record starts on, counting from 1 as an editor does. */
    public long line() {
        return recordLine;
    }

    public int size() {
        return size;
    }

    /** Cell i as text. */
    public String get(int i) {
        String t = texts[i];
        if (t == null) {
            t = new String(b, starts[i], ends[i] - starts[i], charset);
            texts[i] = t;
        }
        return t;
    }

    /** The current record's cells, as a new array. */
    public String[] cells() {
        String[] all = new String[size];
        for (int i = 0; i < size; i++) {
            all[i] = get(i);
        }
        return all;
    }

    /**
     * Whether cell i is exactly {@code bytes()[start(i), end(i))}, so it can be read without being
     * decoded; false for a cell rebuilt from its quoting.
     */
    boolean raw(int i) {
        return starts[i] >= 0;
    }

    byte[] bytes() {
        return b;
    }

    /**
     * Whether cell i's bytes are not all text in the encoding, so that a U+FFFD in it stands for bytes
     * that could not be decoded rather than for the replacement character written as such. A cell
     * rebuilt from its quoting is judged by its whole record's bytes.
     */
    boolean malformed(int i) {
        int from = raw(i) ? starts[i] : recordStart;
        int to = raw(i) ? ends[i] : pos;
        try {
            charset.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b, from, to - from));
            return false;
        } catch (java.nio.charset.CharacterCodingException e) {
            return true;
        }
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** The current record alone, as a chunk, so it can be read again later. */
    Chunk record(Chunk chunk) {
        return new Chunk(chunk.sequence(), b, recordStart, pos, recordLine, chunk.end(), delimiter);
    }

    /** Where the next record starts, and its line: the rest of the chunk as a chunk of its own. */
    Chunk rest(Chunk chunk) {
        return chunk.from(pos, line);
    }

    /** What is wrong with the current record's quoting, in English, or null. */
    String problem() {
        return problem == null ? null : problem.toString();
    }

    /** What is wrong with the current record's quoting, in any language, or null. */
    public Msg problemText() {
        return problem;
    }

    /** The index of the cell {@link #problem()} is about, or -1. */
    public int problemCell() {
        return problemCell;
    }

    /** A record of one empty cell: a blank line, skipped without counting as a row. */
    /**
     * Whether every cell of a record of several is empty or spaces: a row of empty cells, as Excel leaves
     * below a table ({@code ,,,,}). It holds no value, so it is no row to compute or reject.
     */
    public boolean emptyCells() {
        if (size < 2) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (raw(i)) {
                for (int k = starts[i]; k < ends[i]; k++) {
                    if (b[k] != ' ' && b[k] != '\t') {
                        return false;
                    }
                }
            } else if (!texts[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    public boolean blank() {
        return size == 1 && (raw(0) ? starts[0] == ends[0] : texts[0].isEmpty());
    }

    private void bytes(int from, int to) {
        starts[size] = from;
        ends[size] = to;
        texts[size] = null;
    }

    private void text(String cell) {
        starts[size] = -1;
        ends[size] = -1;
        texts[size] = cell;
    }

    private void unquoted() {
        int start = pos;
        while (pos < end) {
            byte c = b[pos];
            if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            pos++;
        }
        bytes(start, pos);
    }

    /** From the opening quote to just before the comma or line break that ends the cell. */
    private void quoted() {
        int open = pos;
        int start = ++pos;
        int n = 0; // bytes gathered in scratch, once a "" forces a copy
        boolean escaped = false;
        while (pos < end) {
            byte c = b[pos];
            if (c == '"') {
                if (pos + 1 < end && b[pos + 1] == '"') {
                    n = copy(n, start, pos + 1); // keep one quote of the two
                    escaped = true;
                    pos += 2;
                    start = pos;
                    continue;
                }
                break;
            }
            if (c == '\n' || c == '\r' && (pos + 1 >= end || b[pos + 1] != '\n')) {
                line++; // a line break inside the cell: CR LF counts once, at its LF
            }
            pos++;
        }
        int close = pos;
        pos = Math.min(pos + 1, end);
        int after = pos;
        boolean junk = false;
        boolean wide = false;
        while (pos < end && b[pos] != delimiter && b[pos] != '\n' && b[pos] != '\r') {
            wide |= b[pos] < 0;
            junk |= b[pos] >= 0 && !whitespace(b[pos]);
            pos++;
        }
        if (!junk && wide) {
            // A full-width space after the quote (「"某某公司"　,」) is white space too, as Character.isWhitespace says.
            junk = !new String(b, after, pos - after, charset).chars().allMatch(Character::isWhitespace);
        }
        if (junk) {
            problemCell = size;
            problem = Msg.of("input.row.cell_after_quote", size + 1, AFTER_QUOTE);
            text(new String(b, open, pos - open, charset)); // the cell as written, quotes and all
        } else if (!escaped) {
            bytes(start, close);
        } else {
            n = copy(n, start, close);
            text(new String(scratch, 0, n, charset));
        }
    }

    /** Appends b[from, to) to the first {@code at} bytes of scratch; returns the new length. */
    private int copy(int at, int from, int to) {
        int need = at + to - from;
        if (need > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(need, 2 * scratch.length));
        }
        System.arraycopy(b, from, scratch, at, to - from);
        return need;
    }

    /** Character.isWhitespace over the ASCII range, which Commons CSV skips after a closing quote. */
    private static boolean whitespace(byte c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c >= 0x1C && c <= 0x1F;
    }
}
