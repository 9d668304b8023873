package subsidy.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.cases.CaseResult.Mismatch;

/** The case loader and runner on small files written here, against the shipped default policy. */
class CaseRunnerTest {
    private static final String POLICY = Path.of("config/policy.yaml").toAbsolutePath().toString();
    /** firms.csv line 3: 11 / (11 + 189) = 5.50% exactly, small → 0.9 × 436218.30 = 392596.47. */
    private static final String ENTITY = "    entity: {entity_id: 91530111980102933U, name: 官渡区某某机械制造有限公司, "
            + "entity_type: enterprise, region_code: 530111,\n"
            + "      industry_code: C34, size_class: small, insured_employees: 189, layoffs: 11, ui_paid_last_year: 436218.30}\n";

    @TempDir
    Path tmp;

    private Path file(String body) throws Exception {
        Path f = tmp.resolve("cases-" + System.nanoTime() + ".yaml");
        // The default policy is the 2022 plans: the date goes last, so that the lines of the cases stay put.
        Files.writeString(f, "policy: " + POLICY + "\ncases:\n" + body + (body.endsWith("\n") ? "" : "\n")
                + "as_of: 2022-06-30\n", StandardCharsets.UTF_8);
        return f;
    }

    private static String oneCase(String expect) {
        return "  - name: exactly 5.50%\n    checks: seed003 @10660\n" + ENTITY + "    expect: " + expect + "\n";
    }

    private List<CaseResult> run(String body) throws Exception {
        return CaseRunner.run(CaseLoader.load(file(body)));
    }

