package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import subsidy.CommandLineRun;
import subsidy.ledger.TestLedgers.Backend;

/**
 * A damaged ledger stops a run with exit 3 and a message in words (the ledger named, what to do), never
 * a Java class name, and nothing written; the ledger is not touched further.
 */
class LedgerDamageTest {
    /** A class name as Java prints it (org.sqlite.SQLiteException, java.lang.NumberFormatException, …). */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|org|com|net|subsidy)\\.[a-z0-9_]+(\\.[A-Za-z0-9_$]+)+|\\b[A-Z]\\w*(Exception|Error)\\b");
    private static final String INPUT = "samples/firms.csv";

    @RegisterExtension
    final TestLedgers ledgers = new TestLedgers();

    private static CommandLineRun.Result calc(String ledger, String period, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("calc", "--input", INPUT, "--ledger", ledger,
                "--period", period, "--out", out.toString(), "--quiet", "--ledger-wait", "5"));
        args.addAll(Arrays.asList(more));
        return CommandLineRun.run(args.toArray(String[]::new));
    }

    private static void assertWords(String err) {
        assertFalse(CLASS_NAME.matcher(err).find(), "no Java class name in what a clerk reads: " + err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void anSqliteLedgerWithBytesOverwrittenInTheMiddleStopsTheRunWithExit3InWords() throws Exception {
        Path dir = ledgers.folder();
        String ledger = dir.resolve("ledger.sqlite").toString();
        CommandLineRun.Result first = calc(ledger, "2022-05", dir.resolve("2022-05"));
        assertEquals(0, first.exit(), first.err());
        try (Ledger l = TestLedgers.open(ledger)) {
            assertEquals(1, l.batches(null).size());
            assertTrue(l.history().ofBatch(1).size() > 20, "a batch big enough that its rows span pages");
        }
        Path file = Path.of(ledger);
        assertEquals(List.of(file), siblings(dir), "no -wal or -shm file: every connection is closed");
        long size = Files.size(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[(int) (size / 2)];
            Arrays.fill(junk, (byte) 0xA5);
            f.seek(size / 4);
            f.write(junk);
        }
        byte[] damaged = Files.readAllBytes(file);

        for (String[] run : new String[][] {{"2022-06"}, {"2022-05", "--replace"}, {"2022-06", "--dry-run"}}) {
            Path out = dir.resolve("out-" + String.join("", run));
            CommandLineRun.Result r = calc(ledger, run[0], out, Arrays.copyOfRange(run, 1, run.length));
            assertEquals(3, r.exit(), String.join(" ", run) + ": " + r.err());
            assertTrue(r.err().contains("the ledger " + ledger + " is damaged"), r.err());
            assertTrue(r.err().contains("restore it from a copy"), r.err());
            assertWords(r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
        LedgerException e = assertThrows(LedgerException.class, () -> {
            try (Ledger l = TestLedgers.open(ledger); LedgerRun run = l.begin(TestLedgers.request("2022-06"))) {
                run.reader().lookup(List.of("x"));
                l.history().ofBatch(1);
            }
        });
        assertEquals(LedgerException.Kind.DAMAGED, e.kind());
        assertWords(e.getMessage());
        assertTrue(Arrays.equals(damaged, Files.readAllBytes(file)), "the damaged ledger is not written to");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLedgerWithAnEntryThatCannotBeReadStopsTheRunAsDamagedNotAsAnInternalError(Backend backend)
            throws Exception {
        String ledger = ledgers.fresh(backend);
        Path dir = ledgers.folder();
        CommandLineRun.Result first = calc(ledger, "2022-05", dir.resolve("2022-05"));
        assertEquals(0, first.exit(), first.err());
        try (Connection c = TestLedgers.raw(ledger); Statement s = c.createStatement()) {
            assertTrue(s.executeUpdate("UPDATE " + TestLedgers.table(ledger, "entity_state")
                    + " SET state = 'hire|2022-05|x|1|'") > 0);
        }
        CommandLineRun.Result r = calc(ledger, "2022-06", dir.resolve("2022-06"));
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("the ledger " + Ledger.withoutPassword(ledger)),
                r.err());
        assertTrue(r.err().contains("damaged"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertWords(r.err());
    }

    private static List<Path> siblings(Path dir) throws Exception {
        try (var all = Files.list(dir)) {
            return all.filter(p -> p.getFileName().toString().startsWith("ledger.sqlite")).sorted().toList();
        }
    }
}
