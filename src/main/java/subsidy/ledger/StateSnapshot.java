package subsidy.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * All of {@code entity_state} in memory, as its cells' bytes: read in one pass when a run looks up
 * more entities than probing the table one key at a time is worth ({@link StateReader}). Each entity
 * and its state are one entry of an {@link Arena}, in the table's key order, found by an open-addressing
 * table of their numbers; a look-up gives the state's text, decoded as the probes decode it. A million
 * entities of a dozen periods take some 80 MB.
 *
 * <p>A run that reads it also keeps what its batch adds to each state here ({@link Changes}), and writes
 * the states back at its end in key order, without the database sorting or joining them.
 *
 * <p>Ids are compared byte for byte, as both databases compare the key (SQLite's BINARY, PostgreSQL's
 * {@code COLLATE "C"}).
 */
final class StateSnapshot {
    private final Arena arena;
    /** Entry i's place, in key order. */
    private final int[] places;
    private final int size;
    /**
     * Each slot its entry's hash (upper half; most slots probed that are not the key's are passed without
     * reading the arena) and the entry's number plus one (lower half); 0 for none. One array, so that a
     * probe reads one line of memory for both.
     */
    private final long[] table;
    private final int mask;
    /** Whether the rows came in strictly increasing key order (as asked): else nothing is written from it. */
    private final boolean ordered;

    private StateSnapshot(Arena arena, int[] places, int size, long[] table, boolean ordered) {
        this.arena = arena;
        this.places = places;
        this.size = size;
        this.table = table;
        this.mask = table.length - 1;
        this.ordered = ordered;
    }

    /** How many entities it holds. */
    int size() {
        return size;
    }

    /** Whether the rows came in strictly increasing key order, as asked: else no state is written back from it. */
    boolean ordered() {
        return ordered;
    }

    /** The number of {@code entity}'s entry, or -1 when the ledger never paid it. */
    int entry(String entity) {
        byte[] key = entity.getBytes(StandardCharsets.UTF_8);
        return entry(key, hash(key));
    }

    /** The number of the entry of {@code key}, whose {@link #hash} is {@code h}, or -1. */
    private int entry(byte[] key, int h) {
        int slot = find(key, h);
        return slot < 0 ? -1 : (int) table[slot] - 1;
    }

    /** Keys looked for together in {@link #entries}: what their first slots and entries take fits a core's cache. */
    private static final int GROUP = 64;

    /**
     * As {@link #entry} for each of {@code entities}, in their order: the numbers of their entries, -1 for
     * an entity the ledger never paid. Each of a million look-ups waits on memory twice, for its slot and for
     * its entry in the arena, neither in any cache; looked for a group at a time, the processor fetches the
     * group's slots together, then their entries, before any is compared.
     */
    int[] entries(List<String> entities) {
        int n = entities.size();
        int[] out = new int[n];
        byte[][] keys = new byte[Math.min(n, GROUP)][];
        int[] hashes = new int[keys.length];
        long[] first = new long[keys.length];
        for (int from = 0; from < n; from += GROUP) {
            int count = Math.min(GROUP, n - from);
            for (int k = 0; k < count; k++) {
                keys[k] = entities.get(from + k).getBytes(StandardCharsets.UTF_8);
                hashes[k] = hash(keys[k]);
                first[k] = table[hashes[k] & mask];
            }
            int seen = 0;
            for (int k = 0; k < count; k++) {
                long t = first[k];
                if (t != 0 && (int) (t >>> 32) == hashes[k]) {
                    seen += arena.peek(places[(int) t - 1]);
                }
            }
            SINK[0] = seen;
            for (int k = 0; k < count; k++) {
                out[from + k] = entry(keys[k], hashes[k]);
            }
        }
        return out;
    }

    /**
     * Where {@link #entries} puts what it read ahead, so that the compiler does not leave the reads out as
     * unused: an array of its own, written once a group, away from the fields every look-up reads.
     */
    private static final int[] SINK = new int[1];

    /** The state of entry {@code i} as the table holds it. */
    String state(int i) {
        return new String(arena.bytes(arena.next(arena.first(places[i]))), StandardCharsets.UTF_8);
    }


