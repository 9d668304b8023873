package subsidy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import subsidy.input.Rejection;
import org.junit.jupiter.api.io.TempDir;
import subsidy.entity.Entity;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.input.RowSink;
import subsidy.input.SeenIds;

/** SPEC §6: rejected.csv keeps the original row, so a clerk can fix it and send it again. */
class RejectedTableTest {
    private static final Rejection ROW = new Rejection("b.csv", 7, "91530102MA6K0XTE2L",
            List.of("91530102MA6K0XTE2L", "某某公司, 昆明", "enterprise", "1,034,785.71", "say \"hi\""),
            List.of("revenue: bad"), List.of("not_a_number"));

    @Test
    void inputsWithOneHeaderKeepEachCellInItsColumn() {
        RejectedTable t = new RejectedTable(List.of("entity_id", "name", "entity_type", "revenue", "note"));
        assertEquals(List.of("b.csv", "7", "revenue: bad", "not_a_number", "91530102MA6K0XTE2L", "某某公司, 昆明", "enterprise",
                "1,034,785.71", "say \"hi\""), t.row(ROW));
    }

    /** With headers that differ the row is one cell; written as CSV, it still reads back into its cells. */
    @Test
    void inputsWithDifferentHeadersKeepTheRowAsCsvThatReadsBackIntoItsCells() throws Exception {
        String original = new RejectedTable(null).row(ROW).get(4);
        try (CSVParser back = CSVParser.parse(original, CSVFormat.RFC4180)) {
            assertEquals(ROW.cells(), back.getRecords().get(0).toList());
        }
    }

    static final List<String> INPUT_HEADER = List.of("entity_id", "name", "entity_type", "region_code", "industry_code",
            "employees", "revenue");
    static final Rejection SHORT = new Rejection("a.csv", 3, "91440300708461136T",
            List.of("91440300708461136T", "某某店", "individual_business", "530102", "H62"),
            List.of("row has 5 cells, the header has 7"), List.of("cells_count_mismatch"));
    static final Rejection LONG = new Rejection("a.csv", 4, "91310000775785552L",
            List.of("91310000775785552L", "某某店", "individual_business", "530102", "H62", "3", "100", "多出", ""),
            List.of("row has 9 cells, the header has 7"), List.of("cells_count_mismatch"));

    /** A short row stays short and a long one keeps its extra cells: padding would make a shifted row computable. */
    @Test
    void rejectedRowKeepsItsCellsExactlyAsRead() {
        RejectedTable t = new RejectedTable(INPUT_HEADER);
        assertEquals(List.of("a.csv", "3", "row has 5 cells, the header has 7", "cells_count_mismatch", "91440300708461136T", "某某店",
                "individual_business", "530102", "H62"), t.row(SHORT));
        assertEquals(List.of("a.csv", "4", "row has 9 cells, the header has 7", "cells_count_mismatch", "91310000775785552L", "某某店",
                "individual_business", "530102", "H62", "3", "100", "多出", ""), t.row(LONG));
    }

    /** rejected.csv sent back unchanged as an input rejects each ragged row again, for the same reason. */
    @Test
    void rejectedCsvReadBackRejectsARaggedRowAgainForTheSameReason(@TempDir Path dir) throws Exception {
        RejectedTable t = new RejectedTable(INPUT_HEADER);
        Path f = dir.resolve("rejected.csv");
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(f), CSVFormat.RFC4180)) {
            p.printRecord(t.header());
            p.printRecord(t.row(SHORT));
            p.printRecord(t.row(LONG));
        }
        List<Rejection> again = new ArrayList<>();
        List<Entity> computed = new ArrayList<>();
        new InputFile(f, null).read(new SeenIds(), new RowSink() {
            @Override
            public void accepted(Entity e, String file, long line) {
                computed.add(e);
            }

            @Override
            public void rejected(Rejection r) {
                again.add(r);
            }
        });
        assertEquals(List.of(), computed);
        assertEquals(2, again.size(), again.toString());
        assertEquals(List.of("row has 9 cells, the header has 11"), again.get(0).reasons());
        assertEquals(List.of("row has 13 cells, the header has 11"), again.get(1).reasons());
        assertEquals(List.of("cells_count_mismatch"), again.get(1).codes());
        assertTrue(again.stream().allMatch(r -> r.cells().subList(4, r.cells().size()).equals(
                r.line() == 2 ? SHORT.cells() : LONG.cells())), again::toString);
    }

    /**
     * A script pairs each reason with its code: one a line in both cells. "; " could not separate them:
     * a reason may say "…by a spreadsheet; export the column as text", or quote a name holding "; ".
     */
    @Test
    void eachReasonAndItsCodeStandOnALineOfTheirOwn() {
        Rejection r = new Rejection("in.csv", 7, "9.15301E+17", List.of("9.15301E+17", "甲; 乙"),
                List.of("entity_id: \"9.15301E+17\" was turned into a number by a spreadsheet; export the column as text",
                        "name: \"甲; 乙\" is odd"), List.of("spreadsheet_mangled", "missing_value"));
        List<String> row = new RejectedTable(null).row(r);
        assertEquals(2, row.get(2).split("\n").length);
        assertEquals("spreadsheet_mangled\nmissing_value", row.get(3));
        assertEquals(row.get(2).split("\n")[1], "name: \"甲; 乙\" is odd");
    }
}