    private List<String> problems(String body) throws Exception {
        Path f = file(body);
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseLoader.load(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        return e.problems();
    }

    @Test
    void theRightAmountPasses() throws Exception {
        List<CaseResult> r = run(oneCase("{stable_job_refund: 392596.47, size_class: small, total: 392596.47}"));
        assertEquals(1, r.size());
        assertTrue(r.get(0).passed(), r.get(0).mismatches().toString());
        assertEquals(List.of("PASS exactly 5.50%"), CaseReport.lines(r.get(0)));
    }

    @Test
    void aWrongAmountFailsWithExpectedAndComputedSideBySide() throws Exception {
        CaseResult r = run(oneCase("{stable_job_refund: 392596.48, hiring_subsidy: \"0\"}")).get(0);
        assertFalse(r.passed());
        assertEquals(List.of(new Mismatch("", "stable_job_refund", "amount", "392596.48", "392596.47")), r.mismatches());
        List<String> lines = CaseReport.lines(r);
        assertTrue(lines.get(0).startsWith("FAIL exactly 5.50%  ("), lines.get(0));
        assertTrue(lines.get(0).endsWith(", line 3)"), lines.get(0));
        assertEquals("     checks: seed003 @10660", lines.get(1));
        assertEquals("     program            field   expected   computed", lines.get(2));
        assertEquals("     stable_job_refund  amount  392596.48  392596.47", lines.get(3));
        assertEquals("0 passed, 1 failed", CaseReport.summary(List.of(r)));
    }

    @Test
    void amountsCompareByValueAndPrintAsWritten() throws Exception {
        // 0 and "0.00" are the same amount; 392596.470 is 392596.47
        assertTrue(run(oneCase("{stable_job_refund: 392596.470, hiring_subsidy: 0}")).get(0).passed());
        CaseResult r = run(oneCase("{total: \"392596.4\"}")).get(0);
        assertEquals(List.of(new Mismatch("", "", "total", "392596.4", "392596.47")), r.mismatches());
    }

    @Test
    void monthsSizeAndReasonAreChecked() throws Exception {
        CaseResult r = run(oneCase("{size_class: micro, size_source: derived, rent_waiver: {amount: 0.00, months: 1.00,"
                + " reason: landlord}, hiring_subsidy: {reason: \"grad_hires + youth_hires = 0\"}}")).get(0);
        assertEquals(List.of(
                new Mismatch("", "rent_waiver", "months", "1.00", "0.00"),
                new Mismatch("", "rent_waiver", "reason", "contains \"landlord\"", "no lease"),
                new Mismatch("", "", "size_class", "micro", "small"),
                new Mismatch("", "", "size_source", "derived", "declared")), r.mismatches());
    }

    @Test
    void aReasonCodeIsComparedWithTheProgramsCode() throws Exception {
        CaseResult wrong = run(oneCase("{hiring_subsidy: {amount: 0.00, reason_code: layoff_rate_over_limit}}"))
                .get(0);
        assertEquals(List.of(new Mismatch("", "hiring_subsidy", "reason_code", "layoff_rate_over_limit",
                "none_counted")), wrong.mismatches());
        CaseResult right = run(oneCase("{hiring_subsidy: {amount: 0.00, reason_code: none_counted}}")).get(0);
        assertEquals(List.of(), right.mismatches());
    }

    @Test
    void aProgramNotInForceAndARejectedRowAreOutcomesToo() throws Exception {
        CaseResult r = run(oneCase("{rejected: {reason: duplicate}}")).get(0);
        assertEquals(List.of(new Mismatch("", "", "rejected", "rejected, reason contains \"duplicate\"",
                "computed, total 392596.47")), r.mismatches());
        r = run(oneCase("{stable_job_refund: {in_force: false}}")).get(0);
        assertEquals(List.of(new Mismatch("", "stable_job_refund", "in_force", "false", "in force on 2022-06-30")),
                r.mismatches());
    }

    @Test
    void severalRowsAreExpectedByEntityIdWithADuplicateRowByRow() throws Exception {
        String row = "{entity_id: 91530111980102933U, name: 甲, entity_type: enterprise, region_code: 530111,"
                + " industry_code: C34, size_class: small, insured_employees: 189, layoffs: 11, ui_paid_last_year: 436218.30}";
        String body = "  - name: a duplicate\n    checks: SPEC §2\n    entities:\n      - " + row + "\n      - " + row + "\n"
                + "    expect:\n      91530111980102933U:\n        - {stable_job_refund: 392596.47}\n"
                + "        - {rejected: {reason: appears on an earlier row}}\n"
                + "      totals: {computed: 1, rejected: 1, total: 392596.47}\n";
        assertTrue(run(body).get(0).passed(), run(body).get(0).mismatches().toString());
        CaseResult r = run(body.replace("rejected: 1, total: 392596.47", "rejected: 0, total: 1")).get(0);
        assertEquals(List.of(new Mismatch("(totals)", "", "rejected", "0", "1"),
                new Mismatch("(totals)", "", "total", "1", "392596.47")), r.mismatches());
    }

    @Test
    void cellsAreReadByCalcsOwnRowParser() throws Exception {
        // thousands separators, full-width digits, 是/否: read as calc reads them
        String body = oneCase("{stable_job_refund: 392596.47}").replace("ui_paid_last_year: 436218.30",
                "ui_paid_last_year: \"436,218.30\", serious_dishonesty: 否, layoffs: １１").replace("layoffs: 11, ", "");
        assertTrue(run(body).get(0).passed(), run(body).get(0).mismatches().toString());
        // and a cell calc rejects rejects the row
        CaseResult r = run(oneCase("{stable_job_refund: 392596.47}").replace("layoffs: 11", "layoffs: -1")).get(0);
        assertEquals(1, r.mismatches().size());
        assertEquals("row", r.mismatches().get(0).field());
        assertTrue(r.mismatches().get(0).computed().startsWith("rejected: layoffs"), r.mismatches().toString());
    }

    @Test
    void aMalformedFileNamesTheKeyPathAndLine() throws Exception {
        List<String> p = problems("  - name: a\n    checks: b\n" + ENTITY
                + "    expect: {stable_job_refund: lots, nonsense: 1}\n    expected: 1\n");
        assertEquals(List.of(
                "cases[1].expect.nonsense (line 7): 'nonsense' is no program of the policy yunnan-2022-default (its "
                        + "programs: stable_job_refund, hiring_subsidy, absorption_subsidy, retention_training, "
                        + "skills_certificate, rent_waiver; also size_class, size_source, total, rejected)",
                "cases[1].expect.stable_job_refund (line 7): expected a number ≥ 0 like 0.9 or 1500, found 'lots'",
                "cases[1].expected (line 8): unknown or misplaced key 'expected'"), p.stream().sorted().toList());
        assertEquals(List.of("cases[1] (line 1): missing required key 'checks'",
                "cases[1].entity.insured (line 2): 'insured' is not a column of SPEC §2 or of the policy "
                        + "yunnan-2022-default; calc would ignore it").stream().map(s -> s.replace("line 1", "line 3")
                        .replace("line 2", "line 4")).toList(),
                problems("  - name: a\n    entity: {insured: 3}\n    expect: {total: 0}\n"));
        // The quote runs on through the file's last line, the as_of that file() writes after the cases.
        assertEquals(List.of("line 5, column 1: not valid YAML: found unexpected end of stream "
                + "(while scanning a quoted scalar)"), problems("  - name: \"a\n"));
    }

    /** An expectation that can never match (a typo in a code, a size that does not exist) is a problem, not a FAIL. */
    @Test
    void anExpectationNoOutcomeCanMeetIsAProblem() throws Exception {
        List<String> p = problems(oneCase("{rent_waiver: {reason_code: not_for_landlord_typ}, hiring_subsidy: 4000.001,"
                + " size_class: huge, size_source: guessed}"));
        assertTrue(p.get(0).contains("'not_for_landlord_typ' is not one of not_for_entity_type,"), p.get(0));
        assertTrue(p.toString().contains("4000.001 has more than 2 decimals"), p.toString());
        assertTrue(p.toString().contains("'huge' is not one of large, medium, small, micro"), p.toString());
        assertTrue(p.toString().contains("'guessed' is not one of declared, derived, declared_mismatch"), p.toString());
        List<String> q = problems(oneCase("{stable_job_refund: {reason_code: bad_credit_code}}"));
        assertTrue(q.get(0).contains("'bad_credit_code' is not one of not_for_entity_type"), q.toString());
    }

    /** Without a date a dated policy cannot be read: the case file is told to add as_of, not calc's --as-of. */
    @Test
    void aDatedPolicyWithoutAsOfAsksForAsOf() throws Exception {
        Path f = tmp.resolve("baoshan-cases.yaml");
        Files.writeString(f, "policy: " + Path.of("config/baoshan-2022.yaml").toAbsolutePath() + "\ncases:\n" + oneCase(
                "{stable_job_refund: 0}").replace("exactly 5.50%", "no date"), StandardCharsets.UTF_8);
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseLoader.load(f));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("as_of: the policy ")), e.problems().toString());
        assertTrue(e.problems().stream().noneMatch(p -> p.contains("--as-of")), e.problems().toString());
    }

    /** A folder may keep the policy beside its cases: only files with cases are read from it. */
    @Test
    void aFolderIsReadForItsCaseFilesOnly() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(file("{stable_job_refund: 72000}").getParent()
                .resolve("county"));
        java.nio.file.Files.copy(Path.of("config/policy.yaml"), folder.resolve("policy.yaml"));
        java.nio.file.Files.writeString(folder.resolve("cases.yaml"), "policy: policy.yaml\ncases: []\n");
        assertEquals(List.of(folder.resolve("cases.yaml")), CaseLoader.filesUnder(folder));
    }

    @Test
    void personsIsRefusedAsNotYetSupported() throws Exception {
        List<String> p = problems(oneCase("{total: 0}") + "    persons: []\n");
        assertEquals(List.of(
                "cases[1].persons (line 8): 'persons' is kept for per-person records and is not yet supported"), p);
    }

    @Test
    void aLedgerOfEarlierPaymentsIsReadAsStrictlyAsTheRest() throws Exception {
        List<String> p = problems(oneCase("{total: 0}") + "    ledger: [{program: stable_job_refun, paid: 100}]\n");
        assertEquals(List.of(
                "cases[1].ledger (line 8): a case with a ledger names the period of its batch, as 'period: 2022-06'",
                "cases[1].ledger[1] (line 8): missing required key 'amount'",
                "cases[1].ledger[1] (line 8): missing required key 'period'",
                "cases[1].ledger[1].paid (line 8): unknown or misplaced key 'paid'",
                "cases[1].ledger[1].program (line 8): 'stable_job_refun' is not a program of yunnan-2022-default"),
                p.stream().sorted().toList());
    }

    @Test
    void anUnusablePolicyMakesTheFileUnusable() throws Exception {
        Path f = tmp.resolve("p.yaml");
        Files.writeString(f, "policy: missing.yaml\ncases:\n" + oneCase("{total: 0}"));
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseLoader.load(f));
        assertTrue(e.problems().get(0).startsWith("policy (line 1): no policy file "), e.problems().toString());
        Path bad = tmp.resolve("bad-policy.yaml");
        Files.writeString(bad, "id: x\n");
        Files.writeString(f, "policy: bad-policy.yaml\ncases:\n" + oneCase("{total: 0}"));
        e = assertThrows(CaseFileException.class, () -> CaseLoader.load(f));
        assertTrue(e.problems().get(0).startsWith("cases[1].name (line 3): the policy "), e.problems().toString());
    }
}
