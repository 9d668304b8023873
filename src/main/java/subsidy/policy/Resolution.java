package subsidy.policy;

import java.time.LocalDate;

/**
 * Which values of a policy to take: those in force on {@code asOf}, or — for {@code policy check},
 * {@code check} — every dated value and version read and reasoned about, the latest kept.
 * A policy without dated values needs neither.
 */
public record Resolution(LocalDate asOf, boolean check) {
    public static final Resolution UNDATED = new Resolution(null, false);
    public static final Resolution CHECK = new Resolution(null, true);

    public static Resolution on(LocalDate date) {
        return date == null ? UNDATED : new Resolution(date, false);
    }
}
