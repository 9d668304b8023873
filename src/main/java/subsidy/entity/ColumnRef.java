package subsidy.entity;

/**
 * An input column a policy can name: one of the canonical columns of SPEC §2, or a column a
 * policy declares for itself (a regime that counts hires by tenure, say).
 */
public interface ColumnRef {
    /** The canonical header, as policies and messages name it. */
    String header();

    Column.Kind kind();

    /** The column's whole-number value for an entity (kind COUNT; BOOLEAN gives 1 or 0). */
    long count(Entity e);

    default boolean flag(Entity e) {
        return count(e) != 0;
    }
}
