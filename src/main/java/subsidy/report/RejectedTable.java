package subsidy.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.text.Texts;

/**
 * rejected.csv: file, line, every reason, their codes in the same order, then the original row. When all inputs share one header
 * the original cells keep their own columns, ready to fix and resubmit, and a row with too few or
 * too many cells keeps exactly those (so sent back unchanged it is rejected again); otherwise they are kept
 * together in one {@code original_row} cell, written as a CSV line so that it reads back into them.
 * In Chinese the table's own columns are named in Chinese (文件, 行号, 退回原因, 原因代码, 原始行); the
 * input's columns keep the input's header, so that the file can be corrected and sent again.
 */
public final class RejectedTable {
    private final List<String> header;
    private final boolean shared;
    private final Texts texts;

    /** @param inputHeader the header every input shares, or null when they differ */
    public RejectedTable(List<String> inputHeader) {
        this(inputHeader, Texts.EN);
    }

    /** @param inputHeader the header every input shares, or null when they differ */
    public RejectedTable(List<String> inputHeader, Texts texts) {
        List<String> h = new ArrayList<>(Labels.of(texts).all("report.rejected.",
                List.of("file", "line", "reasons", "reason_codes")));
        if (inputHeader != null) {
            h.addAll(inputHeader);
        } else {
            h.add(texts.get("report.rejected.original_row"));
        }
        shared = inputHeader != null;
        header = List.copyOf(h);
        this.texts = texts;
    }

    /**
     * The header's cells when every input has the same header, else null: what calc gives the
     * constructor, so that verify can recompute rejected.csv as calc wrote it. The headers must
     * have been read already, or are read now ({@link InputFile#header()}).
     */
    public static List<String> sharedHeader(List<InputFile> inputs) throws InputException {
        List<String> shared = null;
        for (int i = 0; i < inputs.size(); i++) {
            List<String> header = inputs.get(i).header().cells();
            shared = i == 0 ? header : header.equals(shared) ? shared : null;
        }
        return shared;
    }

    public List<String> header() {
        return header;
    }

    public List<String> row(Rejection r) {
        List<String> row = new ArrayList<>(header.size());
        row.add(r.file());
        row.add(Long.toString(r.line()));
        // One reason, and one code, a line: a reason's text may hold "; " (a name quoted in it), but never a
        // line feed, since every cell it quotes has its control characters escaped.
        row.add(String.join("\n", r.reasons(texts)));
        row.add(String.join("\n", r.codes()));
        if (shared) {
            // Exactly the cells read, no more: a short row padded with empty cells would read back as a
            // row of the header's width and be computed with its values in the wrong columns.
            row.addAll(r.cells());
        } else {
            row.add(CSVFormat.RFC4180.format(r.cells().toArray()));
        }
        return row;
    }
}
