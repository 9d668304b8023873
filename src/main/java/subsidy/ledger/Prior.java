package subsidy.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What one entity has used up before this batch: its payments that count against a limit, not voided
 * or replaced, in the order they were recorded. {@link #NONE} for an entity the ledger has never paid.
 */
public record Prior(List<Entry> entries) {
    public static final Prior NONE = new Prior(List.of());

    public Prior {
        entries = List.copyOf(entries);
    }

    /** The entries of one program. */
    public List<Entry> of(String program) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.program().equals(program)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The same, without what {@code batch} recorded. */
    public Prior without(long batch) {
        return new Prior(entries.stream().filter(e -> e.batch() != batch).toList());
    }

    /** The same, without what {@code batch} recorded for {@code program} (null: every program). */
    public Prior without(long batch, String program) {
        return new Prior(entries.stream()
                .filter(e -> e.batch() != batch || program != null && !e.program().equals(program)).toList());
    }

    public Prior plus(List<Entry> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more);
        return new Prior(all);
    }

    /** As entity_state holds it: the entries joined by ';'. */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(e.encode());
        }
        return sb.toString();
    }

    public static Prior decode(String state) {
        if (state == null || state.isEmpty()) {
            return NONE;
        }
        List<Entry> out = new ArrayList<>();
        for (String s : state.split(";")) {
            out.add(Entry.decode(s));
        }
        return new Prior(out);
    }
}
