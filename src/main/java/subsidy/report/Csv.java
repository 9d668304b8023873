package subsidy.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The one CSV dialect every file we write uses: RFC 4180 quoting, LF line ends. */
public final class Csv {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private Csv() {
    }

    public static CSVPrinter printer(Writer out, List<String> header) throws IOException {
        CSVPrinter p = new CSVPrinter(out, FORMAT);
        p.printRecord(header);
        return p;
    }
}