    /** The slot of the entry of {@code key}, whose {@link #hash} is {@code h}, or -1. */
    private int find(byte[] key, int h) {
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            long t = table[slot];
            if (t == 0) {
                return -1;
            }
            if ((int) (t >>> 32) == h && arena.same(arena.first(places[(int) t - 1]), key)) {
                return slot;
            }
        }
    }

    /** FNV-1a over the bytes, then mixed, so that ids that differ in their last characters spread. */
    static int hash(byte[] b) {
        int h = 0x811c9dc5;
        for (byte x : b) {
            h = (h ^ (x & 0xff)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /** What a table of this many entries takes on the heap: the places and twice as many slots. */
    private static long heapFor(long entries) {
        return 4L * entries + 8L * capacity(entries);
    }

    private static long capacity(long entries) {
        return Long.highestOneBit(Math.max(2, entries) * 2 - 1) << 1;
    }

    /**
     * Collects the rows as they are read, within a budget of bytes: {@link #add} says when it is spent,
     * and the snapshot is then given up (the run probes instead).
     */
    static final class Builder {
        private final long budget;
        private final Arena arena = new Arena();
        private int[] places = new int[1024];
        private int size;
        private byte[] last;
        private boolean ordered = true;

        Builder(long budget) {
            this.budget = budget;
        }

        /**
         * Adds one row: {@code key} and {@code state} as UTF-8 bytes.
         *
         * @return false when the snapshot would take more than its budget (nothing more may be added)
         */
        boolean add(byte[] key, byte[] state) {
            if (size == places.length) {
                if (arena.bytes() + 8L * size + heapFor(size * 2L) > budget) {
                    return false;
                }
                places = Arrays.copyOf(places, size * 2);
            }
            if (arena.bytes() + Arena.CHUNK + 4L * places.length + heapFor(places.length) > budget) {
                return false;
            }
            int place = arena.add(key, state);
            if (place < 0) {
                return false;
            }
            if (last != null && Arrays.compareUnsigned(last, key) >= 0) {
                ordered = false;
            }
            last = key;
            places[size++] = place;
            return true;
        }

        /** The snapshot of what was added. */
        StateSnapshot build() {
            long[] table = new long[(int) capacity(size)];
            int mask = table.length - 1;
            for (int i = 0; i < size; i++) {
                int h = hash(arena.bytes(arena.first(places[i])));
                int slot = h & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = (long) h << 32 | (i + 1);
            }
            return new StateSnapshot(arena, places, size, table, ordered);
        }
    }

    /** Receives rows of entity_state in key order: the id and the state, as UTF-8 bytes. */
    interface Rows {
        void row(byte[] entity, byte[] state) throws SQLException;
    }

    /**
     * What a batch adds to the states of its entities, kept until its end: for each, the text of its
     * counted entries, which its state as read ends with from then on ({@link Prior#plus}). Written by one
     * thread (the ledger's writer). Holds at most its budget of bytes: {@link #add} says when more would not
     * fit, and the run then writes its states as it did without a snapshot.
     */
    final class Changes {
        private final long budget;
        private final Arena added = new Arena();
        /** Per entry of the snapshot, the place of what was added plus one; 0 for nothing. */
        private final int[] of = new int[size];
        /** Entities the snapshot does not hold: places of (id, what was added). */
        private int[] fresh = new int[64];
        private int freshCount;
        private long count;

        Changes(long budget) {
            this.budget = budget;
        }

        /** How many states the snapshot holds. */
        long snapshotSize() {
            return size;
        }

        /** How many entities' states changed. */
        long count() {
            return count;
        }

        /**
         * Keeps that this batch adds {@code text} (its counted entries, encoded) to {@code entity}'s state,
         * which the run read as {@code read} (null when it read none).
         *
         * @return false when it does not fit the budget: nothing was kept, and no more may be
         */
        boolean add(String entity, Prior read, String text) {
            byte[] value = text.getBytes(StandardCharsets.UTF_8);
            int i = read != null && read.snapshotEntry >= 0 ? read.snapshotEntry : entry(entity);
            if (added.bytes() + Arena.CHUNK + 4L * fresh.length > budget) {
                return false;
            }
            if (i >= 0) {
                if (of[i] != 0) {
                    throw new IllegalStateException("an entity's state changed twice in one batch: " + entity);
                }
                int place = added.add(value, null);
                if (place < 0) {
                    return false;
                }
                of[i] = place + 1;
            } else {
                if (freshCount == fresh.length) {
                    fresh = Arrays.copyOf(fresh, freshCount * 2);
                }
                int place = added.add(entity.getBytes(StandardCharsets.UTF_8), value);
                if (place < 0) {
                    return false;
                }
                fresh[freshCount++] = place;
            }
            count++;
            return true;
        }

        /** Each changed entity and its whole new state, in key order. */
        void changed(Rows out) throws SQLException {
            write(out, false);
        }

        /** Every entity and its state after this batch, in key order. */
        void all(Rows out) throws SQLException {
            write(out, true);
        }

        private void write(Rows out, boolean unchangedToo) throws SQLException {
            Integer[] order = new Integer[freshCount];
            for (int k = 0; k < freshCount; k++) {
                order[k] = fresh[k];
            }
            Arrays.sort(order, (a, b) -> added.compare(added.first(a), added.first(b)));
            int f = 0;
            byte[] freshKey = f < order.length ? added.bytes(added.first(order[f])) : null; // the next one's id
            for (int i = 0; i < size; i++) {
                long at = arena.first(places[i]);
                byte[] key = arena.bytes(at);
                while (freshKey != null && Arrays.compareUnsigned(freshKey, key) < 0) {
                    fresh(out, order[f++]);
                    freshKey = f < order.length ? added.bytes(added.first(order[f])) : null;
                }
                if (of[i] != 0) {
                    changed(out, i, at, key);
                } else if (unchangedToo) {
                    out.row(key, arena.bytes(arena.next(at)));
                }
            }
            while (f < order.length) {
                fresh(out, order[f++]);
            }
        }

        /** Entry {@code i} of the snapshot (its id {@code key}, at {@code at}) with what the batch added to its state. */
        private void changed(Rows out, int i, long at, byte[] key) throws SQLException {
            out.row(key, join(arena.bytes(arena.next(at)), added.bytes(added.first(of[i] - 1))));
        }

        /** An entity the snapshot does not hold, and its state: what the batch added. */
        private void fresh(Rows out, int place) throws SQLException {
            long at = added.first(place);
            out.row(added.bytes(at), added.bytes(added.next(at)));
        }

        /** A state read and what the batch adds to it, as {@link Prior#joined} joins their text. */
        private static byte[] join(byte[] state, byte[] more) {
            if (state.length == 0) {
                return more;
            }
            byte[] out = Arrays.copyOf(state, state.length + 1 + more.length);
            out[state.length] = ';';
            System.arraycopy(more, 0, out, state.length + 1, more.length);
            return out;
        }

        /** Each changed entity and its whole new state, in no order: for a run that gives this up midway. */
        void each(Rows out) throws SQLException {
            for (int i = 0; i < size; i++) {
                if (of[i] != 0) {
                    long at = arena.first(places[i]);
                    changed(out, i, at, arena.bytes(at));
                }
            }
            for (int k = 0; k < freshCount; k++) {
                fresh(out, fresh[k]);
            }
        }
    }
}
