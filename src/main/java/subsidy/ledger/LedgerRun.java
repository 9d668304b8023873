package subsidy.ledger;

import subsidy.text.Msg;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import subsidy.Version;

/**
 * One batch being recorded: the ledger's lock and one transaction, from the run's start to its
 * commit. Nothing is visible to anyone else until {@link #commit}; a run stopped before it (an error,
 * a signal, SIGKILL) leaves the ledger as it was, the database rolls the transaction back.
 *
 * <p>In order: {@link Ledger#begin} takes the lock, numbers the batch and, for {@code --replace},
 * takes the replaced batch's payments out of what entities have used up; the run computes against
 * {@link #reader()} and hands each computed entity to {@link #record}, which a thread of its own
 * writes in batches; {@link #finish} refuses inputs already recorded for the period and writes the
 * batch's row; {@link #commit} makes it all durable at once.
 */
public final class LedgerRun implements AutoCloseable {
    /**
     * What a run records.
     *
     * @param outDir            the output directory (its real path), or null for standard output
     * @param replaceId         the batch to replace (--replace=N), or null
     * @param replaceContentKey the content key of the batch to replace (--replace with regular files), or null
     * @param reason            why, for --replace (recorded with the replaced batch)
     * @param runId             the run's own name (its output set's directory), so that a stopped run's journal
     *                          names this batch and no other that takes its number; null for none
     * @param contentKey        the inputs' content key when known before the run (regular files): inputs
     *                          recorded already are refused before anything is computed; null when not known
     */
    public record Request(String period, String policyId, String policySha256, String asOf, String outDir,
            Long replaceId, String replaceContentKey, String reason, boolean dryRun, String runId, String contentKey) {
        public Request(String period, String policyId, String policySha256, String asOf, String outDir,
                Long replaceId, String replaceContentKey, String reason, boolean dryRun) {
            this(period, policyId, policySha256, asOf, outDir, replaceId, replaceContentKey, reason, dryRun, null, null);
        }
    }

    /** One program paid to one entity: {@code counted} when it counts against the program's limit. */
    public record Item(String program, BigDecimal amount, BigDecimal months, boolean counted) {
        String encode() {
            StringBuilder sb = new StringBuilder();
            encode(sb);
            return sb.toString();
        }

        private void encode(StringBuilder sb) {
            if (counted) {
                sb.append('*');
            }
            sb.append(program).append('=').append(amount.toPlainString());
            if (months != null) {
                sb.append('/').append(months.toPlainString());
            }
        }

        static Item decode(String s) {
            boolean counted = s.startsWith("*");
            String body = counted ? s.substring(1) : s;
            int eq = body.indexOf('=');
            String value = body.substring(eq + 1);
            int slash = value.indexOf('/');
            return new Item(body.substring(0, eq), new BigDecimal(slash < 0 ? value : value.substring(0, slash)),
                    slash < 0 ? null : new BigDecimal(value.substring(slash + 1)), counted);
        }

        static String encode(List<Item> items) {
            return encode(items, new StringBuilder(32 * items.size())).toString();
        }

        /** Appends the items as {@link #encode(List)} gives them to {@code sb}, emptied first; returns it. */
        static StringBuilder encode(List<Item> items, StringBuilder sb) {
            sb.setLength(0);
            for (int k = 0; k < items.size(); k++) {
                if (k > 0) {
                    sb.append(';');
                }
                items.get(k).encode(sb);
            }
            return sb;
        }

        static List<Item> decodeAll(String paid) {
            List<Item> out = new ArrayList<>();
            if (paid != null && !paid.isEmpty()) {
                for (String s : paid.split(";")) {
                    out.add(decode(s));
                }
            }
            return out;
        }
    }

    /** What the run read, known at its end. */
    public record Finish(String contentKey, String inputs, long entities, BigDecimal total) {
    }

    private final Ledger ledger;
    private final Request request;
    private final Connection w;
    private final long id;
    private final long against;
    private final Map<Long, BatchInfo> batches;
    private final BatchInfo replaced;
    private long nextSeq;
    private long rows;
    private boolean finished;
    private boolean done;
    private final StateReader reader;
    private final Writer writer;
    private List<Row> pending = new ArrayList<>(Blocks.ROWS);
    /** How many new states the writer has sent; read after it drained. */
    private volatile long statesWritten;

