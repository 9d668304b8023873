package subsidy.audit;

/**
 * One disagreement between a report and its recomputation. A whole row present on one side only
 * has column {@code (row)}; a fingerprint that changed has entity {@code (manifest)}; a whole column
 * of the report that the policy in force does not have has entity {@code (column)}.
 */
public record Difference(String entityId, String column, String reported, String recomputed) {
    public static final String ROW = "(row)";
    public static final String MANIFEST = "(manifest)";
    public static final String COLUMN = "(column)";
}
