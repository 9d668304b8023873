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

    /** "from 2022-01-01 to 2022-12-31", "from 2022-01-01", "to 2022-12-31", or nothing, in the language shown. */
    public subsidy.text.Text text() {
        return from != null && to != null ? subsidy.text.Msg.of("policy.period.from_to", from, to)
                : from != null ? subsidy.text.Msg.of("policy.period.from", from)
                : to != null ? subsidy.text.Msg.of("policy.period.to", to)
                : subsidy.text.Msg.of("policy.period.open");
    }

    @Override
    public String toString() {
        return text().in(subsidy.text.Texts.EN);
    }
}
