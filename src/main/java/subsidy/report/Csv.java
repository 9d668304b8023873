package subsidy.report;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * Every CSV file we write: UTF-8, RFC 4180 quoting, LF line ends, and each text cell passed through
 * {@link SafeText}, so no text from an input or a policy can reach a spreadsheet as a formula.
 * Amounts are unaffected: they start with a digit.
 *
 * <p>The quoting is Commons CSV's minimal mode ({@link #FORMAT}), written out in {@link CsvLine}
 * because the report is the hottest path of a run. CsvTest holds it to Commons CSV's output.
 */
public final class Csv implements Closeable, Flushable {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    /** Where finished rows go: a byte stream, or a character stream for the small outputs. */
    private interface Out extends Closeable, Flushable {
        void write(byte[] bytes, int length) throws IOException;
    }

    private final Out out;
    private final CsvLine line = new CsvLine();

    private Csv(Out out) {
        this.out = out;
    }

    /** A CSV writer on a byte stream that has already written {@code header}. */
    public static Csv open(OutputStream stream, List<String> header) throws IOException {
        return start(new Out() {
            @Override
            public void write(byte[] bytes, int length) throws IOException {
                stream.write(bytes, 0, length);
            }

            @Override
            public void flush() throws IOException {
                stream.flush();
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        }, header);
    }

    /** A CSV writer on a character stream that has already written {@code header}. */
    public static Csv open(Writer writer, List<String> header) throws IOException {
        return start(new Out() {
            @Override
            public void write(byte[] bytes, int length) throws IOException {
                writer.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        }, header);
    }

    private static Csv start(Out out, List<String> header) throws IOException {
        Csv csv = new Csv(out);
        csv.row(header);
        return csv;
    }

    /** A row of text cells (a null is an empty cell). */
    public void row(List<?> values) throws IOException {
        line.clear();
        for (Object v : values) {
            line.text(v == null ? "" : v.toString());
        }
        write(line.end());
    }

    public void row(Object... values) throws IOException {
        row(java.util.Arrays.asList(values));
    }

    /** A row built elsewhere, ended with its line feed. */
    public void write(CsvLine built) throws IOException {
        out.write(built.buffer(), built.length());
    }

    /** A row built elsewhere and taken as bytes ({@link CsvLine#bytes()}). */
    public void write(byte[] built) throws IOException {
        out.write(built, built.length);
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
