package subsidy.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns an input must or may have under a policy: the canonical ones of SPEC §2 and the
 * policy's own. A policy's own column that a program in force uses is required in the header.
 */
public record InputSchema(List<ExtraColumn> extras, java.util.Set<String> required) {
    public static final InputSchema DEFAULT = new InputSchema(List.of(), java.util.Set.of());

    public InputSchema {
        extras = List.copyOf(extras);
        required = java.util.Set.copyOf(required);
    }

    public boolean isRequired(ExtraColumn c) {
        return required.contains(c.header());
    }

    /** The policy column a header cell names, case-insensitively, in either language. */
    public Optional<ExtraColumn> extraForHeader(String cell) {
        String h = cell.strip().toLowerCase(Locale.ROOT);
        return extras.stream().filter(x -> x.header().equals(h)
                || (x.chinese() != null && h.equals(x.chinese().strip().toLowerCase(Locale.ROOT)))).findFirst();
    }

    /** A column by canonical name, canonical or the policy's own. */
    public Optional<ColumnRef> forName(String name) {
        Optional<Column> base = Column.forName(name);
        if (base.isPresent()) {
            return Optional.of(base.get());
        }
        return extras.stream().filter(x -> x.header().equals(name)).map(x -> (ColumnRef) x).findFirst();
    }
}
