package subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import subsidy.entity.Entity;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.input.RejectionCode;
import subsidy.input.RowSink;
import subsidy.input.SeenIds;
import subsidy.program.ReasonCode;

/**
 * Every reason has a stable code from the catalogue ({@link ReasonCode}, {@link RejectionCode}); no
 * two kinds of reasons share one; a published code is never renamed; README.md lists them all.
 */
class ReasonCodeCatalogueTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Set<String> PROGRAM_CODES = codes(ReasonCode.values(), ReasonCode::code);
    private static final Set<String> REJECTION_CODES = codes(RejectionCode.values(), RejectionCode::code);

    /**
     * The codes as published. A test case or a script may depend on any of them: rename or remove none.
     * A new kind of reason adds its code here, to its enum and to README.md's table.
     */
    private static final List<String> PUBLISHED_PROGRAM_CODES = List.of("not_for_entity_type", "not_sized",
            "not_for_size", "not_for_industry", "region_not_listed", "condition_false", "condition_true",
            "serious_dishonesty", "below_minimum", "no_lease", "not_for_landlord_type", "no_alternative_met",
            "not_insured", "layoff_rate_over_limit", "layoff_rate_in_no_tier", "none_counted", "no_rent",
            "lease_outside_rent_period", "months_already_granted", "paid_by_higher_program",
            "no_value", "outside_date_window", "not_for_code", "nothing_in_base", "no_months_in_window",
            "not_in_table", "capped", "raised_to_minimum", "figure_chosen",
            "ledger_paid_already", "ledger_months_used", "ledger_cap_reached", "counted_from_hires");
    private static final List<String> PUBLISHED_REJECTION_CODES = List.of("cells_count_mismatch", "text_after_quote",
            "missing_value", "cell_too_long", "nul_character", "not_text_in_encoding", "replacement_character",
            "bad_credit_code", "spreadsheet_mangled", "unknown_entity_type", "unknown_size_class",
            "unknown_landlord_type", "bad_region_code", "bad_industry_code", "not_a_number", "negative_count",
            "negative_amount", "count_too_large", "not_a_boolean", "bad_date", "implausible_lease_date",
            "end_before_start", "duplicate_entity_id", "size_not_derivable", "too_many_decimals", "bad_rate",
            "unknown_code", "bad_household_id", "bad_id_number", "duplicate_head_id",
            "identity_number_misplaced", "more_than_members");

    private static <E> Set<String> codes(E[] values, java.util.function.Function<E, String> code) {
        Set<String> out = new HashSet<>();
        for (E v : values) {
            out.add(code.apply(v));
        }
        return out;
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            // The byte-order mark calc writes is read as part of the first header name; it is not needed here.
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    @Test
    void everyReasonInTheGoldenDetailsHasAProgramCodeAndEveryCodeAReason() throws IOException {
        List<CSVRecord> details = rows(GOLDEN.resolve("firms/details.csv"));
        assertEquals(282, details.size());
        Set<String> seen = new TreeSet<>();
        for (CSVRecord r : details) {
            String reason = r.get("reason");
            String code = r.get("reason_code");
            assertEquals(reason.isEmpty(), code.isEmpty(), "a reason has a code and a code a reason: " + r);
            if (!code.isEmpty()) {
                assertTrue(PROGRAM_CODES.contains(code), "a code of the catalogue: " + code);
                seen.add(code);
            }
            // Paid means no reason: a positive amount never has one.
            if (!r.get("amount").equals("0.00")) {
                assertEquals("", code, r.toString());
            }
        }
        assertEquals(new TreeSet<>(List.of("layoff_rate_over_limit", "months_already_granted", "no_alternative_met",
                "no_lease", "no_rent", "none_counted", "not_for_entity_type", "not_for_landlord_type", "not_for_size",
                "not_insured", "serious_dishonesty")), seen);
    }

    @Test
    void everyRejectedRowOfTheGoldenRunsHasARejectionCodeForEachReason() throws IOException {
        List<CSVRecord> messy = rows(GOLDEN.resolve("messy/rejected.csv"));
        assertEquals(18, messy.size());
        assertEquals(List.of(), rows(GOLDEN.resolve("firms/rejected.csv")));
        List<String> all = new ArrayList<>();
        for (CSVRecord r : messy) {
            assertFalse(r.get("reasons").isEmpty(), r.toString());
            List<String> codes = List.of(r.get("reason_codes").split("; "));
            for (String code : codes) {
                assertTrue(REJECTION_CODES.contains(code), "a code of the catalogue: " + code + " in " + r);
            }
            all.addAll(codes);
        }
        // samples/README.md: one row for each kind of bad input, in the file's order.
        assertEquals(List.of("bad_credit_code", "bad_credit_code", "spreadsheet_mangled", "missing_value",
                "unknown_entity_type", "bad_region_code", "bad_industry_code", "bad_industry_code", "negative_count",
                "not_a_number", "not_a_boolean", "unknown_landlord_type", "bad_date", "end_before_start",
                "size_not_derivable", "duplicate_entity_id", "cells_count_mismatch", "cells_count_mismatch"), all);
    }

    /** Every hostile input of the corpus: each rejection has one known code per reason, in order. */
    @Test
    void everyRejectionOfTheBadInputCorpusHasAKnownCodePerReason() throws Exception {
        List<Rejection> rejected = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/bad/input"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv") && !p.endsWith("EXPECTED.csv")).sorted()
                    .toList()) {
                try {
                    new InputFile(f, null).read(new SeenIds(), new RowSink() {
                        @Override
                        public void accepted(Entity e, String file, long line) {
                        }

                        @Override
                        public void rejected(Rejection r) {
                            rejected.add(r);
                        }
                    });
                } catch (InputException unusable) {
                    // an unusable file (exit 3) has no rows to reject
                }
            }
        }
        assertEquals(20, rejected.size(), "rows the corpus rejects");
        Set<String> seen = new TreeSet<>();
        for (Rejection r : rejected) {
            assertEquals(r.reasons().size(), r.codes().size(), r.toString());
            assertFalse(r.codes().isEmpty(), r.toString());
            for (String code : r.codes()) {
                assertTrue(REJECTION_CODES.contains(code), "a code of the catalogue: " + code + " in " + r);
            }
            seen.addAll(r.codes());
        }
        assertEquals(new TreeSet<>(List.of("bad_credit_code", "bad_industry_code", "bad_region_code",
                "cells_count_mismatch", "duplicate_entity_id", "implausible_lease_date", "missing_value", "negative_count",
                "not_a_number", "not_text_in_encoding", "nul_character", "replacement_character", "spreadsheet_mangled",
                "text_after_quote", "unknown_entity_type", "unknown_landlord_type", "unknown_size_class")), seen);
    }

    @Test
    void codesAreSnakeCaseAndNoTwoKindsOfReasonShareOne() {
        List<String> all = new ArrayList<>();
        Arrays.stream(ReasonCode.values()).map(ReasonCode::code).forEach(all::add);
        Arrays.stream(RejectionCode.values()).map(RejectionCode::code).forEach(all::add);
        assertEquals(all.size(), new HashSet<>(all).size(), "codes shared between kinds: " + all);
        for (String code : all) {
            assertTrue(code.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), "snake_case: " + code);
        }
        Arrays.stream(ReasonCode.values()).forEach(c -> assertFalse(c.meaning().isBlank(), c.code()));
        Arrays.stream(RejectionCode.values()).forEach(c -> assertFalse(c.meaning().isBlank(), c.code()));
    }

    @Test
    void publishedCodesAreNeverRenamedOrRemoved() {
        assertEquals(PUBLISHED_PROGRAM_CODES, Arrays.stream(ReasonCode.values()).map(ReasonCode::code).toList());
        assertEquals(PUBLISHED_REJECTION_CODES, Arrays.stream(RejectionCode.values()).map(RejectionCode::code).toList());
    }

    @Test
    void readmeListsEveryCodeWithItsMeaning() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Reason codes");
        assertTrue(section >= 0, "README.md has a section \"Reason codes\"");
        String table = readme.substring(section);
        for (ReasonCode c : ReasonCode.values()) {
            assertTrue(table.contains("| `" + c.code() + "` | " + c.meaning() + " |"), c.code());
        }
        for (RejectionCode c : RejectionCode.values()) {
            assertTrue(table.contains("| `" + c.code() + "` | " + c.meaning() + " |"), c.code());
        }
    }
}
