package subsidy.entity;

import java.util.Optional;

/** Whom a policy pays, and so what its input lists are: firms (SPEC §2) or households ({@link Households}). */
public enum Subject {
    FIRMS("firms"),
    HOUSEHOLDS("households");

    private final String code;

    Subject(String code) {
        this.code = code;
    }

    /** The word a policy writes ({@code subject: households}). */
    public String code() {
        return code;
    }

    public static Optional<Subject> parse(String word) {
        for (Subject s : values()) {
            if (s.code.equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
