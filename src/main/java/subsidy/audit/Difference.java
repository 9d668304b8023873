package subsidy.audit;

/**
 * One disagreement between a report and its recomputation. A whole row present on one side only
 * has column {@code (row)}; anything manifest.json states that is not so now (a fingerprint, a file
 * beside the report, a row count, a control total) has entity {@code (manifest)}; a whole column of
 * the report that the policy in force does not have, or that its header names twice, has entity
 * {@code (column)}.
 */
public record Difference(String entityId, String column, String reported, String recomputed) {
    public static final String ROW = "(row)";
    public static final String MANIFEST = "(manifest)";
    public static final String COLUMN = "(column)";
}
