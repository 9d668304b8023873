package subsidy.policy;

/**
 * Where a rule comes from: a seed document (by its key in the policy's sources), the character
 * offset of the passage, the words themselves, and the article or paragraph they stand in
 * ({@code 二、（三）}, {@code 第五条}, {@code 第3段}; null when the policy names none), as the headings
 * before the offset read ({@link Citations#article}).
 */
public record Clause(String seed, Integer at, String words, String article) {
    /** A clause that names no article. */
    public Clause(String seed, Integer at, String words) {
        this(seed, at, words, null);
    }

    /** Short form for reports: {@code seed003 @10660}. */
    public String label() {
        return at == null ? seed : seed + " @" + at;
    }
}
