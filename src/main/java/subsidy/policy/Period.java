package subsidy.policy;

import java.time.LocalDate;

/** A period of force, as a policy writes it ({@code from}, {@code to}); either end may be open. */
public record Period(LocalDate from, LocalDate to, int line) {
    /** Whether both ends are given. */
    public boolean bounded() {
        return from != null && to != null;
    }

    public boolean contains(LocalDate d) {
        return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }

    @Override
    public String toString() {
        return (from == null ? "" : "from " + from) + (to == null ? "" : (from == null ? "" : " ") + "to " + to);
    }
}
