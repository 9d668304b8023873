package subsidy.report;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV file we write: RFC 4180 quoting, LF line ends, and each cell passed through
 * {@link SafeText}, so no text from an input or a policy can reach a spreadsheet as a formula.
 * Amounts are unaffected: they start with a digit.
 */
public final class Csv implements Closeable, Flushable {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private final CSVPrinter printer;
    private final List<String> cells = new ArrayList<>();

    private Csv(Writer out) throws IOException {
        printer = new CSVPrinter(out, FORMAT);
    }

    /** A CSV writer that has already written {@code header}. */
    public static Csv open(Writer out, List<String> header) throws IOException {
        Csv csv = new Csv(out);
        csv.row(header);
        return csv;
    }

    public void row(List<?> values) throws IOException {
        cells.clear();
        for (Object v : values) {
            cells.add(SafeText.cell(v == null ? "" : v.toString()));
        }
        printer.printRecord(cells);
    }

    public void row(Object... values) throws IOException {
        row(java.util.Arrays.asList(values));
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
