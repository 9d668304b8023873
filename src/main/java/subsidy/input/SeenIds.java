package subsidy.input;

import subsidy.entity.CreditCode;

/**
 * The set of credit codes already read, for the duplicate rule. A valid code is fixed by its first
 * 17 characters (the 18th is their check character), 85 bits: an int and a long. Open addressing
 * over two parallel arrays keeps that at 12 bytes a slot, 16 to 32 bytes per code between growths,
 * where a HashSet of Strings takes about 100.
 */
public final class SeenIds {
    private static final int PREFIX = 5;          // 31^5 < 2^31
    private static final float MAX_LOAD = 0.75f;

    private int[] high;   // value of the first 5 characters + 1; 0 marks an empty slot
    private long[] low;   // value of characters 6..17
    private int size;

    public SeenIds() {
        this(1 << 10);
    }

    public SeenIds(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
        high = new int[cap];
        low = new long[cap];
    }

    /** Adds a valid, upper-case code; false when it was there already. */
    public boolean add(String code) {
        int h = 0;
        for (int i = 0; i < PREFIX; i++) {
            h = h * 31 + CreditCode.value(code.charAt(i));
        }
        h++;
        long l = 0;
        for (int i = PREFIX; i < CreditCode.LENGTH - 1; i++) {
            l = l * 31 + CreditCode.value(code.charAt(i));
        }
        if (size + 1 > high.length * MAX_LOAD) {
            grow();
        }
        return insert(high, low, h, l);
    }

    public int size() {
        return size;
    }

    private boolean insert(int[] hs, long[] ls, int h, long l) {
        int mask = hs.length - 1;
        int slot = mix(h, l) & mask;
        while (hs[slot] != 0) {
            if (hs[slot] == h && ls[slot] == l) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        hs[slot] = h;
        ls[slot] = l;
        size++;
        return true;
    }

    private void grow() {
        int[] oldHigh = high;
        long[] oldLow = low;
        high = new int[oldHigh.length << 1];
        low = new long[oldLow.length << 1];
        size = 0;
        for (int i = 0; i < oldHigh.length; i++) {
            if (oldHigh[i] != 0) {
                insert(high, low, oldHigh[i], oldLow[i]);
            }
        }
    }

    private static int mix(int h, long l) {
        long x = l * 0x9E3779B97F4A7C15L + h;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return (int) (x ^ (x >>> 29));
    }
}