    private record Row(long row, String entity, Paid paid) {
    }

    private LedgerRun(Ledger ledger, Request request, Connection w, long id, long against,
            Map<Long, BatchInfo> batches, BatchInfo replaced) throws SQLException {
        this.ledger = ledger;
        this.request = request;
        this.w = w;
        this.id = id;
        this.against = against;
        this.batches = batches;
        this.replaced = replaced;
        this.nextSeq = against + 1;
        this.reader = ledger.stateReader(replaced == null ? null : replaced.id());
        // What entities use up now is appended here as the run goes, a block of [entity, state] pairs per
        // row (Blocks), and merged into entity_state at the end in key order: a million upserts in input
        // order would each land on a random page.
        try (Statement s = w.createStatement()) {
            s.execute(ledger.dialect() == Ledger.Dialect.SQLITE
                    ? "CREATE TEMP TABLE new_state (data TEXT NOT NULL)"
                    : "CREATE TEMP TABLE new_state (data TEXT NOT NULL) ON COMMIT DROP");
            if (ledger.dialect() == Ledger.Dialect.POSTGRESQL) {
                // Read once, by the merge: neither checked as JSON nor compressed on the way in.
                s.execute("ALTER TABLE new_state ALTER COLUMN data SET STORAGE EXTERNAL");
            }
        }
        this.writer = new Writer();
    }

    static LedgerRun begin(Ledger ledger, Request request) throws LedgerException {
        Connection w = null;
        try {
            w = ledger.connect();
            ledger.lock(w);
            Map<Long, BatchInfo> batches = Ledger.batchMap(w);
            long against = Ledger.state(w);
            long id = batches.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            BatchInfo replaced = toReplace(request, batches.values());
            if (request.contentKey() != null && !request.dryRun()) {
                for (BatchInfo b : batches.values()) {
                    if (sameInputs(b, request, request.contentKey()) && (replaced == null || b.id() != replaced.id())) {
                        throw duplicate(b);
                    }
                }
            }
            LedgerRun run = new LedgerRun(ledger, request, w, id, against, batches, replaced);
            if (replaced != null) {
                run.takeOut(replaced);
            }
            return run;
        } catch (SQLException e) {
            rollback(w);
            throw ledger.damaged(e);
        } catch (LedgerException | RuntimeException e) {
            rollback(w);
            throw e;
        }
    }

    /**
     * Whether {@code b} is a counted batch of the same inputs (content key: the period and the inputs'
     * SHA-256) under the same policy: the same list under another policy pays other programs, so it is a
     * batch of its own.
     */
    private static boolean sameInputs(BatchInfo b, Request request, String contentKey) {
        return b.counted() && "calc".equals(b.kind()) && contentKey.equals(b.contentKey())
                && request.policyId().equals(b.policyId());
    }

    private static LedgerException duplicate(BatchInfo b) {
        return new LedgerException(LedgerException.Kind.DUPLICATE,
                Msg.of("ledger.duplicate", b.period(), b.id(), b.createdAt()));
    }

    private static void rollback(Connection w) {
        if (w == null) {
            return;
        }
        try {
            if (!w.getAutoCommit()) {
                w.rollback();
            }
        } catch (SQLException ignored) {
            // closing rolls back too
        }
        try {
            w.close();
        } catch (SQLException ignored) {
            // the database rolls back an unfinished transaction itself
        }
    }

