package subsidy.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All of {@code entity_state} in memory, as its cells' bytes: read in one pass when a run looks up
 * more entities than probing the table one key at a time is worth ({@link StateReader}). Each entity
 * and its state are packed one after the other in chunks of 256 KB (a length, the id's UTF-8
 * bytes, a length, the state's UTF-8 bytes), found by an open-addressing table of their places; a
 * look-up gives the state's text, decoded as the probes decode it. A million entities of a dozen
 * periods take some 80 MB.
 *
 * <p>Ids are compared byte for byte, as both databases compare the key (SQLite's BINARY, PostgreSQL's
 * {@code COLLATE "C"}).
 */
final class StateSnapshot {
    /**
     * Chunks of 256 KB: under half of G1's smallest region (1 MB, a heap under 2 GB), so that none is
     * a humongous object, which takes whole regions to itself (a megabyte's chunk took two).
     */
    private static final int CHUNK_BITS = 18;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final java.nio.ByteBuffer[] chunks;
    /** Each slot the place of an entry plus one; 0 for none. */
    private final int[] table;
    private final int mask;
    private final int size;

    private StateSnapshot(java.nio.ByteBuffer[] chunks, int[] table, int size) {
        this.chunks = chunks;
        this.table = table;
        this.mask = table.length - 1;
        this.size = size;
    }

    /** How many entities it holds. */
    int size() {
        return size;
    }

    /** {@code entity}'s state as the table holds it, or null when the ledger never paid it. */
    String state(String entity) {
        byte[] key = entity.getBytes(StandardCharsets.UTF_8);
        for (int slot = hash(key, 0, key.length) & mask; ; slot = (slot + 1) & mask) {
            int ref = table[slot] - 1;
            if (ref < 0) {
                return null;
            }
            java.nio.ByteBuffer c = chunks[ref >>> CHUNK_BITS];
            int at = ref & (CHUNK - 1);
            int keyLength = c.get(at) & 0xff;
            at++;
            if (keyLength >= 0x80) {
                keyLength = keyLength & 0x7f | (c.get(at) & 0xff) << 7;
                at++;
            }
            if (keyLength == key.length && same(c, at, key)) {
                at += keyLength;
                int[] length = new int[1];
                at = readLength(c, at, length);
                byte[] state = new byte[length[0]];
                c.get(at, state);
                return new String(state, StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean same(java.nio.ByteBuffer c, int at, byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (c.get(at + i) != key[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readLength(java.nio.ByteBuffer c, int at, int[] out) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = c.get(at++) & 0xff;
            v |= (b & 0x7f) << shift;
            if (b < 0x80) {
                out[0] = v;
                return at;
            }
        }
    }

    /** FNV-1a over the bytes, then mixed, so that ids that differ in their last characters spread. */
    static int hash(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /**
     * Collects the cells as they are read, within a budget of bytes: {@link #add} says when it is spent,
     * and the snapshot is then given up (the run probes instead).
     */
    static final class Builder {
        private final long budget;
        private final List<java.nio.ByteBuffer> chunks = new ArrayList<>();
        private java.nio.ByteBuffer current;
        private int used;
        private int[] refs = new int[1024];
        private int[] hashes = new int[1024];
        private int size;
        private long bytes;

        Builder(long budget) {
            this.budget = budget;
        }

        /**
         * Adds one row: {@code key} and {@code state} as UTF-8 bytes.
         *
         * @return false when the snapshot would take more than its budget (nothing more may be added)
         */
        boolean add(byte[] key, byte[] state) {
            if (key.length >= 1 << 14) {
                return false; // an id no firm has: probed instead, as the database keys it
            }
            int need = (key.length < 0x80 ? 1 : 2) + key.length + varintLength(state.length) + state.length;
            if (current == null || used + need > current.capacity()) {
                int length = Math.max(CHUNK, need);
                if (chunks.size() >= (1 << (31 - CHUNK_BITS)) - 1 || need > CHUNK || !fits(length, refs.length)) {
                    return false;
                }
                current = java.nio.ByteBuffer.allocateDirect(length);
                chunks.add(current);
                used = 0;
                bytes += length;
            }
            if (size == refs.length) {
                if (!fits(0, size * 2)) {
                    return false;
                }
                refs = Arrays.copyOf(refs, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            refs[size] = (chunks.size() - 1) << CHUNK_BITS | used;
            hashes[size] = hash(key, 0, key.length);
            size++;
            if (key.length < 0x80) {
                current.put(used++, (byte) key.length);
            } else {
                current.put(used++, (byte) (key.length & 0x7f | 0x80));
                current.put(used++, (byte) (key.length >>> 7));
            }
            current.put(used, key);
            used += key.length;
            for (int v = state.length; ; v >>>= 7) {
                if (v < 0x80) {
                    current.put(used++, (byte) v);
                    break;
                }
                current.put(used++, (byte) (v & 0x7f | 0x80));
            }
            current.put(used, state);
            used += state.length;
            return true;
        }

        /**
         * Whether the chunks with {@code more} bytes, places and hashes for {@code entries}, and the table
         * {@link #build} makes for them (while those are still held) stay within the budget.
         */
        private boolean fits(long more, int entries) {
            return bytes + more + 8L * entries + 4L * capacity(entries) <= budget;
        }

        private static long capacity(long entries) {
            return Long.highestOneBit(Math.max(2, entries) * 2 - 1) << 1;
        }

        private static int varintLength(int v) {
            int n = 1;
            while (v >= 0x80) {
                v >>>= 7;
                n++;
            }
            return n;
        }

        /** The snapshot of what was added, or null when its table would take more than the budget. */
        StateSnapshot build() {
            if (!fits(0, size)) {
                return null;
            }
            int capacity = (int) capacity(size);
            int[] table = new int[capacity];
            int mask = capacity - 1;
            for (int i = 0; i < size; i++) {
                int slot = hashes[i] & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = refs[i] + 1;
            }
            refs = null;
            hashes = null;
            return new StateSnapshot(chunks.toArray(new java.nio.ByteBuffer[0]), table, size);
        }
    }
}
