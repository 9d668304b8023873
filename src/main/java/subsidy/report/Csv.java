package subsidy.report;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * Every CSV file we write: RFC 4180 quoting, LF line ends, and each cell passed through
 * {@link SafeText}, so no text from an input or a policy can reach a spreadsheet as a formula.
 * Amounts are unaffected: they start with a digit.
 *
 * <p>The quoting is Commons CSV's minimal mode ({@link #FORMAT}), written out here because the
 * report is the hottest path of a run: a cell is quoted when it holds a comma, a quote or a line
 * break, starts with a character up to '#', ends with one up to ' ', or is an empty first cell.
 * CsvTest holds it to Commons CSV's output.
 */
public final class Csv implements Closeable, Flushable {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private final Writer out;

    private Csv(Writer out) {
        this.out = out;
    }

    /** A CSV writer that has already written {@code header}. */
    public static Csv open(Writer out, List<String> header) throws IOException {
        Csv csv = new Csv(out);
        csv.row(header);
        return csv;
    }

    public void row(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values.get(i);
            cell(SafeText.cell(v == null ? "" : v.toString()), i == 0);
        }
        out.write('\n');
    }

    public void row(Object... values) throws IOException {
        row(java.util.Arrays.asList(values));
    }

    private void cell(String s, boolean first) throws IOException {
        int n = s.length();
        boolean quote;
        if (n == 0) {
            quote = first;
        } else if (s.charAt(0) <= '#' || s.charAt(n - 1) <= ' ') {
            quote = true;
        } else {
            quote = false;
            for (int i = 0; i < n && !quote; i++) {
                char c = s.charAt(i);
                quote = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
        }
        if (!quote) {
            out.write(s);
            return;
        }
        out.write('"');
        int from = 0;
        for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) {
            out.write(s, from, i + 1 - from);
            out.write('"');
            from = i + 1;
        }
        out.write(s, from, n - from);
        out.write('"');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
