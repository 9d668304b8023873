package subsidy.policy;

/**
 * A file a policy includes by name (the 2011 size table), as it was found: beside the policy or
 * bundled in the jar, and its SHA-256, so a report and {@code policy show} can say which table was used.
 */
public record Include(String name, String where, String sha256) {
}
