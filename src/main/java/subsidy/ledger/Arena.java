package subsidy.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte strings packed one after another outside the heap, each found again by an {@code int} place:
 * what a run holds of entity_state while it runs ({@link StateSnapshot}). A string is its length (one
 * to five bytes, seven bits each) and its bytes; two may be packed as one entry (an id and its state).
 *
 * <p>Chunks of 256 KB of direct memory: on the heap, a few dozen megabytes held for the whole run made
 * G1 collect some 900 times in a million-row run (a megabyte's chunk is also a humongous object, two
 * regions); off it they cost the collector nothing. Not thread-safe while written; read by any thread
 * once handed over.
 */
final class Arena {
    static final int CHUNK_BITS = 18;
    static final int CHUNK = 1 << CHUNK_BITS;
    /** The most chunks a place can name, less one, so that a place plus one is still positive. */
    private static final int MAX_CHUNKS = (1 << (31 - CHUNK_BITS)) - 1;

    private final List<ByteBuffer> chunks = new ArrayList<>();
    private ByteBuffer current;
    private int used;
    private long bytes;

    /** Bytes taken so far. */
    long bytes() {
        return bytes;
    }

    /** Bytes an entry of these strings takes. */
    private static int size(byte[] a, byte[] b) {
        return lengthSize(a.length) + a.length + (b == null ? 0 : lengthSize(b.length) + b.length);
    }

    /**
     * Packs {@code a} and, when not null, {@code b} after it.
     *
     * @return the entry's place, or -1 when it does not fit a chunk or the chunks are all used
     */
    int add(byte[] a, byte[] b) {
        int need = size(a, b);
        if (need > CHUNK) {
            return -1;
        }
        if (current == null || used + need > CHUNK) {
            if (chunks.size() >= MAX_CHUNKS) {
                return -1;
            }
            try {
                current = ByteBuffer.allocateDirect(CHUNK);
            } catch (OutOfMemoryError full) {
                // direct memory limited below the budget (-XX:MaxDirectMemorySize): as a budget spent
                return -1;
            }
            chunks.add(current);
            used = 0;
            bytes += CHUNK;
        }
        int place = (chunks.size() - 1) << CHUNK_BITS | used;
        used = put(current, put(current, used, a), b);
        return place;
    }

    private static int put(ByteBuffer c, int at, byte[] s) {
        if (s == null) {
            return at;
        }
        for (int v = s.length; ; v >>>= 7) {
            if (v < 0x80) {
                c.put(at++, (byte) v);
                break;
            }
            c.put(at++, (byte) (v & 0x7f | 0x80));
        }
        c.put(at, s);
        return at + s.length;
    }

    private static int lengthSize(int v) {
        int n = 1;
        while (v >= 0x80) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private ByteBuffer chunk(long at) {
        return chunks.get((int) (at >>> CHUNK_BITS));
    }

    /** The length of the string at {@code at}, and (the upper half) where its bytes begin in its chunk. */
    private long header(long at) {
        ByteBuffer c = chunk(at);
        int i = (int) (at & (CHUNK - 1));
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int b = c.get(i++) & 0xff;
            length |= (b & 0x7f) << shift;
            if (b < 0x80) {
                return (long) i << 32 | length;
            }
        }
    }

    /** The first byte of the entry at {@code place}: reading it brings the entry near (see StateSnapshot.entries). */
    byte peek(int place) {
        return chunk(place).get(place & (CHUNK - 1));
    }

    /** Where the first string of the entry at {@code place} begins ({@link #next}). */
    long first(int place) {
        return place & 0xffffffffL;
    }

    /** Where the string after the one at {@code at} begins. */
    long next(long at) {
        long h = header(at);
        return (at & ~(long) (CHUNK - 1)) | ((h >>> 32) + (int) h);
    }

    /** The string at {@code at}. */
    byte[] bytes(long at) {
        long h = header(at);
        byte[] out = new byte[(int) h];
        chunk(at).get((int) (h >>> 32), out);
        return out;
    }

    /** Whether the string at {@code at} is {@code s}. */
    boolean same(long at, byte[] s) {
        long h = header(at);
        if ((int) h != s.length) {
            return false;
        }
        ByteBuffer c = chunk(at);
        int i = (int) (h >>> 32);
        for (int k = 0; k < s.length; k++) {
            if (c.get(i + k) != s[k]) {
                return false;
            }
        }
        return true;
    }

    /** The strings at {@code a} and {@code b} compared byte by byte, unsigned (the keys' order in both databases). */
    int compare(long a, long b) {
        long ha = header(a);
        long hb = header(b);
        ByteBuffer ca = chunk(a);
        ByteBuffer cb = chunk(b);
        int i = (int) (ha >>> 32);
        int j = (int) (hb >>> 32);
        int n = Math.min((int) ha, (int) hb);
        for (int k = 0; k < n; k++) {
            int d = (ca.get(i + k) & 0xff) - (cb.get(j + k) & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare((int) ha, (int) hb);
    }
}
