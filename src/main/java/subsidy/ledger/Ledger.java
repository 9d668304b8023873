package subsidy.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import subsidy.Version;
import subsidy.text.Msg;

/**
 * The record of what was paid, across monthly batches: an SQLite file (the default, one file a clerk
 * can copy when no run is going) or a PostgreSQL database shared by a department
 * ({@code jdbc:postgresql://host/db?user=…}), in the schema {@code subsidy}.
 *
 * <p>Opening one checks that it is a subsidy ledger (or empty, and makes it one), that no newer
 * subsidy wrote it, and upgrades an older one with Flyway; any other database is refused untouched.
 * Every change takes the ledger's lock first (SQLite: its write lock; PostgreSQL: an advisory lock),
 * waiting at most {@code wait}: two runs never record at once.
 *
 * <p>Tables (src/main/resources/subsidy/ledger/): {@code batch}, one row per committed run or
 * import; {@code payment}, what each batch paid each entity (appended, never changed);
 * {@code ledger_change}, every change in order, whose highest number is the ledger's state;
 * {@code entity_state}, per entity what its limited programs have used up, derived from the two
 * before and kept in the same transaction (the cache a run reads in bulk; {@link History} is the
 * reference it is checked against).
 */
public final class Ledger implements AutoCloseable {
    /** The schema version this subsidy writes; a ledger at a higher one is refused. */
    static final int SCHEMA = 3;
    static final String APPLICATION = "subsidy ledger";
    /** Held, so the setting stays (java.util.logging keeps loggers weakly): the driver's warnings are ours to say. */
    private static final java.util.logging.Logger DRIVER = java.util.logging.Logger.getLogger("org.postgresql");
    private static final String HISTORY_TABLE = "subsidy_schema_history";
    static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_INSTANT;

    enum Dialect {
        SQLITE, POSTGRESQL;

        String folder() {
            return this == SQLITE ? "sqlite" : "postgresql";
        }
    }

    private final Dialect dialect;
    private final String url;
    private final String shown;
    private final Duration wait;
    private final Clock clock;
    private final String ledgerId;
    private final boolean created;
    /** When a run reads all of entity_state rather than probing it; null: as measured for the dialect. */
    private volatile StateReader.Bulk bulk;

    private Ledger(Dialect dialect, String url, String shown, Duration wait, Clock clock, String ledgerId,
            boolean created) {
        this.dialect = dialect;
        this.url = url;
        this.shown = shown;
        this.wait = wait;
        this.clock = clock;
        this.ledgerId = ledgerId;
        this.created = created;
    }

    /**
     * Opens the ledger at {@code where}: a file path (SQLite, made when missing) or a
     * {@code jdbc:postgresql:} URL.
     *
     * @param wait how long to wait for another run's lock before giving up
     */
    public static Ledger open(String where, Duration wait, Clock clock) throws LedgerException {
        return open(where, wait, clock, true);
    }

    /**
     * As {@link #open(String, Duration, Clock)}, but only a ledger that is there: reading a ledger (list,
     * history, export, verify, explain) never makes one, so a mistyped path is an error, not an empty ledger.
     */
    public static Ledger openExisting(String where, Duration wait, Clock clock) throws LedgerException {
        return open(where, wait, clock, false);
    }

