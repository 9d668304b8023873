package subsidy.input;

import java.util.List;

/**
 * A row that is not computed: where it was, what it held, and every reason with its code. The reasons are for
 * people to read, so a control character that came into one from the input is escaped here,
 * whichever code wrote the reason ({@link Escape#controls}); the cells stay as they were read.
 *
 * @param entityId the row's entity_id cell, trimmed and upper-cased, valid or not ("" when blank)
 * @param codes    the stable code of each reason ({@link RejectionCode}), in the order of {@code reasons}
 */
public record Rejection(String file, long line, String entityId, List<String> cells, List<String> reasons,
        List<String> codes) {
    public Rejection {
        cells = List.copyOf(cells);
        reasons = reasons.stream().map(Escape::controls).toList();
        codes = List.copyOf(codes);
        if (codes.size() != reasons.size()) {
            throw new IllegalArgumentException("one code for each reason: " + reasons + ", " + codes);
        }
    }
}
