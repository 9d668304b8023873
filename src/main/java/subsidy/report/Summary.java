package subsidy.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.List;
import subsidy.calc.Totals;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.program.Program;
import subsidy.text.Texts;

/**
 * summary.csv and its plain-text twin for standard error: per program, beneficiaries and amount. In
 * Chinese the header names the columns, the total row is 合计, and standard error names each program
 * by its title.
 */
public final class Summary {
    /** The English header: the column ids. */
    public static final List<String> HEADER = List.of("program", "title", "beneficiaries", "amount");

    private Summary() {
    }

    /** The header in the language of {@code texts} ({@link #HEADER} in English). */
    public static List<String> header(Texts texts) {
        return Labels.of(texts).all("report.summary.", HEADER);
    }

    /** As {@link #header(Texts)}, a household policy's counting households (享受户数 in Chinese). */
    public static List<String> header(Policy policy, Texts texts) {
        List<String> h = new java.util.ArrayList<>(header(texts));
        if (policy.households()) {
            h.set(2, texts.get("report.summary.households"));
        }
        return h;
    }

    public static void writeCsv(Policy policy, Totals t, Writer out) throws IOException {
        writeCsv(policy, t, out, Texts.EN);
    }

    public static void writeCsv(Policy policy, Totals t, Writer out, Texts texts) throws IOException {
        Csv p = Csv.open(out, header(policy, texts));
        for (List<String> row : rows(policy, t, texts)) {
            p.row(row);
        }
        p.flush();
    }

    /**
     * summary.csv's rows after the header, as text: per program its id, title, beneficiaries and amount
     * (two decimals), then the total row ({@code total}, 合计).
     */
    public static List<List<String>> rows(Policy policy, Totals t, Texts texts) {
        List<Program> programs = policy.programs();
        List<List<String>> rows = new java.util.ArrayList<>(programs.size() + 1);
        for (int i = 0; i < programs.size(); i++) {
            rows.add(List.of(programs.get(i).id(), programs.get(i).title(), Long.toString(t.beneficiaries(i)),
                    Money.format(t.amount(i))));
        }
        rows.add(List.of(texts.get("report.summary.total"), "", Long.toString(t.entitiesPaid()),
                Money.format(t.total())));
        return rows;
    }

    public static void print(Policy policy, Totals t, PrintStream err) {
        print(policy, t, err, Texts.EN);
    }

    public static void print(Policy policy, Totals t, PrintStream err, Texts texts) {
        Labels labels = Labels.of(texts);
        err.println(texts.get("report.summary.rows", t.read(), t.computed(), t.rejected(), policy.id()));
        for (subsidy.input.InputStats s : t.inputs()) {
            String file = subsidy.input.Escape.controls(s.file());
            if (s.aboveHeader() > 0) {
                err.println(texts.get("report.summary.header_line", file, s.headerLine(), s.aboveHeader()));
            }
            if (s.emptyRows() > 0) {
                err.println(texts.get("report.summary.empty_rows", file, s.emptyRows()));
            }
        }
        List<Program> programs = policy.programs();
        // Households are counted as households (户), firms as beneficiaries (家)
        String line = policy.households() ? "report.summary.program_line_households" : "report.summary.program_line";
        // The names' column: 22 wide, or as wide as the widest name (a policy's long Chinese titles).
        int width = NAME_WIDTH;
        for (Program p : programs) {
            width = Math.max(width, columns(labels.program(p)));
        }
        for (int i = 0; i < programs.size(); i++) {
            err.println(programLine(texts, line, labels.program(programs.get(i)), width, t.beneficiaries(i),
                    Money.format(t.amount(i))));
        }
        err.println(programLine(texts, line, texts.get("report.summary.total_line"), width, t.entitiesPaid(),
                Money.format(t.total())));
    }

    /** The least width of the names' column, as "%-22s" gave it. */
    private static final int NAME_WIDTH = 22;

    /** A program's line: the name padded to {@code width} columns, the count to 8, the amount to 16 ("%-22s %8d … %16s"). */
    private static String programLine(Texts texts, String key, String name, int width, long count, String amount) {
        return texts.get(key, padRight(name, width), padLeft(Long.toString(count), 8), padLeft(amount, 16));
    }

    /**
     * s followed by spaces up to {@code width} columns of a terminal, a Chinese character taking two
     * (for ASCII, what {@code %-22s} gives).
     */
    static String padRight(String s, int width) {
        int w = columns(s);
        return w >= width ? s : s + " ".repeat(width - w);
    }

    static String padLeft(String s, int width) {
        int w = columns(s);
        return w >= width ? s : " ".repeat(width - w) + s;
    }

    /** The columns s takes in a terminal: two for a wide (East Asian) character, one for any other. */
    static int columns(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            n += wide(c) ? 2 : 1;
            i += Character.charCount(c);
        }
        return n;
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
