package subsidy.input;

import subsidy.entity.CreditCode;

/**
 * The set of credit codes already read, for the duplicate rule. A valid code is fixed by its first
 * 17 characters (the 18th is their check character), 85 bits: an int and a long. Open addressing
 * over two parallel arrays keeps that at 12 bytes a slot, 16 to 32 bytes per code between growths,
 * where a HashSet of Strings takes about 100.
 *
 * <p>The arrays are kept in pages of 32,768 slots, each well under a heap region, because one array
 * for millions of codes must be found contiguous in a small heap and can fail to be; and a growth
 * frees each old page as soon as its codes have moved, so the old table and the new are not both
 * whole at once.
 */
public final class SeenIds {
    private static final int PREFIX = 5;          // 31^5 < 2^31
    private static final float MAX_LOAD = 0.75f;
    private static final int PAGE_BITS = 15;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE - 1;

    /** A household list's household ids, which are not codes. */
    private TextKeys keys;
    /** A household list's heads' identity numbers: 17 digits and a check character, packed as codes are. */
    private SeenIds persons;
    private int[][] high;   // value of the first 5 characters + 1; 0 marks an empty slot
    private long[][] low;   // value of characters 6..17
    private long capacity;
    private long size;

    public SeenIds() {
        this(1 << 10);
    }

    public SeenIds(int initialCapacity) {
        allocate(Long.highestOneBit(Math.max(16, initialCapacity - 1)) << 1);
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
        if (size + 1 > capacity * MAX_LOAD) {
            grow();
        }
        return insert(h, l);
    }

    /** Adds a household id (valid, upper case); false when it was there already. */
    public boolean addKey(String key) {
        if (keys == null) {
            keys = new TextKeys();
        }
        return keys.add(key);
    }

    /**
     * Adds a valid resident identity number; false when it was there already. Its characters are all
     * in the credit code's alphabet (digits, and X last), and like a code it is fixed by its first 17.
     */
    public boolean addPerson(String residentId) {
        if (persons == null) {
            persons = new SeenIds();
        }
        return persons.add(residentId);
    }

    public long size() {
        return size;
    }

    private void allocate(long slots) {
        capacity = slots;
        int pageSize = (int) Math.min(slots, PAGE);
        int pages = (int) (slots / pageSize);
        high = new int[pages][];
        low = new long[pages][];
        for (int p = 0; p < pages; p++) {
            high[p] = new int[pageSize];
            low[p] = new long[pageSize];
        }
    }

    private boolean insert(int h, long l) {
        long mask = capacity - 1;
        long slot = mix(h, l) & mask;
        while (true) {
            int[] hp = high[(int) (slot >>> PAGE_BITS)];
            int at = (int) (slot & PAGE_MASK);
            int found = hp[at];
            if (found == 0) {
                hp[at] = h;
                low[(int) (slot >>> PAGE_BITS)][at] = l;
                size++;
                return true;
            }
            if (found == h && low[(int) (slot >>> PAGE_BITS)][at] == l) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        int[][] oldHigh = high;
        long[][] oldLow = low;
        allocate(capacity << 1);
        size = 0;
        for (int p = 0; p < oldHigh.length; p++) {
            int[] hp = oldHigh[p];
            long[] lp = oldLow[p];
            for (int i = 0; i < hp.length; i++) {
                if (hp[i] != 0) {
                    insert(hp[i], lp[i]);
                }
            }
            oldHigh[p] = null; // this page is moved: let it go now
            oldLow[p] = null;
        }
    }

    private static long mix(int h, long l) {
        long x = l * 0x9E3779B97F4A7C15L + h;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 29);
    }
}
