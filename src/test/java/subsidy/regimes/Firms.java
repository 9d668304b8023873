package subsidy.regimes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import subsidy.entity.CreditCode;

/** Test rows for the regime policies: built cell by cell and written as CSV, for calc refusing a run. */
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
}
