package subsidy.entity;

import java.util.Arrays;

/** The values of a policy's own columns for one entity, in the policy's column order. */
public final class Extras {
    public static final Extras NONE = new Extras(new long[0]);
    private final long[] values;

    public Extras(long[] values) {
        this.values = values.clone();
    }

    public long get(int index) {
        return values[index];
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extras x && Arrays.equals(values, x.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
