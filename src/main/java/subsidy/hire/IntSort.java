package subsidy.hire;

/** A stable merge sort of int indices by a comparison of what they index: no boxing, one scratch array. */
final class IntSort {
    interface Order {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    static void sort(int[] a, Order order) {
        int[] tmp = new int[a.length];
        int[] src = a;
        int[] dst = tmp;
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length; lo += 2 * width) {
                int mid = Math.min(lo + width, a.length);
                int hi = Math.min(lo + 2 * width, a.length);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = order.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, a.length);
        }
    }

    /**
     * Sorts {@code idx} by {@code key} (the key of idx[i] is key[i], moved along with it), stably, by the
     * low {@code bits} bits of the keys, 8 at a time (least significant first): a few linear passes instead
     * of a comparison sort's twenty.
     */
    static void radix(int[] idx, long[] key, int bits) {
        int n = idx.length;
        int[] idx2 = new int[n];
        long[] key2 = new long[n];
        int[] count = new int[257];
        for (int shift = 0; shift < bits; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((key[i] >>> shift) & 0xFF) + 1]++;
            }
            if (count[1] == n || allInOne(count, n)) {
                continue; // every key has the same digit here: nothing moves
            }
            for (int d = 0; d < 256; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < n; i++) {
                int d = (int) ((key[i] >>> shift) & 0xFF);
                int to = count[d]++;
                idx2[to] = idx[i];
                key2[to] = key[i];
            }
            System.arraycopy(idx2, 0, idx, 0, n);
            System.arraycopy(key2, 0, key, 0, n);
        }
    }

    private static boolean allInOne(int[] count, int n) {
        for (int d = 1; d <= 256; d++) {
            if (count[d] == n) {
                return true;
            }
        }
        return false;
    }

    /** The number of bits the largest of {@code keys} needs (keys not negative). */
    static int bits(long max) {
        return 64 - Long.numberOfLeadingZeros(max);
    }
}
