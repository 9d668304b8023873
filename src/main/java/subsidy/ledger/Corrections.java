package subsidy.ledger;

import subsidy.text.Msg;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import subsidy.Version;

/**
 * The ledger's changes that are not a calc run: payments made before the ledger was kept, imported so
 * that the first month does not pay them again; and voids, an entity's entry or a whole batch that no
 * longer counts (a clawback, 追回, or a payment the bank returned). Each is one transaction under the
 * ledger's lock, recorded as a change with its reason; nothing is deleted.
 */
public final class Corrections {
    private final Ledger ledger;

    public Corrections(Ledger ledger) {
        this.ledger = ledger;
    }

    /** One payment made before the ledger: months for a program that waives months, else null. */
    public record Paid(String entity, String program, String period, BigDecimal amount, BigDecimal months) {
    }

    /**
     * Records earlier payments as one batch of kind import; they count against every limit. The same
     * file imported twice is refused.
     *
     * @param source     the file's name, and contentKey its SHA-256
     * @return the import's batch number
     */
    public long importPayments(List<Paid> rows, String source, String contentKey, String reason) throws LedgerException {
        return locked(c -> {
            Map<Long, BatchInfo> batches = Ledger.batchMap(c);
            for (BatchInfo b : batches.values()) {
                if (b.imported() && b.counted() && contentKey.equals(b.contentKey())) {
                    throw new LedgerException(LedgerException.Kind.DUPLICATE,
                            Msg.of("ledger.imported_already", source, b.id(), b.createdAt()));
                }
            }
            long id = batches.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            long seq = Ledger.state(c) + 1;
            Map<String, List<Entry>> byEntity = new LinkedHashMap<>();
            TreeSet<String> periods = new TreeSet<>();
            BigDecimal total = BigDecimal.ZERO;
            try (PreparedStatement p = c.prepareStatement(Blocks.insertPayments(ledger.dialect()))) {
                long row = 0;
                StringBuilder block = new StringBuilder("[");
                for (Paid r : rows) {
                    row++;
                    LedgerRun.Item item = new LedgerRun.Item(r.program(), r.amount(), r.months(), true);
                    Blocks.payment(block, row, r.entity(), r.period(), item.encode());
                    if (row % Blocks.ROWS == 0) {
                        Blocks.writePayments(p, id, row - Blocks.ROWS + 1, block);
                    }
                    byEntity.computeIfAbsent(r.entity(), k -> new ArrayList<>())
                            .add(new Entry(r.program(), r.period(), id, r.amount(), r.months()));
                    periods.add(r.period());
                    total = total.add(r.amount());
                }
                if (block.length() > 1) {
                    Blocks.writePayments(p, id, row - (row - 1) % Blocks.ROWS, block);
                }
            }
            for (Map.Entry<String, List<Entry>> e : byEntity.entrySet()) {
                Prior before = state(c, e.getKey());
                writeState(c, e.getKey(), before.plus(e.getValue()));
            }
            String period = periods.isEmpty() ? "-" : periods.first().equals(periods.last()) ? periods.first()
                    : periods.first() + ".." + periods.last();
            LedgerRun.insert(c, new BatchInfo(id, seq, period, "import", contentKey, source + " " + contentKey + "\n",
                    null, null, null, Version.get(), ledger.now(), seq - 1, null, "none", "counted", null, null,
                    byEntity.size(), total.toPlainString(), reason), null);
            LedgerRun.change(c, seq, ledger.now(), "import", id, null, null, reason);
            return id;
        });
    }

    /**
     * Voids what {@code batch} paid {@code entity} (for {@code program} only, when not null), or with
     * {@code entity} null the whole batch: from then on it does not count against any limit. The
     * payments stay, as history, with the void beside them.
     *
     * @return the entities whose used-up amounts changed
     */
    public long voidEntries(long batch, String entity, String program, String reason) throws LedgerException {
        return locked(c -> {
            BatchInfo b = Ledger.batchMap(c).get(batch);
            if (b == null) {
                throw new LedgerException(LedgerException.Kind.NOT_FOUND, Msg.of("ledger.no_batch", batch));
            }
            if (entity == null && program != null) {
                throw new LedgerException(LedgerException.Kind.NOT_FOUND, Msg.of("ledger.void_program_needs_entity"));
            }
            if (!b.counted()) {
                throw new LedgerException(LedgerException.Kind.NOT_FOUND,
                        Msg.of("ledger.void_not_counted", batch, Msg.of("ledger.state." + b.state())));
            }
            if (entity != null && !paid(c, batch, entity, program)) {
                throw new LedgerException(LedgerException.Kind.NOT_FOUND, program == null
                        ? Msg.of("ledger.void_paid_nothing", batch, entity)
                        : Msg.of("ledger.void_paid_nothing_for", batch, entity, program));
            }
            if (entity != null) {
                for (Ledger.Change v : Ledger.changes(c)) {
                    if (v.voids(batch, entity, program)) {
                        throw new LedgerException(LedgerException.Kind.NOT_FOUND, v.program() == null
                                ? Msg.of("ledger.voided_already", batch, entity, v.at(), v.reason())
                                : Msg.of("ledger.voided_already_for", batch, entity, v.program(), v.at(), v.reason()));
                    }
                }
            }
            long touched = LedgerRun.takeOut(c, batch, entity, program);
            HiredPersons.takeOut(c, batch, entity, program, Ledger.state(c) + 1); // the void's change, below
            if (entity == null) {
                // The void's reason is the change's; the batch keeps its own.
                try (PreparedStatement p = c.prepareStatement("UPDATE batch SET state = 'voided' WHERE id = ?")) {
                    p.setLong(1, batch);
                    p.executeUpdate();
                }
            }
            LedgerRun.change(c, Ledger.state(c) + 1, ledger.now(), "void", batch, entity, program, reason);
            return touched;
        });
    }

    /** One change to the ledger: under its lock, in one transaction, rolled back whole on any failure. */
    private interface Change<T> {
        T run(Connection c) throws SQLException, LedgerException;
    }

    private <T> T locked(Change<T> change) throws LedgerException {
        try (Connection c = ledger.connect()) {
            try {
                ledger.lock(c);
                T out = change.run(c);
                c.commit();
                return out;
            } catch (SQLException | LedgerException | RuntimeException e) {
                Ledger.rollback(c); // what went wrong is e, not the rollback
                throw e;
            }
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
    }

    private static boolean paid(Connection c, long batch, String entity, String program) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT paid FROM payment WHERE batch = ? AND entity = ?")) {
            p.setLong(1, batch);
            p.setString(2, entity);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    for (LedgerRun.Item i : LedgerRun.Item.decodeAll(rs.getString(1))) {
                        if (program == null || i.program().equals(program)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static Prior state(Connection c, String entity) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT state FROM entity_state WHERE entity = ?")) {
            return LedgerRun.state(p, entity);
        }
    }

    private static void writeState(Connection c, String entity, Prior state) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO entity_state (entity, state) VALUES (?, ?) "
                + "ON CONFLICT (entity) DO UPDATE SET state = excluded.state")) {
            p.setString(1, entity);
            p.setString(2, state.encode());
            p.executeUpdate();
        }
    }
}
