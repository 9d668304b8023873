package subsidy.entity;

/**
 * A column a policy declares beyond SPEC §2, read as a count or a boolean and kept in the entity's
 * {@link Extras} at {@code index}.
 */
public record ExtraColumn(String header, String chinese, Column.Kind kind, int index) implements ColumnRef {
    @Override
    public long count(Entity e) {
        return e.extras().get(index);
    }

    @Override
    public String toString() {
        return header;
    }
}