    /** The batch --replace names: by number, or the one with the same inputs in the period. */
    private static BatchInfo toReplace(Request r, java.util.Collection<BatchInfo> batches) throws LedgerException {
        if (r.replaceId() == null && r.replaceContentKey() == null) {
            return null;
        }
        for (BatchInfo b : batches) {
            boolean named = r.replaceId() != null ? b.id() == r.replaceId()
                    : r.replaceContentKey().equals(b.contentKey()) && b.counted() && r.policyId().equals(b.policyId());
            if (!named) {
                continue;
            }
            if (b.imported()) {
                throw new LedgerException(LedgerException.Kind.NOT_FOUND, Msg.of("ledger.replace_import", b.id()));
            }
            if (!b.counted()) {
                throw new LedgerException(LedgerException.Kind.NOT_FOUND, b.replacedBy() == null
                        ? Msg.of("ledger.replace_not_counted", b.id(), b.period(), Msg.of("ledger.state." + b.state()))
                        : Msg.of("ledger.replace_replaced", b.id(), b.period(), Msg.of("ledger.state." + b.state()),
                                b.replacedBy()));
            }
            if (!b.period().equals(r.period())) {
                throw new LedgerException(LedgerException.Kind.NOT_FOUND,
                        Msg.of("ledger.replace_other_period", b.id(), b.period(), r.period()));
            }
            return b;
        }
        throw new LedgerException(LedgerException.Kind.NOT_FOUND, r.replaceId() != null
                ? Msg.of("ledger.no_batch", r.replaceId())
                : Msg.of("ledger.nothing_to_replace", r.period()));
    }

    /**
     * The replaced batch no longer counts: its payments leave what its entities have used up, and it
     * is marked replaced by this one. Its rows stay, as history.
     */
    private void takeOut(BatchInfo old) throws SQLException {
        takeOut(w, old.id(), null, null);
        HiredPersons.takeOut(w, old.id(), null, null, nextSeq); // the change below is numbered nextSeq
        try (PreparedStatement p = w.prepareStatement(
                "UPDATE batch SET state = 'replaced', replaced_by = ? WHERE id = ?")) {
            p.setLong(1, id);
            p.setLong(2, old.id());
            p.executeUpdate();
        }
        change(w, nextSeq++, ledger.now(), "replace", old.id(), null, null,
                request.reason() == null ? "replaced by batch " + id : request.reason());
    }

