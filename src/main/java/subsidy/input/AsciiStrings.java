package subsidy.input;

import java.nio.charset.StandardCharsets;

/**
 * The same String for the same short ASCII cell, such as a region or industry code: a file of
 * millions of rows names a few thousand counties, so each is made once rather than once a row.
 * Direct-mapped and fixed in size, so a file of all-different codes costs misses, not memory.
 * One per thread.
 */
final class AsciiStrings {
    /** Seven 7-bit characters and their length fit a long. */
    static final int MAX_LENGTH = 7;
    private static final int SLOT_BITS = 12;
    private static final int SLOTS = 1 << SLOT_BITS;
    private final long[] keys = new long[SLOTS];
    private final String[] values = new String[SLOTS];

    /** b[from, to), which must be ASCII and at most {@link #MAX_LENGTH} bytes long, as a String. */
    String get(byte[] b, int from, int to) {
        long key = 0;
        for (int i = from; i < to; i++) {
            key = key << 7 | b[i];
        }
        key = key << 3 | (to - from); // keeps "0" and "00" apart
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - SLOT_BITS));
        String v = values[slot];
        if (v == null || keys[slot] != key) {
            v = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            keys[slot] = key;
            values[slot] = v;
        }
        return v;
    }
}
