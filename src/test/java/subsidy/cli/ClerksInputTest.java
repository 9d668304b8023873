package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.CommandLineRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun.Result;

/**
 * Lists as clerks keep them (issue 19): a title and notes above the header, rows of empty cells that
 * Excel leaves below the table. Neither is a row to compute or reject; each is counted in the manifest
 * and said on standard error, and every row's line is still its line in the file.
 */
class ClerksInputTest {
    private static final Path TITLED = Path.of("src/test/resources/bad/input/title_rows_above_header.csv");

    @TempDir
    Path tmp;

    @Test
    void aTitleAboveTheHeaderAndEmptyRowsBelowAreSkippedCountedAndSaid() throws Exception {
        Path out = tmp.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", TITLED.toString(), "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(TITLED + ": the header is on line 3; the 2 row(s) above it (a title, notes) were"
                + " skipped"), r.err());
        assertTrue(r.err().contains(TITLED + ": 2 row(s) of empty cells were ignored"), r.err());
        JsonNode input = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("inputs").get(0);
        assertEquals(List.of(3L, 2L, 2L, 3L, 2L, 1L), List.of(input.path("header_line").asLong(),
                input.path("rows_above_header").asLong(), input.path("empty_rows_ignored").asLong(),
                input.path("rows_read").asLong(), input.path("rows_computed").asLong(),
                input.path("rows_rejected").asLong()));
        // The rejected row keeps its line in the file, title rows and all.
        assertTrue(Files.readString(out.resolve("rejected.csv")).contains(TITLED + ",6,"));
        Result verify = run("verify", "--input", TITLED.toString(), "--report", out.resolve("report.csv").toString());
        assertEquals(0, verify.exit(), verify.out() + verify.err());
    }

    @Test
    void aHeaderWithAWrongColumnIsStillNamedOnItsLineNotSearchedBelow() throws Exception {
        // The first record names columns (entity_id, name, …), so it is the header, gone wrong: said as before.
        Path f = tmp.resolve("typo.csv");
        Files.writeString(f, "entity_id,name,entity_typ,region_code,industry_code\n"
                + "91530428MA7TT0001X,甲,enterprise,530428,C1353\n", StandardCharsets.UTF_8);
        Result r = run("calc", "--as-of", "2022-06-30", "--input", f.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains(f + ": line 1 (header):"), r.err());
    }

    @Test
    void aFileWithNoHeaderInItsFirstTwentyRowsIsRefusedNamingTheFirst() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            sb.append("说明第").append(i + 1).append("行,,\n");
        }
        sb.append("entity_id,name,entity_type,region_code,industry_code\n");
        Path f = tmp.resolve("deep.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        Result r = run("calc", "--as-of", "2022-06-30", "--input", f.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains(f + ": line 1 (header):"), r.err());
    }

    @Test
    void theSeparatorIsFoundOrGivenAndTheManifestSaysWhich() throws Exception {
        Path semicolons = Path.of("src/test/resources/bad/input/semicolon_separated.csv");
        Path tabs = Path.of("src/test/resources/bad/input/excel_unicode_text.txt");
        for (Path f : List.of(semicolons, tabs)) {
            Path out = tmp.resolve(f.getFileName().toString());
            Result r = run("calc", "--as-of", "2022-06-30", "--input", f.toString(), "--out", out.toString());
            assertEquals(1, r.exit(), r.err());
            JsonNode input = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("inputs").get(0);
            assertEquals(f == tabs ? "tab" : "semicolon", input.path("delimiter").asText());
            assertEquals(f == tabs ? "UTF-16LE" : "UTF-8", input.path("encoding").asText());
            assertEquals(2, input.path("rows_computed").asLong());
        }
        Result given = run("calc", "--as-of", "2022-06-30", "--input", semicolons.toString(), "--delimiter", "semicolon",
                "--out", tmp.resolve("given").toString());
        assertEquals(1, given.exit(), given.err());
        // A comma given for a semicolon file: its header is one cell, naming no column.
        Result wrong = run("calc", "--as-of", "2022-06-30", "--input", semicolons.toString(), "--delimiter", ",");
        assertEquals(3, wrong.exit(), wrong.err());
        assertTrue(wrong.err().contains(semicolons + ": line 1 (header):"), wrong.err());
        Result bad = run("calc", "--as-of", "2022-06-30", "--input", semicolons.toString(), "--delimiter", "colon");
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().contains("--delimiter: 'colon' is not one of comma, tab, semicolon, pipe"), bad.err());
    }
}
