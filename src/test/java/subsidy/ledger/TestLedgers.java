package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh ledger location for each test, on either backend: SQLite, a file in a folder of its own;
 * PostgreSQL, a database of its own ({@code CREATE DATABASE t_…}) made through the server that
 * {@code SUBSIDY_TEST_PG} names (a JDBC URL with a user who may create databases), dropped afterwards.
 *
 * <p>Without {@code SUBSIDY_TEST_PG} the PostgreSQL cases are skipped, unless {@code SUBSIDY_REQUIRE_PG=1}
 * (CI sets it, .ci/run): then they fail, so a CI that lost its server cannot pass by skipping them.
 * Register with {@code @RegisterExtension final TestLedgers ledgers = new TestLedgers();}.
 */
public final class TestLedgers implements AfterEachCallback {
    /** Where a ledger is kept. */
    public enum Backend {
        SQLITE, POSTGRESQL
    }

    /** The server's URL, or null: PostgreSQL cases are then skipped (or fail, with SUBSIDY_REQUIRE_PG=1). */
    public static final String PG = blankToNull(System.getenv("SUBSIDY_TEST_PG"));
    static final boolean REQUIRE_PG = "1".equals(System.getenv("SUBSIDY_REQUIRE_PG"));
    /** Long enough for any lock a test's own other run holds briefly. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** A clock that does not move: created_at and change stamps are the same on every run. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2022-06-01T08:00:00Z"), ZoneOffset.UTC);

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");
    private static final Random NAMES = new Random();

    private final List<String> databases = new ArrayList<>();
    private Path dir;

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Skips the test (or fails it, under SUBSIDY_REQUIRE_PG=1) when no PostgreSQL server is given. */
    public static void requirePg() {
        if (PG != null) {
            return;
        }
        if (REQUIRE_PG) {
            fail("SUBSIDY_REQUIRE_PG=1 but SUBSIDY_TEST_PG is not set: the PostgreSQL ledger cases cannot run "
                    + "(.ci/run starts a server and sets both)");
        }
        Assumptions.abort("SUBSIDY_TEST_PG is not set: no PostgreSQL server to test the ledger on "
                + "(.ci/pg start makes one)");
    }

    /** A location no ledger is at yet: a file name in an empty folder, or an empty database. */
    public String fresh(Backend backend) throws IOException, SQLException {
        if (backend == Backend.SQLITE) {
            return folder().resolve("ledger-" + databases.size() + "-" + NAMES.nextInt(1_000_000) + ".sqlite")
                    .toString();
        }
        String name = newDatabase();
        return database(name);
    }