    private static Ledger open(String where, Duration wait, Clock clock, boolean create) throws LedgerException {
        Dialect dialect;
        String url;
        String shown;
        if (where.isBlank()) {
            throw new LedgerException(LedgerException.Kind.NOT_FOUND, Msg.of("ledger.empty_option"));
        }
        if (where.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
            url = where;
            shown = withoutPassword(where);
        } else if (where.startsWith("jdbc:")) {
            throw new LedgerException(LedgerException.Kind.NOT_FOUND,
                    Msg.of("ledger.not_a_ledger_url", withoutPassword(where)));
        } else {
            dialect = Dialect.SQLITE;
            Path file = Path.of(where).toAbsolutePath().normalize();
            checkFile(file);
            if (!create && (!Files.exists(file) || size(file) == 0)) {
                throw new LedgerException(LedgerException.Kind.NOT_FOUND, Msg.of("ledger.none_there", file,
                        Msg.of(Files.exists(file) ? "ledger.an_empty_file" : "ledger.no_such_file")));
            }
            url = "jdbc:sqlite:" + file;
            shown = file.toString();
        }
        int version;
        try (Connection c = plain(dialect, url, wait)) {
            // Looked at with no setting of ours: a file that is not a ledger is left as it was, byte for byte.
            version = identify(dialect, c, shown);
        } catch (SQLException e) {
            throw damaged(shown, e, url);
        }
        boolean created = version == NEW;
        if (created && !create) {
            throw new LedgerException(LedgerException.Kind.NOT_FOUND, Msg.of("ledger.holds_none", shown));
        }
        if (version != SCHEMA) {
            // Flyway only when there is something to do: loading it costs a run more than it reads.
            migrate(dialect, url, shown);
        }
        String id;
        try (Connection c = connect(dialect, url, wait)) {
            id = setting(c, "ledger_id");
        } catch (SQLException e) {
            throw damaged(shown, e, url);
        }
        return new Ledger(dialect, url, shown, wait, clock, id, created);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A file that is there must be an SQLite database; one that is not needs its folder. */
    private static void checkFile(Path file) throws LedgerException {
        if (Files.isDirectory(file)) {
            throw new LedgerException(LedgerException.Kind.NOT_FOUND,
                    Msg.of("ledger.is_a_directory", file, file.resolve("ledger.sqlite")));
        }
        if (!Files.exists(file)) {
            if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
                throw new LedgerException(LedgerException.Kind.NOT_FOUND, Msg.of("ledger.no_folder", file));
            }
            return;
        }
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 16);
        } catch (IOException e) {
            throw new LedgerException(LedgerException.Kind.DAMAGED,
                    Msg.of("ledger.unreadable_file", file, subsidy.input.IoProblem.describe(e)));
        }
        if (n > 0 && (n < 16 || !new String(head, 0, 15, StandardCharsets.ISO_8859_1).equals("SQLite format 3"))) {
            throw new LedgerException(LedgerException.Kind.NOT_OURS, Msg.of("ledger.not_sqlite", file));
        }
    }

    /** What {@link #identify} says of a new, empty database. */
    private static final int NEW = -1;

    /**
     * The schema version of the ledger there, or {@link #NEW} for a new, empty database; refuses one that
     * holds anything but a subsidy ledger, or a ledger of a newer schema.
     */
    private static int identify(Dialect dialect, Connection c, String shown) throws SQLException, LedgerException {
        Set<String> tables = new TreeSet<>();
        String sql = dialect == Dialect.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'subsidy'";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.isEmpty() || tables.equals(Set.of(HISTORY_TABLE)) && applied(dialect, c) == 0) {
            // New; or a first run was stopped after Flyway made its history table and before the first
            // version's tables, which are made in one transaction: made afresh.
            return NEW;
        }
        String where = dialect == Dialect.SQLITE ? shown : shown + " (schema subsidy)";
        if (!tables.contains("subsidy_ledger")) {
            throw new LedgerException(LedgerException.Kind.NOT_OURS,
                    Msg.of("ledger.other_tables", where, String.join(", ", first(tables, 5))));
        }
        String app = setting(c, "application");
        if (!APPLICATION.equals(app)) {
            throw new LedgerException(LedgerException.Kind.NOT_OURS, Msg.of("ledger.not_ours", where));
        }
        int version = tables.contains(HISTORY_TABLE) ? applied(dialect, c) : 0;
        if (version > SCHEMA) {
            throw new LedgerException(LedgerException.Kind.NEWER,
                    Msg.of("ledger.newer", where, version, Version.get(), SCHEMA));
        }
        return version;
    }

    /** The highest schema version applied successfully (0 when none). */
    private static int applied(Dialect dialect, Connection c) throws SQLException {
        int version = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM "
                + (dialect == Dialect.POSTGRESQL ? "subsidy." : "") + HISTORY_TABLE + " WHERE success = "
                + (dialect == Dialect.SQLITE ? "1" : "true"))) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null && v.matches("\\d+")) {
                    version = Math.max(version, Integer.parseInt(v));
                }
            }
        }
        return version;
    }

    private static List<String> first(Set<String> names, int n) {
        List<String> out = new ArrayList<>();
        for (String s : names) {
            if (out.size() == n) {
                out.add("…");
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** Creates the tables of a new ledger, or upgrades an older one, in Flyway's care. */
    private static void migrate(Dialect dialect, String url, String shown) throws LedgerException {
        Migrations.run(dialect, url, shown, HISTORY_TABLE);
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM subsidy_ledger WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * A connection with no setting of ours (SQLite: not even its journal mode), to look at a database
     * before it is known to be a ledger.
     */
    private static Connection plain(Dialect dialect, String url, Duration wait) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            Properties p = new Properties();
            p.setProperty("busy_timeout", Long.toString(Math.min(Integer.MAX_VALUE, wait.toMillis())));
            return DriverManager.getConnection(url, p);
        }
        return connect(dialect, url, wait);
    }

    /** A connection with the ledger's settings; PostgreSQL's search path is the schema subsidy. */
    static Connection connect(Dialect dialect, String url, Duration wait) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            Properties p = new Properties();
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "FULL");
            p.setProperty("busy_timeout", Long.toString(Math.min(Integer.MAX_VALUE, wait.toMillis())));
            p.setProperty("transaction_mode", "IMMEDIATE");
            return DriverManager.getConnection(url, p);
        }
        DRIVER.setLevel(java.util.logging.Level.OFF);
        Properties p = new Properties();
        // Batched inserts sent as multi-row statements: a run's rows go in a few round trips.
        p.setProperty("reWriteBatchedInserts", "true");
        Connection c = DriverManager.getConnection(url, p);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO subsidy");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    Connection connect() throws SQLException {
        return connect(dialect, url, wait);
    }

    /**
     * Takes the ledger's lock in {@code c}'s transaction (autocommit off), waiting at most the ledger's
     * wait: every change to the ledger holds it until its commit or rollback.
     */
    void lock(Connection c) throws SQLException, LedgerException {
        if (dialect == Dialect.SQLITE) {
            // transaction_mode IMMEDIATE: the driver's BEGIN IMMEDIATE (in setAutoCommit, or at the first
            // statement) takes the write lock, waiting busy_timeout.
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("UPDATE subsidy_ledger SET value = value WHERE name = 'application'");
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY")) {
                    throw busy();
                }
                throw e;
            }
            return;
        }
        c.setAutoCommit(false);
        long deadline = System.nanoTime() + wait.toNanos();
        try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            p.setLong(1, 0x7375627369647931L); // "subsidy1"
            while (true) {
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw busy();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy();
                }
            }
        }
    }

    /** Rolls back what {@code c} began, if anything; a failure to is not the news (the database undoes it anyway). */
    static void rollback(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // a transaction that never began (a lock not taken), or a closed connection
        }
    }

    private LedgerException busy() {
        return new LedgerException(LedgerException.Kind.BUSY, Msg.of("ledger.busy", shown, wait.toSeconds()));
    }

    static LedgerException damaged(String shown, SQLException e) {
        return damaged(shown, e, shown);
    }

    static LedgerException damaged(String shown, SQLException e, String url) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        String m = scrub(cause.getMessage(), url);
        if (m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT")) {
            return new LedgerException(LedgerException.Kind.DAMAGED, Msg.of("ledger.damaged", shown, m), e);
        }
        return new LedgerException(LedgerException.Kind.DAMAGED, Msg.of("ledger.unusable", shown, m), e);
    }

    LedgerException damaged(SQLException e) {
        return damaged(shown, e, url);
    }

    /** A cell of the ledger that is not what subsidy wrote (edited by hand, or garbled). */
    LedgerException unreadable(Msg what, String cell) {
        return new LedgerException(LedgerException.Kind.DAMAGED, Msg.of("ledger.damaged_cell", shown, what,
                cell.length() > 80 ? cell.substring(0, 80) + "…" : cell));
    }

    /** The ledger as messages and the manifest name it: the file, or the URL without its password. */
    public String shown() {
        return shown;
    }

    /** The ledger's own id, made when it was created: a copy of a ledger keeps it. */
    public String id() {
        return ledgerId;
    }

    /** Whether this open made a new, empty ledger. */
    public boolean created() {
        return created;
    }

    Dialect dialect() {
        return dialect;
    }

    Clock clock() {
        return clock;
    }

    String now() {
        return STAMP.format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** Starts recording a batch: takes the lock and holds it until the run commits or rolls back. */
    public LedgerRun begin(LedgerRun.Request request) throws LedgerException {
        return LedgerRun.begin(this, request);
    }

    // ---- reading ----

    /** Every batch, oldest first; of one period when {@code period} is not null. */
    public List<BatchInfo> batches(String period) throws LedgerException {
        try (Connection c = connect()) {
            return batches(c, period);
        } catch (SQLException e) {
            throw damaged(e);
        }
    }

    static List<BatchInfo> batches(Connection c, String period) throws SQLException {
        List<BatchInfo> out = new ArrayList<>();
        String sql = "SELECT id, seq, period, kind, content_key, inputs, policy_id, policy_sha256, as_of, tool_version, "
                + "created_at, computed_against, out_dir, files, state, replaces, replaced_by, entities, total, reason "
                + "FROM batch" + (period == null ? "" : " WHERE period = ?") + " ORDER BY id";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (period != null) {
                p.setString(1, period);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new BatchInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getLong(12), rs.getString(13), rs.getString(14),
                            rs.getString(15), nullableLong(rs, 16), nullableLong(rs, 17), rs.getLong(18),
                            rs.getString(19), rs.getString(20)));
                }
            }
        }
        return out;
    }

    static Map<Long, BatchInfo> batchMap(Connection c) throws SQLException {
        Map<Long, BatchInfo> m = new LinkedHashMap<>();
        for (BatchInfo b : batches(c, null)) {
            m.put(b.id(), b);
        }
        return m;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** The ledger's state: the number of its last change (0 when new). */
    public long state() throws LedgerException {
        try (Connection c = connect()) {
            return state(c);
        } catch (SQLException e) {
            throw damaged(e);
        }
    }

    static long state(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM ledger_change")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The changes, in order: batches recorded, replaced, voided, imports. */
    public List<Change> changes() throws LedgerException {
        try (Connection c = connect()) {
            return changes(c);
        } catch (SQLException e) {
            throw damaged(e);
        }
    }

    static List<Change> changes(Connection c) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT seq, at, what, batch, entity, program, reason, tool_version FROM ledger_change ORDER BY seq")) {
            while (rs.next()) {
                out.add(new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        return out;
    }

    /** One change to the ledger. */
    public record Change(long seq, String at, String what, long batch, String entity, String program, String reason,
            String toolVersion) {
        /**
         * Whether this change voids what {@code batch} paid {@code entity} for {@code program}: a void of
         * that batch, for every entity or this one, for every program or this one.
         */
        public boolean voids(long batch, String entity, String program) {
            return "void".equals(what) && this.batch == batch && (this.entity == null || this.entity.equals(entity))
                    && (this.program == null || this.program.equals(program));
        }
    }

    /** Batches recorded whose output was not confirmed in place (a run stopped between the two). */
    public List<BatchInfo> pendingFiles() throws LedgerException {
        return batches(null).stream().filter(b -> "pending".equals(b.files())).toList();
    }

    /** Says the batch's output is in place. */
    public void filesDone(long batch) throws LedgerException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
                "UPDATE batch SET files = 'done' WHERE id = ? AND files = 'pending'")) {
            p.setLong(1, batch);
            p.executeUpdate();
        } catch (SQLException e) {
            throw damaged(e);
        }
    }

    /**
     * Whether {@code batch} is recorded as written by {@code run} (a stopped run's journal asks this): a
     * number a stopped run did not record may since be another run's batch.
     */
    public boolean recorded(long batch, String run) throws LedgerException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM batch WHERE id = ? AND run = ?")) {
            p.setLong(1, batch);
            p.setString(2, run);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw damaged(e);
        }
    }

    /** Reads what each entity has used up, in bulk, for the entities a batch computes. */
    public StateReader stateReader(Long without) {
        StateReader.Bulk b = bulk;
        return new StateReader(this, without, b == null ? StateReader.Bulk.of(dialect) : b, held);
    }

    /** For tests: what the runs' reading of the whole table waits for before it reads (null: nothing). */
    private volatile java.util.concurrent.CountDownLatch held;

    /** For tests: the runs' reading of the whole of entity_state waits until {@code until} is counted down. */
    Ledger holdWholeReads(java.util.concurrent.CountDownLatch until) {
        this.held = until;
        return this;
    }

    /**
     * When the runs of this ledger read all of entity_state at once rather than probing it a chunk of
     * entities at a time (both give the same states: tests hold them to it); null for the measured default.
     */
    public Ledger bulk(StateReader.Bulk when) {
        this.bulk = when;
        return this;
    }

    /** The history of what the ledger paid, read from the payments and changes (the reference). */
    public History history() {
        return new History(this);
    }

    @Override
    public void close() {
        // Connections are opened and closed per use; nothing is held between.
    }

    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
    }

    /** A message with the URL's password, wherever a driver repeated it, taken out. */
    static String scrub(String message, String url) {
        if (message == null) {
            return "";
        }
        String out = message.replace(url, withoutPassword(url));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)password=([^&;]+)|//[^/@:]*:([^/@]+)@")
                .matcher(url);
        while (m.find()) {
            String secret = m.group(1) != null ? m.group(1) : m.group(2);
            if (secret.length() >= 3) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }
}
