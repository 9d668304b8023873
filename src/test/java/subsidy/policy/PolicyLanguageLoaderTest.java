package subsidy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.program.Program;

/**
 * What the policy loader says of a wrong use of the policy language's columns, shares, tables and
 * figures: each problem named once, by key path and line, in words an analyst can act on.
 */
class PolicyLanguageLoaderTest {
    static final String LANGUAGE = read();

    static String read() {
        try {
            return Files.readString(Path.of("src/test/resources/policies/language.yaml"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test policy counts a date back from the as-of date, so it is read on one. */
    private static final Resolution AS_OF = Resolution.on(java.time.LocalDate.of(2022, 6, 30));

    private static List<String> problems(String yaml) {
        PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class,
                () -> PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", AS_OF));
        return e.problems();
    }

    private static String only(List<String> problems) {
        assertEquals(1, problems.size(), String.join("\n", problems));
        return problems.get(0);
    }

    @Test
    void theTestPolicyLoadsWithItsThirteenPrograms() throws Exception {
        Policy p = PolicyLoader.parse(LANGUAGE.getBytes(StandardCharsets.UTF_8), "language.yaml", AS_OF);
        assertEquals(List.of("workshop_reward", "innovation_voucher", "test_cost_relief", "premium_relief",
                "training_subsidy", "startup_subsidy", "region_reward", "trainee_subsidy", "rent_half_year", "refund_up_to", "hire_up_to", "return_home_startup", "greenhouse"),
                p.programs().stream().map(Program::id).toList());
    }

    @Test
    void everyPassageTheTestPolicyCitesStandsAtItsOffset() throws Exception {
        Policy p = PolicyLoader.parse(LANGUAGE.getBytes(StandardCharsets.UTF_8), "language.yaml", Resolution.CHECK);
        assertEquals(List.of(), Citations.check(p, Path.of("seeds")));
    }

    @Test
    void anUnknownColumnKindListsTheKinds() {
        String p = only(problems(LANGUAGE.replace("poor_wages: {kind: money", "poor_wages: {kind: yuan")));
        assertEquals("columns.poor_wages.kind (line " + PolicyLoaderTest.lineOf(LANGUAGE, "poor_wages: {kind")
                + "): 'yuan' is not a column kind (count, boolean, money, rate, number, date, code)", p);
    }

    @Test
    void onlyACodeColumnListsValues() {
        String p = only(problems(LANGUAGE.replace("trainees: {kind: count,", "trainees: {kind: count, values: [a],")));
        assertTrue(p.startsWith("columns.trainees.values (line " + PolicyLoaderTest.lineOf(LANGUAGE, "trainees: {kind")
                + "): only a column of kind code lists its values"), p);
    }

    @Test
    void aShareOfACountColumnNamesTheKindItIs() {
        String p = only(problems(LANGUAGE.replace("base: poor_wages", "base: poor_workers")));
        assertEquals("programs.workshop_reward.base (line " + PolicyLoaderTest.lineOf(LANGUAGE, "base: poor_wages")
                + "): 'poor_workers' is not a money input column (SPEC §2 or columns:); it is a count column", p);
    }

    @Test
    void aRateAboveOneIsAProblem() {
        String p = only(problems(LANGUAGE.replace("rate: 0.50", "rate: 50")));
        assertTrue(p.contains("a rate is between 0 and 1, found 50"), p);
    }

    @Test
    void aFigureChosenOutsideWhatTheTextAllowsIsAProblem() {
        String p = only(problems(LANGUAGE.replace("{up_to: 6000, pay: 3000", "{up_to: 6000, pay: 8000")));
        assertTrue(p.contains("8000 is outside what the text allows (up to 6000)"), p);
    }

    @Test
    void aFigureNeedsTheValuePaid() {
        String p = only(problems(LANGUAGE.replace("{from: 6000, to: 10000, pay: 10000}", "{from: 6000, to: 10000}")));
        assertTrue(p.contains("missing required key 'pay'"), p);
    }

    @Test
    void aTableByACodeTakesAmountsNotBands() {
        String yaml = LANGUAGE.replace("    by: training_level\n    per: trainees\n    amounts:",
                "    by: training_level\n    per: trainees\n    bands: []\n    amounts:");
        String p = only(problems(yaml));
        assertTrue(p.contains("training_level is a code column, chosen from by amounts, not bands"), p);
    }

    @Test
    void aTableOfACodeColumnListsOnlyItsValues() {
        String p = only(problems(LANGUAGE.replace("      junior: 300", "      beginner: 300")));
        assertTrue(p.contains("'beginner' is not one of the values of training_level (junior, intermediate, senior)"), p);
    }

    @Test
    void aTableByADateColumnIsAProblem() {
        String p = only(problems(LANGUAGE.replace("by: jobs_created", "by: claim_date")));
        assertTrue(p.contains("'claim_date' is not a code or count or money or rate or number input column"), p);
    }

    @Test
    void aDeadlineOnANonDateColumnIsAProblem() {
        String p = only(problems(LANGUAGE.replace("dates: {claim_date:", "dates: {jobs_created:")));
        assertTrue(p.contains("'jobs_created' is not a date input column"), p);
    }

    @Test
    void aMonthsWindowNeedsBothEnds() {
        String p = only(problems(LANGUAGE.replace("window: {from: 2022-05-01, to: 2023-04-30}",
                "window: {from: 2022-05-01}")));
        assertTrue(p.contains("programs.premium_relief.months.window") && p.contains("give both 'from' and 'to'"), p);
    }

    @Test
    void aDateCountedBackFromTheAsOfDateNeedsOne() {
        PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class,
                () -> PolicyLoader.parse(LANGUAGE.getBytes(StandardCharsets.UTF_8), "test.yaml", Resolution.UNDATED));
        String p = only(e.problems());
        assertTrue(p.contains("months_before_as_of") && p.contains("a date counted back from the as-of date; give --as-of"), p);
    }

    private static int line(String text) {
        return PolicyLoaderTest.lineOf(LANGUAGE, text);
    }

    private static List<String> allWarnings(String yaml) throws PolicyException {
        return PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", AS_OF).warnings();
    }

    private static List<String> warnings(String yaml) throws PolicyException {
        return PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", AS_OF).warnings().stream()
                .filter(w -> w.contains(".bands")).toList();
    }

    @Test
    void theTestPolicysBandsFollowOnWithoutGapOrOverlap() throws PolicyException {
        assertEquals(List.of(), warnings(LANGUAGE));
    }

    @Test
    void aGapBetweenBandsOfACountIsWarnedOf() throws PolicyException {
        assertEquals(List.of("programs.startup_subsidy.bands[1] (line " + line("{from: 5, amount: {from: 6000") + "): between the band before it and this one, 5 falls in no"
                + " band and is paid nothing"), warnings(LANGUAGE.replace("{from: 5, amount: {from: 6000",
                "{from: 6, amount: {from: 6000")));
    }

    @Test
    void overlappingBandsAreWarnedOf() throws PolicyException {
        assertEquals(List.of("programs.startup_subsidy.bands[1] (line " + line("{from: 5, amount: {from: 6000") + "): overlaps the band before it; the first band that holds"
                + " is used"), warnings(LANGUAGE.replace("{from: 5, amount: {from: 6000", "{from: 4, amount: {from: 6000")));
        assertEquals(List.of("programs.trainee_subsidy.bands[1] (line " + line("{from: 0.5, amount: 2000}") + "): overlaps the band before it at exactly 0.5; the first"
                + " band that holds is used"), warnings(LANGUAGE.replace("{under: 0.5, amount: 1500}", "{to: 0.5, amount: 1500}")));
    }

    @Test
    void valuesAboveTheLastBandAreWarnedOf() throws PolicyException {
        assertEquals(List.of("programs.startup_subsidy.bands[1] (line " + line("{from: 5, amount: {from: 6000") + "): above 9 falls in no band and is paid nothing (give the"
                + " last band no upper bound if that is not meant)"),
                warnings(LANGUAGE.replace("{from: 5, amount: {from: 6000", "{from: 5, to: 9, amount: {from: 6000")));
    }

    @Test
    void aTableWithNoAmountYetLoadsAndIsWarnedOf() throws PolicyException {
        String yaml = LANGUAGE.replace("      \"622921\": 30000\n", "").replace("    amounts:\n\n", "    amounts: {}\n\n");
        Policy p = PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", AS_OF);
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("programs.region_reward.amounts (line ")
                && w.endsWith("no region_code has an amount yet; the program pays nothing until the figures are"
                        + " written here")), String.join("\n", p.warnings()));
    }

    @Test
    void aRegionTableKeyIsASixDigitCode() {
        String p = only(problems(LANGUAGE.replace("\"622921\": 30000", "\"62292\": 30000")));
        assertTrue(p.contains("'62292' is not a 6-digit region code"), p);
    }

    // ---- found by a cold review: what can never hold or never match is a problem, said once

    @Test
    void aMonthsLimitOnAProgramThatCountsNoMonthsIsAProblem() {
        String p = only(problems(LANGUAGE.replace("kind: amount_per_year\n      cap: 300000", "kind: months")));
        assertTrue(p.contains("a limit of kind months is for a program that reports months (rent_waiver);"
                + " innovation_voucher pays an amount"), p);
    }

    @Test
    void aCodeACodeColumnCannotHoldIsAProblem() {
        assertTrue(only(problems(LANGUAGE.replace("dates: {claim_date: {to: 2022-12-31}}",
                "dates: {claim_date: {to: 2022-12-31}}\n      codes: {training_level: [senior, master]}")))
                .contains("'master' is not one of the values of training_level (junior, intermediate, senior)"));
        assertTrue(only(problems(LANGUAGE.replace("dates: {claim_date: {to: 2022-12-31}}",
                "dates: {claim_date: {to: 2022-12-31}}\n      codes: {region_code: [abc]}")))
                .contains("'abc' is not a 6-digit region code"));
        assertTrue(only(problems(LANGUAGE.replace("dates: {claim_date: {to: 2022-12-31}}",
                "dates: {claim_date: {to: 2022-12-31}}\n      codes: {industry_code: [c34]}")))
                .contains("'c34' is not a GB/T 4754 code as the input holds it"));
    }

    @Test
    void aCodeColumnListsSomeValuesEachOnce() {
        assertTrue(only(problems(LANGUAGE.replace("values: [junior, intermediate, senior]", "values: []")))
                .contains("list at least one value, or leave values out to take any code"));
        assertTrue(only(problems(LANGUAGE.replace("values: [junior, intermediate, senior]",
                "values: [junior, intermediate, senior, Senior]"))).contains("a value is listed twice"));
    }

    @Test
    void aChineseHeaderThatNamesAnotherColumnIsAProblem() {
        assertTrue(only(problems(LANGUAGE.replace("trainees: {kind: count, chinese: 培训人数}",
                "trainees: {kind: count, chinese: 从业人员}")))
                .contains("'从业人员' is already the header of employees; a header cell names one column"));
        assertTrue(only(problems(LANGUAGE.replace("trainees: {kind: count, chinese: 培训人数}",
                "trainees: {kind: count, chinese: 培训等级}")))
                .contains("'培训等级' is already the header of training_level"));
    }

    @Test
    void aChineseHeaderWithCapitalsIsFoundAsWritten() {
        subsidy.entity.InputSchema schema = new subsidy.entity.InputSchema(List.of(new subsidy.entity.ExtraColumn(
                "gdp_growth", "GDP增量", subsidy.entity.Column.Kind.MONEY, 0)), java.util.Set.of());
        assertTrue(schema.extraForHeader("GDP增量").isPresent());
        assertTrue(schema.extraForHeader(" gdp增量 ").isPresent(), "as every header: whatever its case and spaces");
    }

    @Test
    void aMoneyFigureIsToTheFen() {
        // The limit's cap and the run's cap, both written 300000 in the test policy.
        List<String> both = problems(LANGUAGE.replace("    cap: 300000\n", "    cap: 300000.005\n"));
        assertEquals(2, both.size(), String.join("\n", both));
        assertTrue(both.stream().allMatch(p -> p.contains("300000.005 is in yuan to the fen: at most two decimals")));
        assertTrue(only(problems(LANGUAGE.replace("{column: poor_workers, amount: 500}",
                "{column: poor_workers, amount: 0.001}"))).contains("0.001 is in yuan to the fen"));
    }

    @Test
    void aLeastRateAboveOneIsAProblem() {
        assertTrue(only(problems(LANGUAGE.replace("at_least: {poor_workers: 5}",
                "at_least: {poor_workers: 5, retention_rate: 1.5}"))).contains("a rate is between 0 and 1, found 1.5"));
    }

    @Test
    void anAmountPerUnitIsOfANumberColumn() {
        String p = only(problems(LANGUAGE.replace("base: greenhouse_m2", "base: voucher_spent")));
        assertTrue(p.contains("'voucher_spent' is not a number input column (SPEC §2 or columns:); it is a money column"), p);
    }

    @Test
    void eachWrongFigureIsSaidOnce() {
        assertTrue(only(problems(LANGUAGE.replace("    per_unit: 30\n", "    per_unit: 30\n    rate: 0.1\n")))
                .contains("give rate (a share of money) or per_unit (an amount per unit), not both"));
        assertTrue(only(problems(LANGUAGE.replace("cap: 300000\n      source:", "cap: -5\n      source:")))
                .contains("expected a number ≥ 0"));
        assertTrue(only(problems(LANGUAGE.replace("months_before_as_of: 12", "months_before_as_of: -3")))
                .contains("expected a whole number ≥ 0"));
        assertTrue(only(problems(LANGUAGE.replace("at_least: {poor_workers: 5}",
                "at_least: {poor_workers: 5}\n      industry_prefixes_not: [\"\"]"))).contains("expected a value, found empty"));
    }

    @Test
    void aRateOfNothingIsWarnedOf() throws PolicyException {
        assertTrue(allWarnings(LANGUAGE.replace("    rate: 0.15\n", "    rate: 0\n")).stream()
                .anyMatch(w -> w.startsWith("programs.workshop_reward.rate (line ") && w.endsWith("a rate of 0 pays nothing to anyone")));
    }

    @Test
    void bandsOfMoneyFollowOnByTheFenAndARatesReachOne() throws PolicyException {
        String money = LANGUAGE.replace("by: jobs_created", "by: voucher_spent")
                .replace("{from: 1, to: 4, amount: 6000}", "{from: 0.01, to: 4.99, amount: 6000}");
        assertEquals(List.of(), warnings(money));
        assertEquals(List.of(), warnings(LANGUAGE.replace("{from: 0.5, amount: 2000}", "{from: 0.5, to: 1, amount: 2000}")));
        assertEquals(List.of("programs.trainee_subsidy.bands[1] (line " + line("{from: 0.5, amount: 2000}")
                + "): from 1 up falls in no band and is paid nothing (give the last band no upper bound if that is not"
                + " meant)"), warnings(LANGUAGE.replace("{from: 0.5, amount: 2000}", "{from: 0.5, under: 1, amount: 2000}")));
    }

    @Test
    void aCountsBandIsOfWholeNumbersAndHoldsSomething() {
        assertTrue(only(problems(LANGUAGE.replace("{from: 1, to: 4, amount: 6000}", "{from: 0.5, to: 4, amount: 6000}")))
                .contains("0.5 is not a whole number; the column counts"));
        assertTrue(only(problems(LANGUAGE.replace("{from: 1, to: 4, amount: 6000}", "{from: 5, to: 1, amount: 6000}")))
                .contains("the band from 5 to 1 holds no value"));
    }

    @Test
    void aTableMayChooseByEntityType() throws PolicyException {
        Policy p = PolicyLoader.parse(LANGUAGE.replace("by: region_code\n", "by: entity_type\n")
                .replace("\"622921\": 30000", "individual_business: 30000").getBytes(StandardCharsets.UTF_8), "t.yaml", AS_OF);
        assertTrue(p.programs().stream().anyMatch(x -> x.id().equals("region_reward")));
    }

    @Test
    void aLeastAmountAboveTheCapIsAProblem() {
        String p = only(problems(LANGUAGE.replace("    rate: 0.50\n    cap: 300000", "    rate: 0.50\n    cap: 300000\n"
                + "    minimum: 400000")));
        assertTrue(p.contains("the least amount 400000 is above the cap 300000"), p);
    }
}
