package subsidy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import subsidy.input.Rejection;

/** SPEC §6: rejected.csv keeps the original row, so a clerk can fix it and send it again. */
class RejectedTableTest {
    private static final Rejection ROW = new Rejection("b.csv", 7, "91530102MA6K0XTE2L",
            List.of("91530102MA6K0XTE2L", "某某公司, 昆明", "enterprise", "1,034,785.71", "say \"hi\""),
            List.of("revenue: bad"));

    @Test
    void inputsWithOneHeaderKeepEachCellInItsColumn() {
        RejectedTable t = new RejectedTable(List.of("entity_id", "name", "entity_type", "revenue", "note"));
        assertEquals(List.of("b.csv", "7", "revenue: bad", "91530102MA6K0XTE2L", "某某公司, 昆明", "enterprise",
                "1,034,785.71", "say \"hi\""), t.row(ROW));
    }

    /** With headers that differ the row is one cell; written as CSV, it still reads back into its cells. */
    @Test
    void inputsWithDifferentHeadersKeepTheRowAsCsvThatReadsBackIntoItsCells() throws Exception {
        String original = new RejectedTable(null).row(ROW).get(3);
        try (CSVParser back = CSVParser.parse(original, CSVFormat.RFC4180)) {
            assertEquals(ROW.cells(), back.getRecords().get(0).toList());
        }
    }
}
