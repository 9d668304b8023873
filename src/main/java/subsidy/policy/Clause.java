package subsidy.policy;

/**
 * Where a rule comes from: a seed document (by its key in the policy's sources), the character
 * offset of the passage, and the words themselves.
 */
public record Clause(String seed, Integer at, String words) {
    /** Short form for reports: {@code seed003 @10660}. */
    public String label() {
        return at == null ? seed : seed + " @" + at;
    }
}
