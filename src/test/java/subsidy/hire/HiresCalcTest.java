package subsidy.hire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;

/**
 * calc --hires on the shipped sample (samples/firms.csv and samples/hires.csv, the default policy): the
 * amounts worked by hand from the clauses — 一次性扩岗补助 「按每人1500元的标准」 (seed 003 @11319) for a
 * graduate or a registered unemployed youth hired by an enterprise, 吸纳就业补贴 「按每人1000元的标准」
 * (seed 003 @11980) for a person hard to employ hired by a medium, small or micro enterprise,
 * 「与一次性吸纳就业补贴政策不重复享受」 between them.
 */
class HiresCalcTest {
    private static final String A = "9153040225581193XN"; // enterprise, small
    private static final String B = "915301022674397173"; // enterprise, medium
    private static final String C = "91530102444689961W"; // enterprise, large
    private static final String D = "92530502MAA5FTK08P"; // individual business
    private static final String E = "915304028572048117"; // enterprise, small

    @TempDir
    Path tmp;

    private CommandLineRun.Result calc(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("calc", "--input", "samples/firms.csv", "--hires",
                "samples/hires.csv", "--as-of", "2022-06-30", "--out", out.toString()));
        args.addAll(List.of(more));
        return CommandLineRun.run(args.toArray(String[]::new));
    }

    private static Map<String, CSVRecord> byLine(Path csv) throws IOException {
        return CommandLineRun.rows(csv).stream().collect(Collectors.toMap(r -> r.get("line"), r -> r));
    }

    @Test
    void theFirstHireByDateIsPaidAndTheOtherFirmGetsZeroNamingIt() throws IOException {
        Path out = tmp.resolve("out");
        CommandLineRun.Result r = calc(out);
        assertEquals(1, r.exit(), r.err()); // two rows of the hire list are rejected
        Map<String, CSVRecord> hires = byLine(out.resolve("hires.csv"));
        // 530428199903120015: A on 2022-03-01 (line 2), B on 2022-02-15 (line 3): B hired first.
        assertEquals("1500.00", hires.get("3").get("amount"));
        assertEquals("paid", hires.get("3").get("outcome"));
        assertEquals(B, hires.get("3").get("entity_id"));
        assertEquals("0.00", hires.get("2").get("amount"));
        assertEquals("other_firm", hires.get("2").get("outcome"));
        assertTrue(hires.get("2").get("note").contains(B), hires.get("2").get("note"));
    }

    @Test
    void aHireAfterTheBatchsDateOrBeforeTheAgeOf16IsNotCounted() throws IOException {
        // 530102199901010111: hired by E on 2022-07-01, after --as-of 2022-06-30 (a later batch's hire), and by
        // B on 2022-06-01: B's is the hire of this batch. 530102201001010132, born 2010, "hired" in 2022: under 16.
        String late = "530102199901010111".substring(0, 17);
        String child = "530102201001010132".substring(0, 17);
        late += subsidy.entity.ResidentId.checkCharacter(late);
        child += subsidy.entity.ResidentId.checkCharacter(child);
        Path list = tmp.resolve("dates.csv");
        Files.writeString(list, "entity_id,id_number,category,hire_date\n" + E + "," + late + ",graduate,2022-07-01\n"
                + B + "," + late + ",graduate,2022-06-01\n" + E + "," + child + ",graduate,2022-03-01\n");
        Path out = tmp.resolve("out");
        CommandLineRun.Result r = CommandLineRun.run("calc", "--input", "samples/firms.csv", "--hires", list.toString(),
                "--as-of", "2022-06-30", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, CSVRecord> hires = byLine(out.resolve("hires.csv"));
        assertEquals("outside_dates", hires.get("2").get("outcome"));
        assertEquals("0.00", hires.get("2").get("amount"));
        assertEquals("hired on 2022-07-01, after 2022-06-30, the date this batch is computed for: not a hire of this"
                + " batch", hires.get("2").get("note"));
        assertEquals("paid", hires.get("3").get("outcome"), "the hire of this batch is B's");
        assertEquals("1500.00", hires.get("3").get("amount"));
        assertEquals("outside_dates", hires.get("4").get("outcome"));
        assertTrue(hires.get("4").get("note").startsWith("hired on 2022-03-01, before the person's 16th birthday"));
        Map<String, CSVRecord> report = CommandLineRun.rows(out.resolve("report.csv")).stream()
                .collect(Collectors.toMap(x -> x.get("entity_id"), x -> x));
        assertEquals("0.00", report.get(E).get("hiring_subsidy"), "neither of E's hires counts");
    }

    @Test
    void verifyRecomputesAReportMadeWithAHireListAndFindsAnEditedHiresCsv() throws IOException {
        Path out = tmp.resolve("out");
        calc(out);
        String report = out.resolve("report.csv").toString();
        CommandLineRun.Result without = CommandLineRun.run("verify", "--input", "samples/firms.csv", "--report", report);
        assertEquals(2, without.exit(), without.err());
        assertTrue(without.err().contains("give it to verify as --hires FILE"), without.err());
        CommandLineRun.Result clean = CommandLineRun.run("verify", "--input", "samples/firms.csv", "--hires",
                "samples/hires.csv", "--report", report);
        assertEquals(0, clean.exit(), clean.out() + clean.err());
        assertTrue(clean.err().contains("47 rows recomputed, 0 difference(s)"), clean.err());
        Path hires = out.resolve("hires.csv");
        Files.writeString(hires, Files.readString(hires).replaceFirst("1500\\.00", "1400.00"));
        CommandLineRun.Result edited = CommandLineRun.run("verify", "--input", "samples/firms.csv", "--hires",
                "samples/hires.csv", "--report", report);
        assertEquals(4, edited.exit(), edited.out() + edited.err());
        assertTrue(edited.out().contains("hires.csv (differs from a recomputation)"), edited.out());
        Files.writeString(out.resolve("report.csv"), Files.readString(out.resolve("report.csv")).replaceFirst(
                "(" + A + "[^\\n]*?),1500\\.00,", "$1,1600.00,"));
        CommandLineRun.Result amount = CommandLineRun.run("verify", "--input", "samples/firms.csv", "--hires",
                "samples/hires.csv", "--report", report);
        assertEquals(4, amount.exit());
        assertTrue(amount.out().contains(A + ",hiring_subsidy,1600.00,1500.00"), amount.out());
    }

    @Test
    void onTheSameDateTheEarlierRowWins() throws IOException {
        Path out = tmp.resolve("out");
        calc(out);
        Map<String, CSVRecord> hires = byLine(out.resolve("hires.csv"));
        // 530428199811110063: E (line 9) and A (line 10), both 2022-06-01.
        assertEquals("1500.00", hires.get("9").get("amount"));
        assertEquals(E, hires.get("9").get("entity_id"));
        assertEquals("other_firm", hires.get("10").get("outcome"));
        assertTrue(hires.get("10").get("note").contains(E));
    }

    @Test
    void aPersonUnderTwoCategoriesIsPaidOnceUnderTheHigherAmount() throws IOException {
        Path out = tmp.resolve("out");
        calc(out);
        Map<String, CSVRecord> hires = byLine(out.resolve("hires.csv"));
        // 530428200001010023 at A as youth (1500, hiring_subsidy) and as hard to employ (1000, absorption):
        // 不重复享受, 就高: 1500 once.
        assertEquals("1500.00", hires.get("4").get("amount"));
        assertEquals("hiring_subsidy", hires.get("4").get("program"));
        assertEquals("0.00", hires.get("5").get("amount"));
        assertEquals("same_firm", hires.get("5").get("outcome"));
        Map<String, CSVRecord> report = CommandLineRun.rows(out.resolve("report.csv")).stream()
                .collect(Collectors.toMap(x -> x.get("entity_id"), x -> x));
        assertEquals("1500.00", report.get(A).get("hiring_subsidy")); // youth 1 (its own columns said grad 2)
        assertEquals("0.00", report.get(A).get("absorption_subsidy"));
        assertTrue(report.get(A).get("notes").contains("counted from the hire list: grad_hires 0,"
                + " youth_hires 1"), report.get(A).get("notes"));
    }

    @Test
    void theFirmsConditionsStillDecide() throws IOException {
        Path out = tmp.resolve("out");
        calc(out);
        Map<String, CSVRecord> hires = byLine(out.resolve("hires.csv"));
        Map<String, CSVRecord> report = CommandLineRun.rows(out.resolve("report.csv")).stream()
                .collect(Collectors.toMap(x -> x.get("entity_id"), x -> x));
        // B, medium: one graduate (1500) and one hard to employ (1000).
        assertEquals("1500.00", report.get(B).get("hiring_subsidy"));
        assertEquals("1000.00", report.get(B).get("absorption_subsidy"));
        assertEquals("1000.00", hires.get("6").get("amount"));
        // C is large: absorption is for medium, small and micro enterprises.
        assertEquals(C, hires.get("7").get("entity_id"));
        assertEquals("not_paid", hires.get("7").get("outcome"));
        assertEquals("0.00", report.get(C).get("absorption_subsidy"));
        assertEquals("0.00", report.get(C).get("hiring_subsidy")); // its own columns said 4 graduates, 2 youths
        // D is an individual business: the hiring subsidy is for enterprises.
        assertEquals(D, hires.get("8").get("entity_id"));
        assertEquals("not_paid", hires.get("8").get("outcome"));
        // A firm the firm list does not have.
        assertEquals("firm_absent", hires.get("11").get("outcome"));
    }

    @Test
    void everyHireRowIsListedOrRejectedAndTheAmountsAddUp() throws IOException {
        Path out = tmp.resolve("out");
        CommandLineRun.Result r = calc(out);
        List<CSVRecord> hires = CommandLineRun.rows(out.resolve("hires.csv"));
        List<CSVRecord> rejected = CommandLineRun.rows(out.resolve("rejected.csv"));
        assertEquals(10, hires.size());
        assertEquals(2, rejected.size());
        BigDecimal paid = hires.stream().map(x -> new BigDecimal(x.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        // B 1500 + A 1500 + E 1500 (hiring) and B 1000 (absorption)
        assertEquals(new BigDecimal("5500.00"), paid);
        List<CSVRecord> summary = CommandLineRun.rows(out.resolve("summary.csv"));
        BigDecimal programs = summary.stream().filter(x -> x.get("program").equals("hiring_subsidy")
                || x.get("program").equals("absorption_subsidy")).map(x -> new BigDecimal(x.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(paid, programs);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"rows_read\" : 12"), manifest);
        assertTrue(manifest.contains("\"rows_rejected\" : 2"), manifest);
        assertTrue(manifest.contains("\"persons_paid\" : 4"), manifest);
        assertTrue(manifest.contains(subsidy.Sha256.of(Path.of("samples/hires.csv"))), manifest);
        assertTrue(manifest.contains("\"hires.csv\""), manifest);
        assertTrue(r.err().contains("hire list samples/hires.csv: 12 rows read, 4 persons paid (5500.00), 6 rows paid 0,"
                + " 2 rejected"), r.err());
    }

    @Test
    void rejectionReasonsMaskTheIdentityNumber() throws IOException {
        Path out = tmp.resolve("out");
        CommandLineRun.Result r = calc(out);
        List<CSVRecord> rejected = CommandLineRun.rows(out.resolve("rejected.csv"));
        CSVRecord bad = rejected.get(0);
        assertEquals("samples/hires.csv", bad.get("file"));
        assertEquals("12", bad.get("line"));
        assertEquals("bad_id_number", bad.get("reason_codes"));
        assertTrue(bad.get("reasons").contains("530502********0079"), bad.get("reasons"));
        assertFalse(bad.get("reasons").contains("530502200303030079"));
        assertFalse(r.err().contains("530502200303030079"));
        assertFalse(r.out().contains("530502200303030079"));
        // Every reason of a row, with its code.
        assertEquals("unknown_code\nbad_date\nnot_a_number", rejected.get(1).get("reason_codes"));
    }

    @Test
    void hiresNeedsOut() {
        CommandLineRun.Result r = CommandLineRun.run("calc", "--input", "samples/firms.csv", "--hires",
                "samples/hires.csv", "--as-of", "2022-06-30");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--hires needs --out"), r.err());
    }

    @Test
    void aCategoryNoProgramCountsIsPaidNothingAndWinsNobody() throws IOException {
        // 保山 pays graduates only (seed 000 @1795): a youth hire is not covered, and the graduate hire of the
        // same person at another firm, though later, is paid.
        Path list = tmp.resolve("h.csv");
        Files.writeString(list, "entity_id,id_number,category,hire_date\n"
                + A + ",530428199903120015,youth,2022-03-01\n"
                + E + ",530428199903120015,graduate,2022-04-01\n");
        Path firms = tmp.resolve("f.csv");
        List<String> lines = Files.readAllLines(Path.of("samples/firms.csv"));
        Files.write(firms, List.of(lines.get(0), lines.stream().filter(l -> l.startsWith(A)).findFirst().orElseThrow(),
                lines.stream().filter(l -> l.startsWith(E)).findFirst().orElseThrow()));
        Path out = tmp.resolve("out");
        CommandLineRun.Result r = CommandLineRun.run("calc", "--input", firms.toString(), "--hires", list.toString(),
                "--policy", "config/baoshan-2022.yaml", "--as-of", "2022-06-30", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, CSVRecord> hires = byLine(out.resolve("hires.csv"));
        assertEquals("not_covered", hires.get("2").get("outcome"));
        assertEquals("paid", hires.get("3").get("outcome"));
        assertEquals("1500.00", hires.get("3").get("amount"));
    }

    @Test
    void explainCountsTheFirmsPersonsFromTheHireList() {
        CommandLineRun.Result r = CommandLineRun.run("explain", "--input", "samples/firms.csv", "--hires",
                "samples/hires.csv", "--id", A, "--as-of", "2022-06-30");
        assertEquals(0, r.exit(), r.err());
        // hiring_subsidy: 1500 × 0 graduates + 1500 × 1 youth = 1500.00, not the firm's own 2 graduates.
        assertTrue(r.out().contains("counted from the hire list: grad_hires 0, youth_hires 1"), r.out());
        assertFalse(r.out().contains("530428200001010023"), "explain names no person");
    }

    @Test
    void inChineseTheListNamesProgramsByTitleAndCategoriesInWords() throws IOException {
        Path out = tmp.resolve("out");
        calc(out, "--lang", "zh");
        List<String> lines = Files.readAllLines(out.resolve("hires.csv"));
        assertEquals("\uFEFF行号,统一社会信用代码,公民身份号码,人员类别,招用日期,补贴项目,补贴金额,结果代码,说明", lines.get(0));
        assertEquals("4,9153040225581193XN,530428200001010023,登记失业青年,2022-04-01,一次性扩岗补助,1500.00,paid,",
                lines.get(3));
    }

    @Test
    void aMissingOrHeaderlessHireListIsUnusableAndNothingIsWritten() throws IOException {
        Path out = tmp.resolve("out");
        CommandLineRun.Result r = CommandLineRun.run("calc", "--input", "samples/firms.csv", "--hires",
                tmp.resolve("nope.csv").toString(), "--as-of", "2022-06-30", "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("nope.csv: no such file (nothing written)"), r.err());
        assertFalse(Files.exists(out));
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "a,b\n1,2\n");
        r = CommandLineRun.run("calc", "--input", "samples/firms.csv", "--hires", bad.toString(), "--as-of",
                "2022-06-30", "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("no header found in its first 20 rows"), r.err());
        assertFalse(Files.exists(out.resolve("report.csv")));
    }
}
