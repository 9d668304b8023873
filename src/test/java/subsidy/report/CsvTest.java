package subsidy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import org.apache.commons.csv.CSVPrinter;

/** Our CSV writer must quote exactly as Commons CSV's minimal mode does (after SafeText). */
class CsvTest {
    @Property(tries = 500)
    void writesTheSameBytesAsCommonsCsv(@ForAll @Size(max = 6) List<@Chars({',', '"', '\n', '\r', ' ', '#', '!',
            '=', '-', 'a', '中', '\t'}) @CharRange(from = '0', to = '9') String> cells) throws Exception {
        StringWriter ours = new StringWriter();
        Csv.open(ours, cells).flush();
        StringWriter theirs = new StringWriter();
        List<String> safe = new ArrayList<>();
        cells.forEach(c -> safe.add(SafeText.cell(c)));
        CSVPrinter p = new CSVPrinter(theirs, Csv.FORMAT);
        p.printRecord(safe);
        p.flush();
        assertEquals(theirs.toString(), ours.toString());
    }
}
