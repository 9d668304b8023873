package subsidy.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A set of short ASCII keys (a household list's household ids: at most 32 letters, digits, - _ /), for
 * the duplicate rule. The keys' bytes are kept one after another in pages of a byte arena, each slot of
 * an open-addressing table holding where its key starts: about the key's length and 9 bytes a key, where
 * a HashSet of Strings takes some 80 — a province's list of millions of households stays small.
 */
final class TextKeys {
    private static final int PAGE_BITS = 20;
    private static final int PAGE = 1 << PAGE_BITS; // 1 MiB of keys a page
    private static final float MAX_LOAD = 0.7f;

    private byte[][] pages = new byte[1][];
    private int page;     // the page being filled
    private int used;     // bytes used in it
    private long[] slots; // (page << 20 | offset) + 1 of a key, 0 when empty
    private long size;

    TextKeys() {
        pages[0] = new byte[PAGE];
        slots = new long[1 << 10];
    }

    /** Adds a key of ASCII characters, at most 255; false when it was there already. */
    boolean add(String key) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        if (k.length > 255) {
            throw new IllegalArgumentException("a key is at most 255 characters");
        }
        if (size + 1 > slots.length * MAX_LOAD) {
            grow();
        }
        int mask = slots.length - 1;
        int at = hash(k, 0, k.length) & mask;
        while (slots[at] != 0) {
            if (same(slots[at] - 1, k)) {
                return false;
            }
            at = (at + 1) & mask;
        }
        slots[at] = store(k) + 1;
        size++;
        return true;
    }

    long size() {
        return size;
    }

    /** Copies the key, its length first, into the arena; gives where it starts. */
    private long store(byte[] k) {
        if (used + k.length + 1 > PAGE) {
            page++;
            if (page == pages.length) {
                pages = Arrays.copyOf(pages, pages.length * 2);
            }
            pages[page] = new byte[PAGE];
            used = 0;
        }
        long where = ((long) page << PAGE_BITS) | used;
        byte[] p = pages[page];
        p[used] = (byte) k.length;
        System.arraycopy(k, 0, p, used + 1, k.length);
        used += k.length + 1;
        return where;
    }

    private boolean same(long where, byte[] k) {
        byte[] p = pages[(int) (where >>> PAGE_BITS)];
        int at = (int) (where & (PAGE - 1));
        return (p[at] & 0xff) == k.length && Arrays.equals(p, at + 1, at + 1 + k.length, k, 0, k.length);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long s : old) {
            if (s != 0) {
                long where = s - 1;
                byte[] p = pages[(int) (where >>> PAGE_BITS)];
                int from = (int) (where & (PAGE - 1));
                int at = hash(p, from + 1, from + 1 + (p[from] & 0xff)) & mask;
                while (slots[at] != 0) {
                    at = (at + 1) & mask;
                }
                slots[at] = s;
            }
        }
    }

    private static int hash(byte[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x100000001b3L;
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
