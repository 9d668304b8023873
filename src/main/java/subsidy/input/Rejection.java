package subsidy.input;

import java.util.List;

/**
 * A row that is not computed: where it was, what it held, and every reason.
 *
 * @param entityId the row's entity_id cell, trimmed and upper-cased, valid or not ("" when blank)
 */
public record Rejection(String file, long line, String entityId, List<String> cells, List<String> reasons) {
    public Rejection {
        cells = List.copyOf(cells);
        reasons = List.copyOf(reasons);
    }
}
