package subsidy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.DefaultPolicy;
import subsidy.input.InputFile;

/** explain must show every number an auditor needs to redo the sum by hand. */
class ExplainerTest {
    private static Explanation explain(String sample, String id) throws Exception {
        return new Explainer(DefaultPolicy.POLICY)
                .explain(List.of(new InputFile(Path.of("samples", sample), null)), id).orElseThrow();
    }

    private static Explanation.ProgramSteps program(Explanation x, String id) {
        return x.programs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void refundShowsLayoffRateSizeRateFormulaAndRounding() throws Exception {
        // 红塔区某某火锅餐饮: declared small, H62 with 120 employees and 2500万 revenue is medium;
        // 3 / (3 + 110) = 2.65% ≤ 5.5%; 0.90 × 231000.00 = 207900.00
        Explanation x = explain("firms.csv", "915304024619715393");
        assertEquals(42, x.line());
        assertTrue(x.size().contains("medium (employees ≥ 100: 120 met, revenue ≥ 2000万: 2500万 met): yes"),
                x.size().toString());
        assertTrue(x.size().get(x.size().size() - 1).endsWith("→ medium (declared_mismatch)"));
        Explanation.ProgramSteps refund = program(x, "stable_job_refund");
        assertEquals(List.of("serious_dishonesty is false: met", "ui_paid_last_year 231000.00 > 0: met",
                "layoff rate 3 / (3 + 110) = 2.65% ≤ 5.50%: met", "rate for medium enterprise: 90.00%",
                "amount = 0.90 × 231000.00 = 207900.0000 → 207900.00 (half-up to 0.01)"), refund.steps());
        assertEquals("207900.00", refund.amount());
        assertTrue(refund.clauses().get(0).startsWith("seed003 @10666 (seeds/003_a635056c91f675c3.txt) 「大型企业"));
    }

    @Test
    void shortLeaseShowsDaysExactQuotientAndMonths() throws Exception {
        // 江川区某某摄影: 2022-03-01..05-30 is 91 days, one short of 3 months:
        // 5800 × 12 × 91 / 365 = 17352.328767… → 17352.33; 91 × 12 / 365 = 2.99
        Explanation x = explain("firms.csv", "91530421MAA5JJC1XX");
        Explanation.ProgramSteps rent = program(x, "rent_waiver");
        assertTrue(rent.steps().contains("days = 2022-05-30 − 2022-03-01 + 1 = 91"), rent.steps().toString());
        assertTrue(rent.steps().contains("amount = 5800 × 12 × 91 / 365 = 17352.328767… → 17352.33 (half-up to "
                + "0.01); months = 91 × 12 / 365 = 2.99"), rent.steps().toString());
        assertEquals("17352.33", rent.amount());
        assertEquals("2.99", rent.months());
        assertEquals("11070.00 + 0.00 + 0.00 + 0.00 + 0.00 + 17352.33 = 28422.33", x.total());
    }

    @Test
    void zeroAmountSaysWhichConditionFailed() throws Exception {
        Explanation x = explain("firms.csv", "915304024619715393");
        Explanation.ProgramSteps rent = program(x, "rent_waiver");
        assertEquals("0.00", rent.amount());
        assertTrue(rent.steps().contains("size medium is not one of micro, small: not met"), rent.steps().toString());
    }

    @Test
    void rejectedRowIsExplainedByItsReasons() throws Exception {
        Explanation x = explain("messy.csv", "91530521610472363E");
        assertFalse(x.computed());
        assertEquals(13, x.line());
        assertEquals(List.of("employees: \"-3\" must be a whole number ≥ 0"), x.rejected());
        assertEquals("-3", x.inputs().get("employees"));
    }

    @Test
    void enterpriseWhoseSizeCannotBeSettledIsExplainedAsRejected() throws Exception {
        Explanation x = explain("messy.csv", "91530424153165092U");
        assertFalse(x.computed());
        assertTrue(x.rejected().get(0).startsWith("size_class: blank, and employees/revenue/total_assets are not"));
        // Not computed: it has its name, as a computed row has, and no total, which only a computed row has.
        assertEquals("华宁县某某柑桔加工有限公司", x.name());
        assertNull(x.total());
        assertTrue(ExplanationFormat.json(x).contains("\"total\" : null"), ExplanationFormat.json(x));
    }

    @Test
    void duplicatesOfTheExplainedRowAreListed() throws Exception {
        Explanation x = explain("messy.csv", "91530402559810434g");
        assertTrue(x.computed());
        assertEquals(4, x.line());
        assertEquals(1, x.others().size());
        assertTrue(x.others().get(0).startsWith("samples/messy.csv line 20: "), x.others().get(0));
        assertTrue(x.others().get(0).endsWith(" [duplicate_entity_id]"), x.others().get(0));
    }

    @Test
    void textAndJsonCarryTheSameFigures() throws Exception {
        Explanation x = explain("firms.csv", "91530421MAA5JJC1XX");
        String text = ExplanationFormat.text(x);
        String json = ExplanationFormat.json(x);
        assertTrue(text.contains("amount: 17352.33 (2.99 months)"), text);
        assertTrue(json.contains("\"amount\" : \"17352.33\""), json);
    }

    /** Each zero amount's reason comes with its code, in JSON as reasonCode and in the text in brackets. */
    @Test
    void aZeroAmountCarriesItsReasonCodeInJsonAndText() throws Exception {
        Explanation x = explain("firms.csv", "915304024619715393");
        Explanation.ProgramSteps rent = program(x, "rent_waiver");
        assertEquals("no_alternative_met", rent.reasonCode());
        assertNull(program(x, "stable_job_refund").reasonCode());
        String json = ExplanationFormat.json(x);
        assertTrue(json.contains("\"reasonCode\" : \"no_alternative_met\""), json);
        assertTrue(json.contains("\"reasonCode\" : null"), json);
        assertTrue(ExplanationFormat.text(x).contains("amount: 0.00 (0.00 months) — " + rent.reason()
                + " [no_alternative_met]\n"),
                ExplanationFormat.text(x));
    }

    @Test
    void aRejectedRowCarriesTheCodeOfEachReason() throws Exception {
        Explanation x = explain("messy.csv", "91530521610472363E");
        assertEquals(List.of("negative_count"), x.rejectedCodes());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(ExplanationFormat.json(x));
        assertEquals("negative_count", json.path("rejectedCodes").path(0).asText(), json.toString());
        assertEquals(1, json.path("rejectedCodes").size());
        assertTrue(ExplanationFormat.text(x).contains("  - employees: \"-3\" must be a whole number ≥ 0 [negative_count]\n"),
                ExplanationFormat.text(x));
        assertEquals(List.of("size_not_derivable"), explain("messy.csv", "91530424153165092U").rejectedCodes());
    }

    /** Full-width digits, as a clerk copies them from a Chinese document, name the id calc reads from a cell. */
    @Test
    void idInFullWidthDigitsFindsTheEntityAsACellWouldBeRead() throws Exception {
        Explanation x = explain("firms.csv", "\uFF19\uFF11\uFF15\uFF13\uFF10\uFF14\uFF10\uFF12\uFF14\uFF16"
                + "\uFF11\uFF19\uFF17\uFF11\uFF15\uFF13\uFF19\uFF13");
        assertEquals("915304024619715393", x.entityId());
        assertTrue(x.computed());
        assertEquals("91530421MAA5JJC1XX", explain("firms.csv", "\u3000９１５３０４２１ｍａａ５ｊｊｃ１ｘｘ\u00A0").entityId());
    }

    /** A rejected row's id is looked up the same way: full-width in the --id, ASCII or full-width in the cell. */
    @Test
    void idInFullWidthDigitsFindsARejectedRowToo() throws Exception {
        Explanation x = explain("messy.csv", "９１５３０５２１６１０４７２３６３Ｅ");
        assertFalse(x.computed());
        assertEquals(13, x.line());
    }

    /** explain's text shows cells as read, but a control character in one cannot act on the terminal. */
    @Test
    void explainTextEscapesControlCharactersOfTheInput(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("ctl.csv"), "entity_id,name,entity_type,region_code,industry_code,"
                + "employees\n91440300708461136T,\"甲\u001b]0;x\u0007\u202e\",individual_business,530102,H62,\u001b[2J\n");
        Explanation x = new Explainer(DefaultPolicy.POLICY).explain(List.of(new InputFile(f, null)),
                "91440300708461136T").orElseThrow();
        String text = ExplanationFormat.text(x);
        assertTrue(text.contains("甲\\x1b]0;x\\x07\\u202e"), text);
        assertTrue(text.contains("employees: \"\\x1b[2J\" is not a whole number"), text);
        assertTrue(text.chars().noneMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e)), text);
        assertEquals("甲\u001b]0;x\u0007\u202e", x.inputs().get("name"));
    }

    /** A blank cell is null in JSON (a script tells it from a cell holding "(blank)"), "(blank)" in the text. */
    @Test
    void aBlankCellIsNullInJsonAndSaidBlankInText(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("blank.csv"), "entity_id,name,entity_type,region_code,industry_code,size_class,employees\n"
                + "91440300708461136T,甲,enterprise,530102,M74,small,\n");
        Explanation x = new Explainer(DefaultPolicy.POLICY).explain(
                List.of(new subsidy.input.InputFile(f, null)), "91440300708461136T").orElseThrow();
        assertTrue(ExplanationFormat.json(x).contains("\"employees\" : null"), ExplanationFormat.json(x));
        assertTrue(ExplanationFormat.text(x).matches("(?s).*\n  employees +\\(blank\\)\n.*"), ExplanationFormat.text(x));
    }
}
