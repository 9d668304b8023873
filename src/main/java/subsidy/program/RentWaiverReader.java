package subsidy.program;

import subsidy.policy.Period;
import subsidy.policy.ProgramReader;
import subsidy.policy.ReadContext;
import subsidy.policy.RegionList;
import subsidy.policy.yaml.Fields;

/**
 * Reads kind {@code rent_waiver}: {@code months}, an optional {@code extended} (a region list and its
 * months), {@code prorate_short_leases}, and the {@code rent_period} whose rent is waived (by default
 * the program's period of force), and an optional {@code window} (from, to) outside which no day of the
 * lease counts.
 */
public final class RentWaiverReader {
    private RentWaiverReader() {
    }

    public static Program read(ProgramReader.Head h, Fields p, ReadContext ctx) {
        Long months = ctx.datedInteger(p, "months", true);
        Fields ext = p.fields("extended", false);
        RegionList extendedIn = null;
        Long extendedMonths = 0L;
        if (ext != null) {
            extendedIn = ctx.regionRef(ext, "region_in");
            extendedMonths = ctx.datedInteger(ext, "months", true);
            ext.finish();
        }
        Boolean prorate = p.bool("prorate_short_leases", true);
        // The period whose rent is waived: its own rent_period, else the program's period of force.
        Period own = ctx.boundedPeriod(p, "rent_period", false);
        Period rentPeriod = own != null ? own : ctx.window();
        // The months that count: only the lease's days inside a window (「上半年」), when given.
        Period window = ctx.boundedPeriod(p, "window", false);
        if (window != null && !window.bounded()) {
            return null;
        }
        if (months == null || extendedMonths == null || prorate == null || (ext != null && extendedIn == null)) {
            return null;
        }
        return new RentWaiver(h.id(), h.title(), h.clauses(), h.who(), months, extendedIn, extendedMonths, prorate,
                rentPeriod == null ? null : rentPeriod.from(), rentPeriod == null ? null : rentPeriod.to(), window);
    }
}