    /** A folder of this test's own, deleted after it. */
    public Path folder() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("subsidy-ledger-test");
        }
        return dir;
    }

    /** Makes a new, empty database on the test server, dropped after the test; returns its name. */
    public String newDatabase() throws SQLException {
        requirePg();
        String name = "t_" + Long.toString(NAMES.nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        databases.add(name);
        return name;
    }

    /** The test server's URL with another database, the same user and settings. */
    public static String database(String name) {
        requirePg();
        Matcher m = URL.matcher(PG);
        if (!m.matches()) {
            throw new IllegalStateException("SUBSIDY_TEST_PG is not a jdbc:postgresql://HOST[:PORT]/DB[?…] URL: " + PG);
        }
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    /**
     * A plain connection to the database at {@code where}, as another program would open it (SQLite:
     * no settings; PostgreSQL: the default search path, so the ledger's tables are {@code subsidy.NAME}).
     */
    public static Connection raw(String where) throws SQLException {
        return DriverManager.getConnection(where.startsWith("jdbc:") ? where : "jdbc:sqlite:" + where);
    }

    /** The backend's name for a table of the ledger, as {@link #raw} connections see it. */
    public static String table(String where, String name) {
        return where.startsWith("jdbc:") ? "subsidy." + name : name;
    }

    /** Opens (making when new) the ledger at {@code where} with {@link #WAIT} and {@link #CLOCK}. */
    public static Ledger open(String where) throws LedgerException {
        return Ledger.open(where, WAIT, CLOCK);
    }

    /** A calc batch's request: {@code period}, no output directory, nothing replaced. */
    public static LedgerRun.Request request(String period) {
        return new LedgerRun.Request(period, "test-policy", "0".repeat(64), null, null, null, null, null, false);
    }

    /** A request replacing batch {@code replaced} (--replace=N). */
    public static LedgerRun.Request replacing(String period, long replaced, String reason) {
        return new LedgerRun.Request(period, "test-policy", "0".repeat(64), null, null, replaced, null, reason, false);
    }

    /** What a run's end tells the ledger: {@code key} stands for its inputs. */
    public static LedgerRun.Finish finish(String key, long entities, BigDecimal total) {
        return new LedgerRun.Finish(key, "firms.csv " + key + "\n", entities, total);
    }

    /** One program paid: counted against its limit, or not. */
    public static LedgerRun.Item item(String program, String amount, boolean counted) {
        return new LedgerRun.Item(program, new BigDecimal(amount), null, counted);
    }

    /**
     * Records what a batch paid one entity as {@code subsidy.run.Recording} does: the items, and when
     * any counts, the entity's prior entries (read through the run's reader) and this batch's counted ones.
     */
    public static void pay(LedgerRun run, String entity, String period, List<LedgerRun.Item> items)
            throws LedgerException {
        List<Entry> entries = new ArrayList<>();
        for (LedgerRun.Item i : items) {
            if (i.counted()) {
                entries.add(new Entry(i.program(), period, run.id(), i.amount(), i.months()));
            }
        }
        Prior prior = entries.isEmpty() ? null : run.reader().lookup(List.of(entity)).getOrDefault(entity, Prior.NONE);
        run.record(entity, new Paid(items, entries.isEmpty() ? null : prior.plus(entries),
                entries.isEmpty() ? null : new Prior(entries).encode()));
    }

    /** What a test records of one entity, known beforehand. */
    public record Paid(List<LedgerRun.Item> items, Prior newState, String added) implements LedgerRun.Paid {
        @Override
        public Prior read() {
            return null; // the writer finds the entity in the snapshot itself
        }
    }

    /** A whole calc batch, committed: each entity paid {@code items}; returns its number. */
    public static long batch(Ledger ledger, String period, String key, List<String> entities,
            List<LedgerRun.Item> items) throws LedgerException {
        return batch(ledger, request(period), key, entities, items);
    }

    public static long batch(Ledger ledger, LedgerRun.Request request, String key, List<String> entities,
            List<LedgerRun.Item> items) throws LedgerException {
        try (LedgerRun run = ledger.begin(request)) {
            BigDecimal total = BigDecimal.ZERO;
            for (String e : entities) {
                pay(run, e, request.period(), items);
                for (LedgerRun.Item i : items) {
                    total = total.add(i.amount());
                }
            }
            run.finish(finish(key, entities.size(), total));
            run.commit();
            return run.id();
        }
    }

    /**
     * Turns the ledger at {@code where}, made by this subsidy, into what an older subsidy wrote at schema
     * {@code version} (1 or 2), rows and all: below 3 payments are a table of one row each (not blocks), below
     * 2 there is no hired_person; the schema history says {@code version}. What an upgrade starts from.
     */
    public static void downgrade(String where, int version) throws SQLException {
        boolean pg = where.startsWith("jdbc:");
        try (Connection c = raw(where); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE " + table(where, "payment_v1") + " (batch " + (pg ? "BIGINT" : "INTEGER")
                    + " NOT NULL, row " + (pg ? "BIGINT" : "INTEGER") + " NOT NULL, entity TEXT NOT NULL, "
                    + "period TEXT NOT NULL, paid TEXT NOT NULL, PRIMARY KEY (batch, row))" + (pg ? "" : " WITHOUT ROWID"));
            s.execute("INSERT INTO " + table(where, "payment_v1") + " SELECT batch, row, entity, period, paid FROM "
                    + table(where, "payment"));
            s.execute("DROP VIEW " + table(where, "payment"));
            s.execute("DROP TABLE " + table(where, "payment_block"));
            s.execute("ALTER TABLE " + table(where, "payment_v1") + " RENAME TO payment");
            if (pg) {
                // Before version 3 an id compared by the database's own collation.
                s.execute("ALTER TABLE subsidy.entity_state ALTER COLUMN entity TYPE TEXT COLLATE \"default\"");
            }
            if (version < 2) {
                s.execute("DROP TABLE " + table(where, "hired_person"));
            }
            s.execute("DELETE FROM " + table(where, "subsidy_schema_history") + " WHERE version IN ('2', '3') AND version > '"
                    + version + "'");
            c.commit();
        }
    }

    /** How many rows a table (or view) of the ledger at {@code where} holds. */
    public static long count(String where, String table) throws SQLException {
        try (Connection c = raw(where); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table(where, table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code n} entity ids, F00000 on: enough for a batch that crosses a size threshold. */
    public static List<String> firms(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("F%05d", i));
        }
        return out;
    }

    /** Every row of a table as text, in a stable order: what "nothing was changed" compares. */
    public static List<String> dump(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i == 1 ? "" : " | ").append(rs.getString(i));
                }
                rows.add(sb.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!databases.isEmpty()) {
            try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
                for (String name : databases) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
            databases.clear();
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            dir = null;
        }
    }
}
