package subsidy;

/**
 * A reason with its stable code: the text is for people (and will be translated), the code for
 * scripts and test cases ({@code subsidy.program.ReasonCode}, {@code subsidy.input.RejectionCode}).
 * Reasons that recur are made once and shared, so attaching a code costs no allocation per row.
 *
 * @param code a published snake_case code, never renamed
 * @param text the reason in a clerk's words
 */
public record Reason(String code, String text) {
    public Reason {
        if (code == null || text == null) {
            throw new IllegalArgumentException("a reason has both a code and a text");
        }
    }
}
