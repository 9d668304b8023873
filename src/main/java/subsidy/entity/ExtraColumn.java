package subsidy.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A column a policy declares beyond SPEC §2 ({@code columns:}), of one of the kinds count,
 * true/false, money, rate, date or code, kept in the entity's {@link Extras} at {@code index};
 * or one of a household list's built-in columns ({@link Households}), kept the same way.
 *
 * @param values     for a code column, the codes it may hold (empty: any code); unused for other kinds
 * @param aliases    other headers the column is known by (a household list's 户号 for 户编号)
 * @param valueWords for a code column, words a clerk writes for a code (城镇 for urban), by word
 * @param mandatory  whether every row must give a value (a household's id, head, name and region)
 */
public record ExtraColumn(String header, String chinese, Column.Kind kind, int index, List<String> values,
        List<String> aliases, Map<String, String> valueWords, boolean mandatory) implements ColumnRef {
    public ExtraColumn {
        values = List.copyOf(values);
        aliases = List.copyOf(aliases);
        valueWords = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valueWords));
    }

    public ExtraColumn(String header, String chinese, Column.Kind kind, int index, List<String> values) {
        this(header, chinese, kind, index, values, List.of(), Map.of(), false);
    }

    public ExtraColumn(String header, String chinese, Column.Kind kind, int index) {
        this(header, chinese, kind, index, List.of());
    }

    /** The same column at another place in the entity's values. */
    public ExtraColumn at(int newIndex) {
        return new ExtraColumn(header, chinese, kind, newIndex, values, aliases, valueWords, mandatory);
    }

    /** The first word {@link #valueWords} gives for {@code code} (its Chinese name), or null when none does. */
    public String word(String code) {
        for (Map.Entry<String, String> w : valueWords.entrySet()) {
            if (w.getValue().equals(code)) {
                return w.getKey();
            }
        }
        return null;
    }

    /** Whether a header cell ({@link Column#headerKey}) names this column: its id, its Chinese header or an alias. */
    public boolean named(String cell) {
        return header.equals(cell) || (chinese != null && cell.equals(Column.headerKey(chinese)))
                || aliases.stream().anyMatch(a -> cell.equals(Column.headerKey(a)));
    }

    /** Whether the column's values are objects (money, rate, date, code, text) rather than numbers. */
    public boolean holdsObjects() {
        return kind != Column.Kind.COUNT && kind != Column.Kind.BOOLEAN;
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
