package subsidy.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What one entity has used up before this batch: its payments that count against a limit, not voided
 * or replaced, in the order they were recorded. {@link #NONE} for an entity the ledger has never paid.
 * Two are equal when their entries are; the text a prior was read from is kept, so that the state a run
 * writes back is that text and the batch's entries after it, not all of it encoded again.
 */
public final class Prior {
    public static final Prior NONE = new Prior(List.of(), "");

    private final List<Entry> entries;
    /** As entity_state holds it, when known. */
    private final String encoded;
    /** The entry of the snapshot it was read from ({@link StateSnapshot}), or -1: the writer finds it again without a search. */
    final int snapshotEntry;

    public Prior(List<Entry> entries) {
        this(entries, null);
    }

    private Prior(List<Entry> entries, String encoded) {
        this(entries, encoded, -1);
    }

    private Prior(List<Entry> entries, String encoded, int snapshotEntry) {
        this.entries = List.copyOf(entries);
        this.encoded = encoded;
        this.snapshotEntry = snapshotEntry;
    }

    /** The same, read from entry {@code entry} of a snapshot. */
    Prior fromSnapshot(int entry) {
        return new Prior(entries, encoded, entry);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entries of one program (a list not to be changed). */
    public List<Entry> of(String program) {
        List<Entry> out = List.of();
        for (int i = 0; i < entries.size(); i++) { // by index: asked for each limited program of each row
            Entry e = entries.get(i);
            if (e.program().equals(program)) {
                out = out.isEmpty() ? new ArrayList<>(2) : out;
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
        return new Prior(all, encoded == null ? null : joined(encoded, encode(more)));
    }

    /** A state as entity_state holds it ({@code state}) and entries a batch adds to it, encoded: the state after. */
    static String joined(String state, String added) {
        return state.isEmpty() ? added : state + ';' + added;
    }

    /** As entity_state holds it: the entries joined by ';'. */
    public String encode() {
        if (encoded != null) {
            return encoded;
        }
        StringBuilder sb = new StringBuilder();
        encode(sb, entries);
        return sb.toString();
    }

    /** {@code entries} as entity_state holds them (the text {@link #encode} gives a prior of them). */
    public static String encode(List<Entry> entries) {
        StringBuilder sb = new StringBuilder(48 * entries.size());
        encode(sb, entries);
        return sb.toString();
    }

    private static void encode(StringBuilder sb, List<Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            entries.get(i).encode(sb);
        }
    }

    public static Prior decode(String state) {
        if (state == null || state.isEmpty()) {
            return NONE;
        }
        // The entries between ';', as String.split(";") gives them (empty ones at the end dropped), without its
        // array and list: a run decodes a million states.
        int end = state.length();
        while (end > 0 && state.charAt(end - 1) == ';') {
            end--;
        }
        List<Entry> out = new ArrayList<>(4);
        for (int from = 0; from < end; ) {
            int to = state.indexOf(';', from);
            to = to < 0 || to > end ? end : to;
            out.add(Entry.decode(state.substring(from, to)));
            from = to + 1;
        }
        return new Prior(out, state);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prior p && entries.equals(p.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Prior[entries=" + entries + "]";
    }
}
