package subsidy.calc;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import subsidy.entity.Column;

/** Rewrites a canonical CSV as a clerk's export would have it: Chinese headers and Chinese values. */
final class ChineseSample {
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("enterprise", "企业"), Map.entry("individual_business", "个体工商户"),
            Map.entry("nonprofit", "社会组织"), Map.entry("large", "大型"), Map.entry("medium", "中型"),
            Map.entry("small", "小型"), Map.entry("micro", "微型"), Map.entry("state_enterprise", "国有企业"),
            Map.entry("government", "机关"), Map.entry("public_institution", "事业单位"),
            Map.entry("private", "非国有"), Map.entry("true", "是"), Map.entry("false", "否"));

    private ChineseSample() {
    }

    static String translate(String csv) throws IOException {
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        StringWriter out = new StringWriter();
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180);
        List<String> header = new ArrayList<>();
        for (String h : records.get(0)) {
            header.add(Column.forHeader(h).map(Column::chinese).orElse(h));
        }
        p.printRecord(header);
        for (CSVRecord r : records.subList(1, records.size())) {
            List<String> row = new ArrayList<>();
            for (String v : r) {
                row.add(VALUES.getOrDefault(v.toLowerCase(java.util.Locale.ROOT), v));
            }
            p.printRecord(row);
        }
        p.flush();
        return out.toString();
    }
}
