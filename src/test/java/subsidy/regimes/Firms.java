package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import subsidy.CommandLineRun;
import subsidy.cli.Main;
import subsidy.entity.CreditCode;

/** Test rows for the regime policies: built cell by cell, written as CSV, run through calc. */
final class Firms {
    /** The columns every written file starts with, in this order. */
    static final List<String> LEADING = List.of("entity_id", "name", "entity_type", "region_code", "industry_code",
            "size_class");

    private Firms() {
    }

    private static int serial;

    /** A row with a valid unified social credit code (GB 32100-2015 check character computed). */
    static Firm firm(String name, String prefix, String region) {
        String base = prefix + region + String.format("MA%07d", ++serial);
        Firm f = new Firm();
        f.cells.put("entity_id", base + CreditCode.checkCharacter(base + "0"));
        f.cells.put("name", name);
        f.cells.put("entity_type", "enterprise");
        f.cells.put("region_code", region);
        return f;
    }

    static final class Firm {
        final Map<String, String> cells = new LinkedHashMap<>();

        Firm set(String column, String value) {
            cells.put(column, value);
            return this;
        }

        Firm size(String sizeClass, String industry) {
            return set("size_class", sizeClass).set("industry_code", industry);
        }

        Firm type(String entityType, String industry) {
            return set("entity_type", entityType).set("industry_code", industry);
        }

        Firm insurance(long insured, long layoffs, String paid) {
            return set("insured_employees", Long.toString(insured)).set("layoffs", Long.toString(layoffs))
                    .set("ui_paid_last_year", paid);
        }

        Firm lease(String landlord, String rent) {
            return set("landlord_type", landlord).set("monthly_rent", rent);
        }

        Firm dates(String start, String end) {
            return set("lease_start", start).set("lease_end", end);
        }
    }

    /** Writes the firms under {@code leading} columns plus any other column a firm sets. */
    static Path writeCsv(Path dir, List<String> leading, List<Firm> firms) throws IOException {
        Set<String> header = new LinkedHashSet<>(leading);
        firms.forEach(f -> header.addAll(f.cells.keySet()));
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (Firm f : firms) {
            List<String> cells = new ArrayList<>();
            for (String h : header) {
                cells.add(f.cells.getOrDefault(h, ""));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        Path csv = Files.createTempFile(dir, "rows", ".csv");
        Files.writeString(csv, sb, StandardCharsets.UTF_8);
        return csv;
    }

    /** Runs calc on the firms (every row must be computed); the report rows by name. */
    static Map<String, CSVRecord> calc(Path dir, Path policy, LocalDate asOf, List<String> leading, Firm... firms)
            throws IOException {
        Path csv = writeCsv(dir, leading, List.of(firms));
        Path out = Files.createTempDirectory(dir, "out");
        int exit = Main.run("calc", "--input", csv.toString(), "--policy", policy.toString(),
                "--as-of", asOf.toString(), "--out", out.toString(), "--force");
        assertEquals(0, exit, "every row computed");
        Map<String, CSVRecord> byName = new LinkedHashMap<>();
        for (CSVRecord r : CommandLineRun.rows(out.resolve("report.csv"))) {
            byName.put(r.get("name"), r);
        }
        assertEquals(firms.length, byName.size());
        return byName;
    }

    static String sum(List<CSVRecord> rows, String column) {
        return rows.stream().map(r -> new BigDecimal(r.get(column)))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2).toPlainString();
    }
}
