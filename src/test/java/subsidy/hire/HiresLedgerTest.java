package subsidy.hire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import subsidy.CommandLineRun;
import subsidy.ledger.Corrections;
import subsidy.ledger.Ledger;
import subsidy.ledger.TestLedgers;
import subsidy.ledger.TestLedgers.Backend;

/**
 * calc --hires --ledger: a person paid in an earlier batch stays paid there (the ledger's hired_person),
 * whatever hire date a later list gives; --replace and void take a batch's persons out as they take its
 * entries out. SQLite always; PostgreSQL when a server is given (SUBSIDY_TEST_PG), as the other ledger tests.
 */
class HiresLedgerTest {
    private static final String A = "9153040225581193XN";
    private static final String B = "915301022674397173";
    private static final String P1 = "530428199903120015";

    @RegisterExtension
    final TestLedgers ledgers = new TestLedgers();

    @TempDir
    Path tmp;

    private Path firms() throws IOException {
        Path firms = tmp.resolve("firms.csv");
        if (!Files.exists(firms)) {
            List<String> lines = Files.readAllLines(Path.of("samples/firms.csv"));
            Files.write(firms, List.of(lines.get(0), lines.stream().filter(l -> l.startsWith(A)).findFirst().orElseThrow(),
                    lines.stream().filter(l -> l.startsWith(B)).findFirst().orElseThrow()));
        }
        return firms;
    }

    private Path hires(String name, String... rows) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, "entity_id,id_number,category,hire_date\n" + String.join("\n", rows) + "\n");
        return p;
    }

    private Map<String, CSVRecord> run(String where, String period, Path hires, String... more) throws IOException {
        Path out = tmp.resolve("out-" + period + "-" + hires.getFileName());
        List<String> args = new java.util.ArrayList<>(List.of("calc", "--input", firms().toString(), "--hires",
                hires.toString(), "--out", out.toString(), "--force", "--ledger", where, "--period", period));
        args.addAll(List.of(more));
        CommandLineRun.Result r = CommandLineRun.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return CommandLineRun.rows(out.resolve("hires.csv")).stream()
                .collect(Collectors.toMap(x -> x.get("line"), x -> x));
    }

    private static long counting(String where) throws Exception {
        try (Connection c = TestLedgers.raw(where); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + TestLedgers.table(where, "hired_person")
                        + " WHERE voided IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPersonPaidInAnEarlierPeriodStaysPaidThereWhateverTheHireDate(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        Map<String, CSVRecord> may = run(where, "2022-05", hires("may.csv", B + "," + P1 + ",graduate,2022-05-10"));
        assertEquals("1500.00", may.get("2").get("amount"));
        assertEquals(1, counting(where));
        // June's list says A hired the person earlier, in April: the payment does not move.
        Map<String, CSVRecord> june = run(where, "2022-06", hires("june.csv", A + "," + P1 + ",graduate,2022-04-01"));
        assertEquals("0.00", june.get("2").get("amount"));
        assertEquals("earlier_period", june.get("2").get("outcome"));
        assertEquals("paid in 2022-05 (batch 1) to firm " + B + ": a person is paid once", june.get("2").get("note"));
        assertEquals(1, counting(where));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void explainWithAHireListAndALedgerShowsAPersonPaidBefore(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        run(where, "2022-05", hires("may.csv", B + "," + P1 + ",graduate,2022-05-10"));
        CommandLineRun.Result r = CommandLineRun.run("explain", "--input", firms().toString(), "--hires",
                hires("june.csv", A + "," + P1 + ",graduate,2022-04-01").toString(), "--id", A, "--ledger", where,
                "--period", "2022-06");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("hiring_subsidy"), r.out());
        assertFalse(r.out().contains(P1), "names no person");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void voidingTheBatchTakesItsPersonsOut(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        run(where, "2022-05", hires("may.csv", B + "," + P1 + ",graduate,2022-05-10"));
        try (Ledger l = TestLedgers.open(where)) {
            new Corrections(l).voidEntries(1, null, null, "sent in error");
        }
        assertEquals(0, counting(where));
        Map<String, CSVRecord> june = run(where, "2022-06", hires("june.csv", A + "," + P1 + ",graduate,2022-04-01"));
        assertEquals("1500.00", june.get("2").get("amount"));
        assertEquals("paid", june.get("2").get("outcome"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void voidingOneFirmsEntryTakesOnlyItsPersonsOut(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        run(where, "2022-05", hires("may.csv", B + "," + P1 + ",graduate,2022-05-10",
                A + ",530428199811110063,graduate,2022-05-11"));
        assertEquals(2, counting(where));
        try (Ledger l = TestLedgers.open(where)) {
            new Corrections(l).voidEntries(1, B, "hiring_subsidy", "bank returned it");
        }
        assertEquals(1, counting(where));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aReplacedBatchsPersonsAreComputedAsIfItHadNotBeen(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        run(where, "2022-05", hires("may.csv", B + "," + P1 + ",graduate,2022-05-10"));
        // The corrected May list: the person was A's hire. Replacing batch 1 takes B's payment out first.
        Map<String, CSVRecord> again = run(where, "2022-05", hires("may2.csv", A + "," + P1 + ",graduate,2022-05-01"),
                "--replace=1", "--reason", "the person was A's hire");
        assertEquals("1500.00", again.get("2").get("amount"));
        assertEquals("paid", again.get("2").get("outcome"));
        assertEquals(1, counting(where));
        try (Connection c = TestLedgers.raw(where); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT batch, entity, voided FROM "
                        + TestLedgers.table(where, "hired_person") + " ORDER BY batch")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getLong(1));
            assertTrue(rs.getLong(3) > 0); // kept, as history, taken out
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1));
            assertEquals(A, rs.getString(2));
            rs.getLong(3);
            assertTrue(rs.wasNull());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSameFirmsWithAnotherHireListAreAnotherBatchOfThePeriod(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        run(where, "2022-05", hires("may.csv", B + "," + P1 + ",graduate,2022-05-10"));
        Map<String, CSVRecord> late = run(where, "2022-05", hires("late.csv", A + ",530428199811110063,graduate,2022-05-20",
                A + "," + P1 + ",graduate,2022-05-02"));
        assertEquals("1500.00", late.get("2").get("amount"));
        assertEquals("earlier_period", late.get("3").get("outcome"));
        assertEquals(2, counting(where));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLedgerOfVersionOneIsUpgradedWithTheTableOfPersons(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        run(where, "2022-05", hires("may.csv", B + "," + P1 + ",graduate,2022-05-10"));
        // As a ledger written before version 2 is: no hired_person, version 1 applied.
        TestLedgers.downgrade(where, 1);
        Map<String, CSVRecord> june = run(where, "2022-06", hires("june.csv", A + "," + P1 + ",graduate,2022-04-01"));
        // The upgrade made the table; batch 1's persons were never recorded in it, so the person is paid.
        assertEquals("1500.00", june.get("2").get("amount"));
        assertEquals(1, counting(where));
    }
}
