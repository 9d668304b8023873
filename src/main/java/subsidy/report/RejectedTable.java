package subsidy.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import subsidy.input.Rejection;

/**
 * rejected.csv: file, line, every reason, then the original row. When all inputs share one header
 * the original cells keep their own columns, ready to fix and resubmit; otherwise they are kept
 * together in one {@code original_row} cell, written as a CSV line so that it reads back into them.
 */
public final class RejectedTable {
    private final List<String> header;
    private final int width;

    /** @param inputHeader the header every input shares, or null when they differ */
    public RejectedTable(List<String> inputHeader) {
        List<String> h = new ArrayList<>(List.of("file", "line", "reasons"));
        if (inputHeader != null) {
            h.addAll(inputHeader);
            width = inputHeader.size();
        } else {
            h.add("original_row");
            width = -1;
        }
        header = List.copyOf(h);
    }

    public List<String> header() {
        return header;
    }

    public List<String> row(Rejection r) {
        List<String> row = new ArrayList<>(header.size());
        row.add(r.file());
        row.add(Long.toString(r.line()));
        row.add(String.join("; ", r.reasons()));
        if (width >= 0) {
            for (int i = 0; i < Math.max(width, r.cells().size()); i++) {
                row.add(i < r.cells().size() ? r.cells().get(i) : "");
            }
        } else {
            row.add(CSVFormat.RFC4180.format(r.cells().toArray()));
        }
        return row;
    }
}
