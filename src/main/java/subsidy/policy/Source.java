package subsidy.policy;

/** A policy document the rules cite: its file under shared/seeds and what it is. */
public record Source(String key, String file, String title) {
}
