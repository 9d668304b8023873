package subsidy.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import subsidy.program.FixedAmountReader;
import subsidy.program.PerHeadReader;
import subsidy.program.RentWaiverReader;
import subsidy.program.ShareReader;
import subsidy.program.TableReader;
import subsidy.program.StableJobRefundReader;

/**
 * The program kinds a policy may name in {@code kind:}, each with the reader of its YAML. A new kind
 * is a class in subsidy.program, its reader beside it, and one line here.
 */
public final class ProgramKinds {
    private static final Map<String, ProgramReader> KINDS = new LinkedHashMap<>();
    /** The kinds that pay firms by firm facts (premiums, leases), refused in a household policy. */
    public static final java.util.Set<String> FIRMS_ONLY = java.util.Set.of("ui_refund", "rent_waiver");

    static {
        KINDS.put("ui_refund", StableJobRefundReader::read);
        KINDS.put("per_head", PerHeadReader::read);
        KINDS.put("rent_waiver", RentWaiverReader::read);
        KINDS.put("fixed", FixedAmountReader::read);
        KINDS.put("share", ShareReader::read);
        KINDS.put("table", TableReader::read);
    }

    private ProgramKinds() {
    }

    /** The reader of {@code kind}, or null when no such kind exists. */
    public static ProgramReader reader(String kind) {
        return KINDS.get(kind);
    }

    /** The kinds in the order a message lists them. */
    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }
}
