package subsidy.input;

import java.util.List;

/** A row that is not computed: where it was, what it held, and every reason. */
public record Rejection(String file, long line, List<String> cells, List<String> reasons) {
    public Rejection {
        cells = List.copyOf(cells);
        reasons = List.copyOf(reasons);
    }
}
