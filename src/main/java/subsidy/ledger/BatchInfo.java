package subsidy.ledger;

/**
 * A batch as the ledger lists it.
 *
 * @param seq         the ledger change that recorded it
 * @param kind        {@code calc} (a run) or {@code import} (payments made before the ledger)
 * @param state       {@code counted}, {@code replaced} (by {@code replacedBy}) or {@code voided}
 * @param files       {@code done} (its output is in place), {@code pending} (recorded, output not yet
 *                    confirmed in place) or {@code none} (a run to standard output, an import)
 * @param against     the ledger state (change seq) it was computed against
 */
public record BatchInfo(long id, long seq, String period, String kind, String contentKey, String inputs,
        String policyId, String policySha256, String asOf, String toolVersion, String createdAt, long against,
        String outDir, String files, String state, Long replaces, Long replacedBy, long entities, String total,
        String reason) {
    public boolean counted() {
        return "counted".equals(state);
    }

    public boolean imported() {
        return "import".equals(kind);
    }

    /** "batch 3 (2022-05)", as notes name it. */
    public String label() {
        return "batch " + id + " (" + period + ")";
    }
}
