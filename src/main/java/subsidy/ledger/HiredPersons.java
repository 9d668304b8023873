package subsidy.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The persons a hire list's programs paid ({@code hired_person}, schema version 2): read all at once at a
 * run's start, written in the run's transaction, taken out by {@code --replace} and {@code void} as the
 * entries of {@code entity_state} are.
 */
public final class HiredPersons {
    private static final int ROWS_PER_WRITE = 2000;

    private HiredPersons() {
    }

    /**
     * The persons paid before, that still count, for any of {@code programs}: sorted by identity number,
     * then by batch (the first payment first).
     */
    public record Paid(String[] person, String[] program, String[] entity, String[] period, long[] batch) {
        public int size() {
            return person.length;
        }
    }

    /** One person paid by this batch. */
    public record Row(String person, String program, String entity, String amount, String hireDate) {
    }

    /** Every row that counts, of the programs named; in one query. */
    public static Paid read(Connection c, Collection<String> programs) throws SQLException {
        Set<String> wanted = Set.copyOf(programs);
        List<String[]> rows = new ArrayList<>();
        List<Long> batches = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT person, program, entity, period, batch FROM hired_person WHERE voided IS NULL")) {
            p.setFetchSize(10_000);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String program = rs.getString(2);
                    if (!wanted.contains(program)) {
                        continue;
                    }
                    rows.add(new String[] {rs.getString(1), program, rs.getString(3), rs.getString(4).intern()});
                    batches.add(rs.getLong(5));
                }
            }
        }
        Integer[] order = new Integer[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int k = rows.get(a)[0].compareTo(rows.get(b)[0]);
            return k != 0 ? k : Long.compare(batches.get(a), batches.get(b));
        });
        int n = order.length;
        Paid out = new Paid(new String[n], new String[n], new String[n], new String[n], new long[n]);
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(order[i]);
            out.person()[i] = r[0];
            out.program()[i] = r[1];
            out.entity()[i] = r[2];
            out.period()[i] = r[3];
            out.batch()[i] = batches.get(order[i]);
        }
        return out;
    }

    /** As {@link #read(Connection, Collection)}, on a connection of its own (explain --hires --ledger). */
    public static Paid read(Ledger ledger, Collection<String> programs) throws LedgerException {
        try (Connection c = ledger.connect()) {
            try {
                return read(c, programs);
            } finally {
                if (!c.getAutoCommit()) { // a reading connection may be in auto-commit (SQLite's is)
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
    }

    /** Writes a batch's persons, in batches of rows. */
    public static void insert(Connection c, long batch, String period, Iterable<Row> rows) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO hired_person (batch, person, program, entity, "
                + "period, amount, hire_date) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Row r : rows) {
                p.setLong(1, batch);
                p.setString(2, r.person());
                p.setString(3, r.program());
                p.setString(4, r.entity());
                p.setString(5, period);
                p.setString(6, r.amount());
                p.setString(7, r.hireDate());
                p.addBatch();
                if (++pending == ROWS_PER_WRITE) {
                    p.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                p.executeBatch();
            }
        }
    }

    /**
     * Takes what {@code batch} paid (to {@code entity}, for {@code program}; null for all) out: those
     * persons no longer count as paid, from change {@code seq} on.
     *
     * @return the rows taken out
     */
    public static int takeOut(Connection c, long batch, String entity, String program, long seq) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE hired_person SET voided = ? WHERE batch = ? "
                + "AND voided IS NULL" + (entity == null ? "" : " AND entity = ?")
                + (program == null ? "" : " AND program = ?"))) {
            int i = 1;
            p.setLong(i++, seq);
            p.setLong(i++, batch);
            if (entity != null) {
                p.setString(i++, entity);
            }
            if (program != null) {
                p.setString(i, program);
            }
            return p.executeUpdate();
        }
    }
}
