package subsidy.calc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a pure function gave for each key seen, for values that every row asks for but that depend
 * on one code of a few hundred (an industry's size row, the reason a region misses a list). Any
 * thread may ask. It stops remembering at a fixed number of keys, so a file of ten million distinct
 * codes costs time, never memory.
 */
public final class Memo<K, V> {
    private final Function<K, V> compute;
    private final int limit;
    private final Map<K, V> seen = new ConcurrentHashMap<>();

    /** @param compute a function of the key alone; a null it returns is not remembered */
    public Memo(int limit, Function<K, V> compute) {
        this.limit = limit;
        this.compute = compute;
    }

    public V get(K key) {
        V v = seen.get(key);
        if (v == null) {
            v = compute.apply(key);
            if (v != null && seen.size() < limit) {
                seen.put(key, v);
            }
        }
        return v;
    }
}