    /**
     * Takes what {@code batch} paid (to {@code entity}, for {@code program}; null for all) out of
     * entity_state. Shared with voids.
     *
     * @return how many entities it touched
     */
    static long takeOut(Connection c, long batch, String entity, String program) throws SQLException {
        long touched = 0;
        List<String> entities = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT entity, paid FROM payment WHERE batch = ?"
                + (entity == null ? "" : " AND entity = ?"))) {
            p.setLong(1, batch);
            if (entity != null) {
                p.setString(2, entity);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2).contains("*")) {
                        entities.add(rs.getString(1));
                    }
                }
            }
        }
        try (PreparedStatement read = c.prepareStatement("SELECT state FROM entity_state WHERE entity = ?");
                PreparedStatement write = c.prepareStatement("UPDATE entity_state SET state = ? WHERE entity = ?");
                PreparedStatement delete = c.prepareStatement("DELETE FROM entity_state WHERE entity = ?")) {
            for (String e : entities) {
                Prior before = state(read, e);
                Prior after = before.without(batch, program);
                if (after.entries().size() == before.entries().size()) {
                    continue;
                }
                touched++;
                if (after.entries().isEmpty()) {
                    delete.setString(1, e);
                    delete.executeUpdate();
                } else {
                    write.setString(1, after.encode());
                    write.setString(2, e);
                    write.executeUpdate();
                }
            }
        }
        return touched;
    }

    /** Writes a batch's row. */
    static void insert(Connection c, BatchInfo b, String run) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO batch (id, seq, period, kind, content_key, inputs, "
                + "policy_id, policy_sha256, as_of, tool_version, created_at, computed_against, out_dir, files, state, "
                + "replaces, replaced_by, entities, total, reason, run) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {b.id(), b.seq(), b.period(), b.kind(), b.contentKey(), b.inputs(), b.policyId(),
                b.policySha256(), b.asOf(), b.toolVersion(), b.createdAt(), b.against(), b.outDir(), b.files(), b.state(),
                b.replaces(), b.replacedBy(), b.entities(), b.total(), b.reason(), run};
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    p.setNull(i + 1, i == 15 || i == 16 ? java.sql.Types.BIGINT : java.sql.Types.VARCHAR);
                } else {
                    p.setObject(i + 1, values[i]);
                }
            }
            p.executeUpdate();
        }
    }

    /**
     * What {@code entity} has used up, by {@code read} ({@code SELECT state FROM entity_state WHERE
     * entity = ?}); a cell subsidy did not write is the ledger's damage.
     */
    static Prior state(PreparedStatement read, String entity) throws SQLException {
        read.setString(1, entity);
        try (ResultSet rs = read.executeQuery()) {
            return rs.next() ? Prior.decode(rs.getString(1)) : Prior.NONE;
        } catch (IllegalArgumentException | IndexOutOfBoundsException garbled) {
            throw new SQLException("entity_state of " + entity + " cannot be read: " + garbled.getMessage(), garbled);
        }
    }

    static void change(Connection c, long seq, String at, String what, long batch, String entity, String program,
            String reason) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ledger_change (seq, at, what, batch, entity, "
                + "program, reason, tool_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, seq);
            p.setString(2, at);
            p.setString(3, what);
            p.setLong(4, batch);
            p.setString(5, entity);
            p.setString(6, program);
            p.setString(7, reason);
            p.setString(8, Version.get());
            p.executeUpdate();
        }
    }

    /** This batch's number. */
    public long id() {
        return id;
    }

    /** The ledger state this batch is computed against. */
    public long against() {
        return against;
    }

    /** The batch --replace replaces, or null. */
    public BatchInfo replaced() {
        return replaced;
    }

    /** The batches recorded before this one, by number. */
    public Map<Long, BatchInfo> batches() {
        return batches;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Request request() {
        return request;
    }

    /** Reads what entities have used up before this batch; any thread. */
    public StateReader reader() {
        return reader;
    }

    /**
     * What one computed entity was paid, and what it has used up now: worked out on the writer's thread,
     * so that the thread that keeps input order only hands it over.
     */
    public interface Paid {
        /** The nonzero amounts; empty when nothing was paid. */
        List<Item> items();

        /** The entity's prior entries and this batch's counted ones, or null when nothing counted changed. */
        Prior newState();

        /**
         * This batch's counted entries as entity_state holds them, which the state read ({@link #newState}'s
         * prior) is followed by; null when nothing counted changed.
         */
        String added();

        /** The entity's state as the run read it; null when it read none. */
        Prior read();
    }

    /** Records what this batch paid one entity, in input order. */
    public void record(String entity, Paid paid) throws LedgerException {
        rows++;
        pending.add(new Row(rows, entity, paid));
        if (pending.size() == Blocks.ROWS) {
            writer.put(pending);
            pending = new ArrayList<>(Blocks.ROWS);
        }
    }

    /**
     * The run's end: refuses inputs already recorded for this period (unless this run replaces that
     * batch), and writes the batch's row.
     */
    public void finish(Finish f) throws LedgerException {
        writer.put(pending);
        pending = new ArrayList<>();
        writer.put(writer.settle);
        writer.drain();
        try {
            if (writer.changes != null) {
                writeStates(writer.changes);
            } else {
                mergeStates();
            }
            for (BatchInfo b : Ledger.batchMap(w).values()) {
                // A dry run records nothing, so it may look at inputs recorded already.
                if (!request.dryRun() && sameInputs(b, request, f.contentKey())) {
                    throw duplicate(b);
                }
            }
            long seq = nextSeq++;
            insert(w, new BatchInfo(id, seq, request.period(), "calc", f.contentKey(), f.inputs(), request.policyId(),
                    request.policySha256(), request.asOf(), Version.get(), ledger.now(), against, request.outDir(),
                    request.outDir() == null ? "none" : "pending", "counted", replaced == null ? null : replaced.id(),
                    null, f.entities(), f.total().toPlainString(), request.reason()), request.runId());
            change(w, seq, ledger.now(), "batch", id, null, null, null);
            finished = true;
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
    }

    /**
     * What the run's entities have used up now (the temporary new_state, blocks of [entity, state]) goes
     * into entity_state, in the key's order. On PostgreSQL a batch that changes a quarter of the states or
     * more (a new year: every firm's once-a-year programs) writes the table afresh instead — the states
     * not changed and the new ones, merged aside, the table emptied and filled in key order — since
     * updating most rows of a table one by one writes each row twice over (a new version, often a new
     * index entry, and the log of both). It is all in the run's transaction: a kill leaves the old rows.
     * Emptying takes the table from concurrent readers for the rest of the run (TRUNCATE): a transaction
     * of another program that began before and reads it only afterwards sees it empty.
     */
    private void mergeStates() throws SQLException {
        try (Statement s = w.createStatement()) {
            if (ledger.dialect() == Ledger.Dialect.SQLITE) {
                // The sort may take a second thread: nothing else runs beside it now.
                s.execute("PRAGMA threads = 2");
                s.executeUpdate("INSERT INTO entity_state (entity, state) SELECT j.value ->> 0, j.value ->> 1 "
                        + "FROM new_state AS n, json_each(n.data) AS j WHERE true ORDER BY 1 "
                        + "ON CONFLICT (entity) DO UPDATE SET state = excluded.state");
                s.execute("DROP TABLE temp.new_state");
                return;
            }
            String changed = "SELECT (j.value ->> 0) COLLATE \"C\" AS entity, j.value ->> 1 AS state "
                    + "FROM new_state AS n, json_array_elements(n.data::json) AS j";
            double before;
            try (ResultSet rs = s.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'entity_state'::regclass")) {
                before = rs.next() ? rs.getDouble(1) : 0;
            }
            if (before < 0 && statesWritten >= REBUILD_FROM) {
                // Never counted since it was made (reltuples -1): counted now, not guessed.
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM entity_state")) {
                    before = rs.next() ? rs.getDouble(1) : 0;
                }
            }
            if (statesWritten < REBUILD_FROM || statesWritten * 4 < before) {
                upsert(s, changed);
                return;
            }
            boolean rebuilt = emptyAndRefill(s, () -> s.execute("CREATE TEMP TABLE merged ON COMMIT DROP AS "
                    + "SELECT coalesce(c.entity, o.entity) AS entity, coalesce(c.state, o.state) AS state "
                    + "FROM entity_state AS o FULL JOIN (" + changed + ") AS c ON c.entity = o.entity"), () -> {
                        s.executeUpdate("INSERT INTO entity_state (entity, state) SELECT entity, state FROM merged ORDER BY 1");
                        s.execute("DROP TABLE merged");
                    });
            if (!rebuilt) {
                upsert(s, changed);
            }
        }
    }

    /** One step of SQL on the run's transaction. */
    private interface Step {
        void run() throws SQLException;
    }

    /**
     * PostgreSQL's entity_state emptied and filled again by {@code refill}, {@code before} run first (null:
     * nothing), all in a savepoint. The table is kept (its owner, its grants, what depends on it); when the
     * run's role owns it, its primary key is dropped while it is filled and made again after, from the rows
     * in key order (a million states: 0.47 + 0.25 s against 1.1 s copied into the index as they come).
     * Emptying it waits for readers that hold it; not long: a run whose role may not empty it, or that would
     * wait, gets false, everything since the savepoint undone, and updates its rows instead.
     */
    private static boolean emptyAndRefill(Statement s, Step before, Step refill) throws SQLException {
        s.execute("SAVEPOINT rebuild");
        try {
            s.execute("SET LOCAL lock_timeout = '2s'");
            if (before != null) {
                before.run();
            }
            s.execute("TRUNCATE entity_state");
            s.execute("SET LOCAL lock_timeout TO DEFAULT");
            // The key is made again only where nothing of it would be lost or refused: a role that owns the
            // table (one granted TRUNCATE alone may not drop it), an index with no settings of an administrator's
            // (storage options, a tablespace). Else the rows are copied into it as before.
            String key = null;
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(c.conname) FROM pg_constraint AS c "
                    + "JOIN pg_class AS t ON t.oid = c.conrelid JOIN pg_class AS i ON i.oid = c.conindid "
                    + "WHERE c.conrelid = 'entity_state'::regclass AND c.contype = 'p' "
                    + "AND pg_has_role(t.relowner, 'USAGE') AND i.reloptions IS NULL AND i.reltablespace = 0")) {
                key = rs.next() ? rs.getString(1) : null;
            }
            if (key != null) {
                s.execute("ALTER TABLE entity_state DROP CONSTRAINT " + key);
            }
            refill.run();
            if (key != null) {
                s.execute("ALTER TABLE entity_state ADD CONSTRAINT " + key + " PRIMARY KEY (entity)");
            }
            s.execute("RELEASE SAVEPOINT rebuild");
        } catch (SQLException refused) {
            s.execute("ROLLBACK TO SAVEPOINT rebuild");
            s.execute("RELEASE SAVEPOINT rebuild");
            return false;
        }
        s.execute("ANALYZE entity_state"); // a sample: its size for the next batch, the planner's figures
        return true;
    }

    /**
     * What the run's entities have used up now, kept in memory beside the snapshot it read
     * ({@link StateSnapshot.Changes}), goes into entity_state in key order: nothing to sort or join. A batch
     * that changes a quarter of the states or more empties the table and writes every state into it (SQLite:
     * DELETE, then blocks appended; PostgreSQL: TRUNCATE, then COPY, with {@link #mergeStates}' savepoint and
     * fallback to an upsert); a smaller one upserts the changed states (PostgreSQL: copied into a temporary
     * table first). The snapshot was read after the lock was taken and this batch replaces none, so it is
     * the table as this transaction found it.
     */
    private void writeStates(StateSnapshot.Changes changes) throws SQLException {
        if (ledger.dialect() == Ledger.Dialect.SQLITE) {
            // Most states changed: the table emptied (SQLite drops its pages at once) and every state appended
            // in key order, which costs SQLite less than updating most of them in place.
            boolean most = changes.count() * 4 >= changes.snapshotSize();
            if (most) {
                try (Statement s = w.createStatement()) {
                    s.executeUpdate("DELETE FROM entity_state");
                }
            }
            try (PreparedStatement p = w.prepareStatement("INSERT INTO entity_state (entity, state) "
                    + "SELECT j.key, j.value FROM json_each(?) AS j"
                    + (most ? "" : " WHERE true ON CONFLICT (entity) DO UPDATE SET state = excluded.state"))) {
                // Blocks {"id":"state",…}, made while the last ones are written.
                Blocks.PairSender send = Blocks.PairSender.objectsAhead(p);
                try {
                    if (most) {
                        changes.all(send);
                    } else {
                        changes.changed(send);
                    }
                    send.finish();
                } finally {
                    send.abandon(); // a failure above leaves no thread waiting for blocks
                }
            }
            return;
        }
        try (Statement s = w.createStatement()) {
            long before = changes.snapshotSize();
            if (changes.count() >= REBUILD_FROM && changes.count() * 4 >= before
                    && emptyAndRefill(s, null, () -> Copy.in(w, "COPY entity_state (entity, state) FROM STDIN", changes::all))) {
                return;
            }
            s.execute("CREATE TEMP TABLE changed_state (entity TEXT COLLATE \"C\" NOT NULL, state TEXT NOT NULL) "
                    + "ON COMMIT DROP");
            Copy.in(w, "COPY changed_state (entity, state) FROM STDIN", changes::changed);
            upsert(s, "SELECT entity, state FROM changed_state");
            s.execute("DROP TABLE changed_state");
        }
    }

    private static void upsert(Statement s, String changed) throws SQLException {
        s.executeUpdate("INSERT INTO entity_state (entity, state) " + changed + " ORDER BY 1 "
                + "ON CONFLICT (entity) DO UPDATE SET state = excluded.state");
    }

    /** The fewest states a batch writes for PostgreSQL's entity_state to be written afresh ({@link #mergeStates}). */
    private static final long REBUILD_FROM = 10_000;

    /**
     * Makes the batch durable, all of it at once; a dry run rolls it back instead. Called by the
     * output's commit after its journal is written and before its first rename.
     */
    public void commit() throws LedgerException {
        if (!finished) {
            throw new IllegalStateException("finish() first");
        }
        try {
            if (request.dryRun()) {
                w.rollback();
            } else {
                w.commit();
            }
            done = true;
            close(); // the lock goes with the transaction (SQLite's driver would begin the next one at once)
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
    }

    /**
     * The persons hire lists paid before this batch (a replaced batch's taken out), of {@code programs}: read
     * at once, on the run's transaction, before any entity is recorded.
     */
    public HiredPersons.Paid hiredPersons(java.util.Collection<String> programs) throws LedgerException {
        try {
            return HiredPersons.read(w, programs);
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
    }

    /** Records the persons this batch paid, on its transaction: after {@link #finish}, before {@link #commit}. */
    public void recordHires(Iterable<HiredPersons.Row> rows) throws LedgerException {
        if (!finished) {
            throw new IllegalStateException("finish() first");
        }
        try {
            HiredPersons.insert(w, id, request.period(), rows);
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
    }

    /** Whether the batch is recorded (committed, and not a dry run). */
    public boolean recorded() {
        return done && !request.dryRun();
    }

    /** How many rows' changes of state the writer kept while the whole table was being read (tests ask). */
    long keptEarly() {
        return writer.keptEarly;
    }

    @Override
    public void close() {
        writer.stop();
        reader.close();
        rollback(w);
    }


    /**
     * Writes the rows {@link #record} collects, on a thread of its own, so that the database's work
     * runs beside the computing; a failure is reported by the next call.
     */
    private final class Writer implements Runnable {
        private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(4);
        private final Thread thread = new Thread(this, "subsidy-ledger-writer");
        private volatile Throwable failed;
        private final List<Row> end = new ArrayList<>();
        /** Handed over last before {@link #drain} at the run's end: the rows kept early are decided by then. */
        final List<Row> settle = new ArrayList<>();
        private final Object idle = new Object();
        private int outstanding;
        /**
         * What the batch adds to each state, kept beside the snapshot the run read, when it read one (and
         * replaces no batch): read by {@link #finish} after the writer drained. Null: the new states go to
         * the temporary new_state as they come.
         */
        volatile StateSnapshot.Changes changes;
        private boolean decided;
        /**
         * While the whole table is still being read ({@link StateReader#loading}), the rows whose state
         * changes, as entity and what the batch adds: kept, within {@link #earlyBudget} bytes, until it is
         * known whether the run keeps the changes beside the table read ({@link #decide}).
         */
        private final List<String[]> early = new ArrayList<>();
        /** How many rows were kept early, in all (tests ask). */
        volatile long keptEarly;
        private long earlyBytes;
        private final long earlyBudget = (long) (Runtime.getRuntime().maxMemory() * 0.05);

        Writer() {
            thread.setDaemon(true);
            thread.start();
        }

        void put(List<Row> rows) throws LedgerException {
            check();
            if (rows.isEmpty() && rows != settle) {
                return;
            }
            synchronized (idle) {
                outstanding++;
            }
            try {
                queue.put(rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException(LedgerException.Kind.DAMAGED, Msg.of("ledger.interrupted"));
            }
        }

        void drain() throws LedgerException {
            synchronized (idle) {
                while (outstanding > 0 && failed == null) {
                    try {
                        idle.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new LedgerException(LedgerException.Kind.DAMAGED, Msg.of("ledger.interrupted"));
                    }
                }
            }
            check();
        }

        private void check() throws LedgerException {
            if (failed instanceof SQLException e) {
                throw ledger.damaged(e);
            }
            if (failed instanceof Error e) {
                throw e; // as it would have been on the calling thread (out of memory: told as such by the command)
            }
            if (failed != null) {
                throw new LedgerException(LedgerException.Kind.DAMAGED, Msg.of("ledger.not_recorded", failed));
            }
        }

        void stop() {
            thread.interrupt();
        }

        /**
         * Keeps row {@code r}'s change of state for later when the whole table is still being read (its
         * payments are written already): true when kept, false when it is to be decided now.
         */
        private boolean keepEarly(Row r) {
            if (replaced != null || !reader.loading()) {
                return false;
            }
            String added = r.paid().added();
            if (added == null) {
                return true;
            }
            long bytes = 2L * (r.entity().length() + added.length()) + 64;
            if (earlyBytes + bytes > earlyBudget) {
                return false;
            }
            earlyBytes += bytes;
            early.add(new String[] {r.entity(), added});
            keptEarly++;
            return true;
        }

        /**
         * When the changes kept beside the snapshot would take more than they may (or the rows kept early do):
         * what was kept goes the way of the states without a snapshot, and so does all that follows.
         */
        private void giveUpChanges(Blocks.PairSender states) throws SQLException {
            if (changes != null) {
                StateSnapshot.Changes kept = changes;
                changes = null;
                kept.each(states);
            }
        }

        /**
         * Decides, at the first row whose change of state is not kept early (waiting while the table is being
         * read), whether the batch's changes are kept beside the table the run read ({@link #changes}) or go to
         * new_state as they come; then does the same with the rows kept early.
         */
        private void decide(Blocks.PairSender states) throws InterruptedException, SQLException, LedgerException {
            decided = true;
            StateSnapshot read = replaced == null ? reader.awaitSnapshot() : null;
            if (read != null && read.ordered() && reader.bulk().addedShare() > 0) {
                changes = read.new Changes((long) (Runtime.getRuntime().maxMemory() * reader.bulk().addedShare()));
            }
            List<String[]> rest = new ArrayList<>();
            for (String[] e : early) {
                if (changes != null && changes.add(e[0], null, e[1])) {
                    continue;
                }
                giveUpChanges(states);
                rest.add(e);
            }
            early.clear();
            // Not kept beside the table: each state as read (again: the ledger has not changed since) and what
            // the batch adds.
            for (int from = 0; from < rest.size(); from += StateReader.PER_QUERY) {
                List<String[]> part = rest.subList(from, Math.min(rest.size(), from + StateReader.PER_QUERY));
                List<String> ids = new ArrayList<>(part.size());
                for (String[] e : part) {
                    ids.add(e[0]);
                }
                Map<String, Prior> before = reader.lookup(ids);
                for (String[] e : part) {
                    states.add(e[0], Prior.joined(before.getOrDefault(e[0], Prior.NONE).encode(), e[1]));
                }
            }
        }

        @Override
        public void run() {
            try (PreparedStatement pay = w.prepareStatement(Blocks.insertPayments(ledger.dialect()));
                    PreparedStatement state = w.prepareStatement("INSERT INTO new_state (data) VALUES (?)")) {
                StringBuilder payments = new StringBuilder("[");
                StringBuilder paidText = new StringBuilder(256); // one row's, used again for the next
                Blocks.PairSender states = new Blocks.PairSender(state);
                while (true) {
                    List<Row> rows = queue.take();
                    if (rows == end) {
                        return;
                    }
                    if (rows == settle && !decided) {
                        decide(states);
                    }
                    for (Row r : rows) {
                        List<Item> items = r.paid().items();
                        if (!items.isEmpty()) {
                            Blocks.payment(payments, r.row(), r.entity(), request.period(),
                                    Item.encode(items, paidText).toString());
                        }
                        if (!decided && keepEarly(r)) {
                            continue;
                        }
                        if (!decided) {
                            decide(states);
                        }
                        if (changes != null) {
                            String added = r.paid().added();
                            if (added == null || changes.add(r.entity(), r.paid().read(), added)) {
                                continue;
                            }
                            giveUpChanges(states);
                        }
                        Prior now = r.paid().newState();
                        if (now != null) {
                            states.add(r.entity(), now.encode());
                        }
                    }
                    // A block is keyed by its first row: the lists handed over are disjoint runs of rows.
                    if (payments.length() > 1 && !rows.isEmpty()) {
                        Blocks.writePayments(pay, id, rows.get(0).row(), payments);
                    }
                    statesWritten = states.finish(); // this list's states sent with it, as its payments are
                    synchronized (idle) {
                        outstanding--;
                        idle.notifyAll();
                    }
                }
            } catch (InterruptedException stopped) {
                // the run is over
            } catch (Exception | Error e) {
                // An error too (out of memory): told by the next put or drain, never left waiting for.
                failed = e;
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }
}
