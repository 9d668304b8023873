package subsidy.ledger;

import subsidy.text.Msg;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What entities had used up at a given ledger state, worked out afresh from the payments and the
 * changes: the reference that {@code entity_state} (what a run reads) is tested against, and what
 * {@code verify --ledger} recomputes a batch with. At state S a batch's payments count when the batch
 * was recorded at or before S and neither replaced nor voided at or before S; an entity's entry voided
 * at or before S does not count.
 */
public final class History {
    private final Ledger ledger;

    History(Ledger ledger) {
        this.ledger = ledger;
    }

    /** One payment row of the history. */
    public record Payment(long batch, long row, String entity, String period, List<LedgerRun.Item> items) {
    }

    /** Every entity's counted entries at {@code state} (one pass over the history, held in memory). */
    public Map<String, Prior> priorAt(long state) throws LedgerException {
        return priorAt(state, null);
    }

    /** Each of {@code entities}' counted entries at {@code state}; entities with none are left out (null: all). */
    public Map<String, Prior> priorAt(long state, Collection<String> entities) throws LedgerException {
        Set<String> wanted = entities == null ? null : new HashSet<>(entities);
        Map<String, List<Entry>> found = new HashMap<>();
        try (Connection c = ledger.connect()) {
            Map<Long, BatchInfo> batches = Ledger.batchMap(c);
            List<Ledger.Change> changes = Ledger.changes(c);
            Set<Long> out = new HashSet<>();
            List<Ledger.Change> voids = new ArrayList<>();
            for (Ledger.Change ch : changes) {
                if (ch.seq() > state) {
                    continue;
                }
                if ("replace".equals(ch.what()) || "void".equals(ch.what()) && ch.entity() == null) {
                    out.add(ch.batch());
                } else if ("void".equals(ch.what())) {
                    voids.add(ch);
                }
            }
            for (BatchInfo b : batches.values()) {
                if (b.seq() > state || out.contains(b.id())) {
                    continue;
                }
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT entity, period, paid FROM payment WHERE batch = ? ORDER BY row")) {
                    p.setLong(1, b.id());
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            String entity = rs.getString(1);
                            if (wanted != null && !wanted.contains(entity)) {
                                continue;
                            }
                            for (LedgerRun.Item i : items(rs.getString(3), b.id(), entity)) {
                                if (i.counted() && !voided(voids, b.id(), entity, i.program())) {
                                    found.computeIfAbsent(entity, k -> new ArrayList<>()).add(
                                            new Entry(i.program(), rs.getString(2), b.id(), i.amount(), i.months()));
                                }
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
        Map<String, Prior> result = new HashMap<>();
        found.forEach((k, v) -> result.put(k, new Prior(v)));
        return result;
    }

    /** A payment row's items, or the ledger named as damaged when the cell is not what subsidy wrote. */
    private List<LedgerRun.Item> items(String paid, long batch, String entity) throws LedgerException {
        try {
            return LedgerRun.Item.decodeAll(paid);
        } catch (IllegalArgumentException | IndexOutOfBoundsException garbled) {
            throw ledger.unreadable(Msg.of("ledger.payment_of", batch, entity), paid);
        }
    }

    private static boolean voided(List<Ledger.Change> voids, long batch, String entity, String program) {
        return voids.stream().anyMatch(v -> v.voids(batch, entity, program));
    }

    /** Every payment to {@code entity}, oldest first (a scan of the history: an audit's question, not a run's). */
    public List<Payment> of(String entity) throws LedgerException {
        return payments("SELECT batch, row, entity, period, paid FROM payment WHERE entity = ? ORDER BY batch, row",
                entity);
    }

    /** Every payment of one batch, in its rows' order. */
    public List<Payment> ofBatch(long batch) throws LedgerException {
        return payments("SELECT batch, row, entity, period, paid FROM payment WHERE batch = ? ORDER BY row", batch);
    }

    private List<Payment> payments(String sql, Object key) throws LedgerException {
        List<Payment> out = new ArrayList<>();
        try (Connection c = ledger.connect(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, key);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Payment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            items(rs.getString(5), rs.getLong(1), rs.getString(3))));
                }
            }
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
        return out;
    }
}
