package subsidy.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A column a policy declares beyond SPEC §2 ({@code columns:}), of one of the kinds count,
 * true/false, money, rate, date or code, kept in the entity's {@link Extras} at {@code index}.
 *
 * @param values for a code column, the codes it may hold (empty: any code); unused for other kinds
 */
public record ExtraColumn(String header, String chinese, Column.Kind kind, int index, List<String> values)
        implements ColumnRef {
    public ExtraColumn {
        values = List.copyOf(values);
    }

    public ExtraColumn(String header, String chinese, Column.Kind kind, int index) {
        this(header, chinese, kind, index, List.of());
    }

    /** Whether the column's values are objects (money, rate, date, code) rather than numbers. */
    public boolean holdsObjects() {
        return kind == Column.Kind.MONEY || kind == Column.Kind.RATE || kind == Column.Kind.DATE
                || kind == Column.Kind.CODE || kind == Column.Kind.NUMBER;
    }

    @Override
    public long count(Entity e) {
        return e.extras().get(index);
    }

    /** Blank money (or number) is 0: a firm that spent nothing on what the column counts. */
    @Override
    public BigDecimal money(Entity e) {
        Object v = e.extras().object(index);
        return v == null ? BigDecimal.ZERO : (BigDecimal) v;
    }

    @Override
    public BigDecimal rate(Entity e) {
        return (BigDecimal) e.extras().object(index);
    }

    @Override
    public LocalDate date(Entity e) {
        return (LocalDate) e.extras().object(index);
    }

    @Override
    public String code(Entity e) {
        return (String) e.extras().object(index);
    }

    @Override
    public String toString() {
        return header;
    }
}
