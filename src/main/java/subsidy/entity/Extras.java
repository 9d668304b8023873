package subsidy.entity;

import java.util.Arrays;

/**
 * The values of a policy's own columns for one entity, in the policy's column order: counts and
 * true/false (1 or 0) as numbers, money and rates as BigDecimal, dates as LocalDate, codes as String
 * (null when blank).
 */
public final class Extras {
    private static final Object[] NO_VALUES = new Object[0];
    public static final Extras NONE = new Extras(new long[0]);
    private final long[] values;
    private final Object[] objects;

    public Extras(long[] values) {
        this(values, NO_VALUES);
    }

    /** @param objects the values of the columns that are not counts, at the same indexes (null elsewhere) */
    public Extras(long[] values, Object[] objects) {
        this.values = values.clone();
        this.objects = objects.length == 0 ? NO_VALUES : objects.clone();
    }

    public long get(int index) {
        return values[index];
    }

    /** The money, rate, date or code at {@code index}; null when blank. */
    public Object object(int index) {
        return index < objects.length ? objects[index] : null;
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extras x && Arrays.equals(values, x.values) && Arrays.equals(objects, x.objects);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(objects);
    }

    @Override
    public String toString() {
        return objects.length == 0 ? Arrays.toString(values) : Arrays.toString(values) + Arrays.toString(objects);
    }
}
