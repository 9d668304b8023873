package subsidy.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * When a policy is in force: its programs' and versions' periods of force, merged where they overlap or
 * meet, in date order. A gap between them stays a gap, so a date is never suggested where nothing holds.
 *
 * @param spans the merged periods, earliest first; the first may have an open start, the last an open end
 */
public record PeriodsOfForce(List<Period> spans) {
    public PeriodsOfForce {
        spans = List.copyOf(spans);
    }

    /** The periods merged; one whose end is before its start (a problem of its own) holds no day and is left out. */
    public static PeriodsOfForce of(Collection<Period> periods) {
        List<Period> sorted = periods.stream()
                .filter(p -> p.from() == null || p.to() == null || !p.to().isBefore(p.from()))
                .sorted(Comparator.comparing(Period::from, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        List<Period> spans = new ArrayList<>();
        for (Period p : sorted) {
            Period last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && (last.to() == null || p.from() == null || !p.from().isAfter(last.to().plusDays(1)))) {
                LocalDate to = last.to() == null || p.to() == null ? null
                        : p.to().isAfter(last.to()) ? p.to() : last.to();
                spans.set(spans.size() - 1, new Period(last.from(), to, last.line()));
            } else {
                spans.add(new Period(p.from(), p.to(), p.line()));
            }
        }
        return new PeriodsOfForce(spans);
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /** "from 2022-01-01 to 2022-12-31", "until 2020-12-31 and from 2022-01-01 on", "on any date". */
    public String describe() {
        return describeText().in(Texts.EN);
    }

    /** As {@link #describe()}, in the language shown. */
    public Text describeText() {
        List<Text> parts = new ArrayList<>();
        for (Period p : spans) {
            parts.add(p.from() == null && p.to() == null ? Msg.of("policy.force.any")
                    : p.from() == null ? Msg.of("policy.force.until", p.to())
                    : p.to() == null ? Msg.of("policy.force.from_on", p.from())
                    : Msg.of("policy.force.from_to", p.from(), p.to()));
        }
        if (parts.size() <= 1) {
            return parts.isEmpty() ? t -> "" : parts.get(0);
        }
        Text most = PolicyTexts.joined(parts.subList(0, parts.size() - 1), "policy.sep.list");
        Text last = parts.get(parts.size() - 1);
        return t -> most.in(t) + t.get("policy.sep.and") + last.in(t);
    }

    /** "that period" or "one of those periods", for a sentence that asks for a date in them. */
    public String whichPeriod() {
        return whichPeriodText().in(Texts.EN);
    }

    /** As {@link #whichPeriod()}, in the language shown. */
    public Text whichPeriodText() {
        return Msg.of(spans.size() == 1 ? "policy.force.that_period" : "policy.force.one_of_those");
    }

    /**
     * The day in force nearest to {@code date}: the date itself when in force, else the nearest end of a
     * period (of two as near, the later); null when there are none.
     */
    public LocalDate nearest(LocalDate date) {
        if (spans.stream().anyMatch(p -> p.contains(date))) {
            return date;
        }
        return spans.stream().flatMap(p -> java.util.stream.Stream.of(p.from(), p.to()))
                .filter(java.util.Objects::nonNull)
                .min(Comparator.comparing((LocalDate d) -> Math.abs(d.toEpochDay() - date.toEpochDay()))
                        .thenComparing(Comparator.reverseOrder()))
                .orElse(null);
    }

    /**
     * The last day in force when every period ended before {@code date} (a 2022 plan read in 2026); null when
     * one has not, or has no end, or there are none.
     */
    public LocalDate endedBefore(LocalDate date) {
        LocalDate last = null;
        for (Period p : spans) {
            if (p.to() == null || !p.to().isBefore(date)) {
                return null;
            }
            last = last == null || p.to().isAfter(last) ? p.to() : last;
        }
        return last;
    }

    /**
     * A day in force to give as an example when no date was asked for: the last day of the first period,
     * or its first day when it has no end; null when no period has a dated end.
     */
    public LocalDate example() {
        if (spans.isEmpty()) {
            return null;
        }
        Period first = spans.get(0);
        return first.to() != null ? first.to() : first.from();
    }
}
