package subsidy.policy;

/**
 * A policy document the rules cite: its file ({@code seeds/…}, relative to the
 * repository root) and what it is.
 */
public record Source(String key, String file, String title) {
}
