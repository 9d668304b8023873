package subsidy.ledger;

import subsidy.text.Msg;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each entity of a chunk has used up, read from {@code entity_state} in bulk: one query for up
 * to {@value #PER_QUERY} entities. Each thread reads on a connection of its own, outside the run's
 * transaction: it sees the ledger as it stood when the run took the lock, which is what a batch is
 * computed against. A batch being replaced is left out of what it reads.
 *
 * <p>A run that looks up many entities against a ledger that is not much larger reads the whole table
 * once instead ({@link StateSnapshot}, {@link Bulk}): a key probed costs the database several times what
 * a row read in order does (SQLite about 3.5 µs against 1; PostgreSQL about 8 µs of the server's time
 * against 0.5), so a million look-ups against a million states cost seconds that one pass does not.
 * Both give the same states; the snapshot is dropped for the probes when it would not fit its share of
 * the heap.
 */
public final class StateReader implements AutoCloseable {
    static final int PER_QUERY = 500;

    /**
     * When a run reads the whole table rather than probing it.
     *
     * @param fromKeys  the fewest entities a run is expected to look up (or has looked up) before the table's
     *                  size is asked
     * @param perState  how many states of the table one expected look-up is worth reading: the snapshot is read
     *                  when expected look-ups × perState ≥ the table's states
     * @param heapShare the share of the heap's maximum ({@link Runtime#maxMemory}) the snapshot may take (outside
     *                  the heap, as direct memory)
     * @param addedShare the share of the heap's maximum that what the batch adds to the states may take beside the
     *                  snapshot, until the run writes them back ({@link StateSnapshot.Changes}); past it they go to
     *                  the database as without a snapshot
     */
    public record Bulk(long fromKeys, long perState, double heapShare, double addedShare) {
        /** SQLite: a probe costs about four rows read in order. */
        static final Bulk SQLITE = new Bulk(20_000, 4, 0.4, 0.25);
        /** PostgreSQL: a probe costs the server about sixteen rows read in order. */
        static final Bulk POSTGRESQL = new Bulk(20_000, 16, 0.4, 0.25);
        /** Never: every entity probed. */
        public static final Bulk NEVER = new Bulk(Long.MAX_VALUE, 0, 0, 0);
        /** Always, from the first look-up (within the heap's share). */
        public static final Bulk ALWAYS = new Bulk(0, Long.MAX_VALUE, 0.4, 0.25);

        static Bulk of(Ledger.Dialect dialect) {
            return dialect == Ledger.Dialect.SQLITE ? SQLITE : POSTGRESQL;
        }
    }

    private final Ledger ledger;
    private final Long without;
    private final Bulk bulk;
    private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Reader> mine = new ThreadLocal<>();
    /** Set by {@link #close}: no connection is opened after it (guarded by {@link #opened}). */
    private boolean closed;
    /** Entities looked up so far, and the run's own estimate of how many it will (0: none given). */
    private final java.util.concurrent.atomic.AtomicLong looked = new java.util.concurrent.atomic.AtomicLong();
    private volatile long expected;
    /** The table's states, counted once when first needed; -1 before. */
    private long states = -1;
    /** Decided: null until then; a snapshot, or {@link #PROBE}; {@link #LOADING} while the table is read. */
    private volatile Object decided;
    private static final Object PROBE = new Object();
    private static final Object LOADING = new Object();

    /** For tests: what reading the whole table waits for first (null: nothing). */
    private final java.util.concurrent.CountDownLatch held;

    StateReader(Ledger ledger, Long without, Bulk bulk, java.util.concurrent.CountDownLatch held) {
        this.ledger = ledger;
        this.without = without;
        this.bulk = bulk;
        this.held = held;
    }

    /**
     * The run expects to look up about {@code entities} entities (its inputs' size over a typical row's): a
     * large run then reads the table at its first look-up instead of after {@link Bulk#fromKeys} probes.
     */
    public void expect(long entities) {
        expected = entities;
        if (entities >= bulk.fromKeys() && decided == null) {
            // Read (if it is to be read) while the run starts reading its input: its first look-up waits for it.
            // A failure here is met again, and told, by that look-up.
            Thread early = new Thread(() -> {
                try {
                    decide(0);
                } catch (LedgerException | RuntimeException | OutOfMemoryError e) {
                    // the first look-up decides again (and a run closed meanwhile has closed the connection)
                }
            }, "subsidy-ledger-snapshot");
            early.setDaemon(true);
            early.start();
        }
    }

    private final class Reader {
        final Connection c;
        final PreparedStatement query;

        Reader() throws SQLException {
            c = ledger.connect();
            synchronized (opened) {
                if (closed) {
                    // the snapshot's thread, still starting when the run ended
                    c.close();
                    throw new SQLException("the run's reader is closed");
                }
                opened.add(c);
            }
            if (ledger.dialect() == Ledger.Dialect.SQLITE) {
                // The keys as one JSON array, the states found as another: one value bound and one read
                // per query rather than one per key (Blocks).
                query = c.prepareStatement("SELECT json_group_array(json_array(s.entity, s.state)) "
                        + "FROM json_each(?) AS j JOIN entity_state AS s ON s.entity = j.value");
            } else {
                query = c.prepareStatement("SELECT entity, state FROM entity_state WHERE entity = ANY(?)");
            }
        }
    }

    /** Each entity's prior payments; an entity the ledger never paid is not in the map. */
    public Map<String, Prior> lookup(List<String> entities) throws LedgerException {
        Object how = decided;
        if (how == null) {
            how = decide(looked.addAndGet(entities.size()));
        }
        if (how instanceof StateSnapshot snapshot) {
            Map<String, Prior> out = new HashMap<>();
            int[] found = snapshot.entries(entities);
            for (int k = 0; k < found.length; k++) {
                int i = found[k];
                if (i >= 0) {
                    String e = entities.get(k);
                    Prior p = decode(e, snapshot.state(i));
                    out.put(e, without == null ? p.fromSnapshot(i) : p);
                }
            }
            return out;
        }
        Map<String, Prior> out = new HashMap<>();
        try {
            Reader r = reader();
            for (int from = 0; from < entities.size(); from += PER_QUERY) {
                List<String> part = entities.subList(from, Math.min(entities.size(), from + PER_QUERY));
                if (ledger.dialect() == Ledger.Dialect.SQLITE) {
                    r.query.setString(1, json(part));
                } else {
                    Array array = r.c.createArrayOf("text", part.toArray());
                    r.query.setArray(1, array);
                }
                try (ResultSet rs = r.query.executeQuery()) {
                    while (rs.next()) {
                        if (ledger.dialect() == Ledger.Dialect.SQLITE) {
                            String found = rs.getString(1);
                            List<String[]> pairs;
                            try {
                                pairs = Blocks.pairs(found);
                            } catch (IllegalArgumentException garbled) {
                                throw ledger.unreadable(Msg.of("ledger.entity_state_of", part.get(0)), found);
                            }
                            for (String[] pair : pairs) {
                                out.put(pair[0], decode(pair[0], pair[1]));
                            }
                        } else {
                            String entity = rs.getString(1);
                            out.put(entity, decode(entity, rs.getString(2)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
        return out;
    }

    /**
     * Whether to read the table now, given {@code keys} looked up so far: null to probe for now, else
     * decided for the rest of the run. The table is read by one thread; while it reads, the others probe
     * ({@link #LOADING}): a look-up does not wait for the whole table, and the run's first rows are
     * computed on the processor the reading leaves free.
     */
    private Object decide(long keys) throws LedgerException {
        synchronized (this) {
            if (decided != null) {
                return decided;
            }
            // Expected: what the run said it would look up, or at least as many again as it has.
            long likely = Math.max(keys * 2, expected);
            if (likely < bulk.fromKeys()) {
                return null;
            }
            try {
                if (states < 0) {
                    states = count();
                }
            } catch (SQLException e) {
                throw ledger.damaged(e);
            }
            if ((double) likely * bulk.perState() < states) {
                return null;
            }
            decided = LOADING;
        }
        StateSnapshot s = null;
        boolean read = false;
        try {
            s = read((long) (Runtime.getRuntime().maxMemory() * bulk.heapShare()));
            read = true;
        } catch (SQLException e) {
            throw ledger.damaged(e);
        } finally {
            synchronized (this) {
                // Not read (a failure): undecided again, so that a later look-up tries again and tells it.
                decided = read ? (s == null ? PROBE : s) : null;
                notifyAll();
            }
        }
        return s == null ? PROBE : s;
    }

    /** Whether the whole table is being read now ({@link #awaitSnapshot} waits for it). */
    boolean loading() {
        return decided == LOADING;
    }

    /**
     * The whole table once read, waiting while it is being read; null when this reader probes (or has not
     * decided yet, or failed to read it).
     */
    synchronized StateSnapshot awaitSnapshot() throws InterruptedException {
        while (decided == LOADING) {
            wait();
        }
        return snapshot();
    }

    /** How many connections it holds open now. */
    int openConnections() {
        synchronized (opened) {
            return opened.size();
        }
    }

    /** When this reader reads the whole table. */
    Bulk bulk() {
        return bulk;
    }

    /** Whether this reader read the whole table (and looks up in memory since). */
    boolean readWhole() {
        return snapshot() != null;
    }

    /** The whole table as this reader read it, or null when it probes (or has not decided yet). */
    StateSnapshot snapshot() {
        return decided instanceof StateSnapshot s ? s : null;
    }

    private long count() throws SQLException {
        try (java.sql.Statement s = reader().c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM entity_state")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The whole table in one pass, or null when it takes more than {@code budget} bytes. */
    private StateSnapshot read(long budget) throws SQLException {
        if (held != null) {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
        }
        Connection c = reader().c;
        boolean postgresql = ledger.dialect() == Ledger.Dialect.POSTGRESQL;
        if (postgresql) {
            c.setAutoCommit(false); // rows fetched a block at a time only inside a transaction
        }
        StateSnapshot.Builder b = new StateSnapshot.Builder(budget);
        try (java.sql.Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            // In key order, so that the run can write the states back in that order (StateSnapshot.Changes).
            try (ResultSet rs = s.executeQuery("SELECT entity, state FROM entity_state ORDER BY entity")) {
                while (rs.next()) {
                    if (!b.add(rs.getBytes(1), rs.getBytes(2))) {
                        return null;
                    }
                }
            }
        } finally {
            if (postgresql) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return b.build();
    }

    private Reader reader() throws SQLException {
        Reader r = mine.get();
        if (r == null) {
            r = new Reader();
            mine.set(r);
        }
        return r;
    }

    /** What {@code entity} has used up, from its cell, the replaced batch left out. */
    private Prior decode(String entity, String cell) throws LedgerException {
        Prior p;
        try {
            p = Prior.decode(cell);
        } catch (IllegalArgumentException | IndexOutOfBoundsException garbled) {
            throw ledger.unreadable(Msg.of("ledger.entity_state_of", entity), cell);
        }
        return without == null ? p : p.without(without);
    }

    /** The keys as a JSON array of strings. */
    static String json(List<String> keys) {
        StringBuilder sb = new StringBuilder(keys.size() * 21 + 2).append('[');
        for (String k : keys) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            Blocks.quote(sb, k);
        }
        return sb.append(']').toString();
    }

    @Override
    public void close() {
        synchronized (opened) {
            closed = true;
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // read-only; nothing is lost
                }
            }
            opened.clear();
        }
    }
}
