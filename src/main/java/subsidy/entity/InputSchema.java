package subsidy.entity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns an input must or may have under a policy: for firms the canonical ones of SPEC §2 and
 * the policy's own; for households the built-in household columns ({@link Households}, at the head
 * of {@code extras}) and the policy's own. A policy's own column that a program in force uses is
 * required in the header.
 */
public record InputSchema(List<ExtraColumn> extras, Set<String> required, Subject subject) {
    public static final InputSchema DEFAULT = new InputSchema(List.of(), Set.of());

    public InputSchema {
        extras = List.copyOf(extras);
        required = Set.copyOf(required);
    }

    /** A firm list's columns. */
    public InputSchema(List<ExtraColumn> extras, Set<String> required) {
        this(extras, required, Subject.FIRMS);
    }

    public boolean households() {
        return subject == Subject.HOUSEHOLDS;
    }

    public boolean isRequired(ExtraColumn c) {
        return c.mandatory() || required.contains(c.header());
    }

    /** The policy column a header cell names, case-insensitively, in either language. */
    public Optional<ExtraColumn> extraForHeader(String cell) {
        String h = Column.headerKey(cell);
        return extras.stream().filter(x -> x.named(h)).findFirst();
    }

    /** The canonical column a header cell names; none in a household list, whose columns are all extras. */
    public Optional<Column> columnForHeader(String cell) {
        return households() ? Optional.empty() : Column.forHeader(cell);
    }

    /** Whether a header cell names a column of this schema (finding the header row under title rows). */
    public boolean names(String cell) {
        return columnForHeader(cell).isPresent() || extraForHeader(cell).isPresent();
    }

    /** A column by canonical name, canonical or the policy's own. */
    public Optional<ColumnRef> forName(String name) {
        Optional<Column> base = households() ? Optional.empty() : Column.forName(name);
        if (base.isPresent()) {
            return Optional.of(base.get());
        }
        return extras.stream().filter(x -> x.header().equals(name)).map(x -> (ColumnRef) x).findFirst();
    }
}
