package subsidy.size;

import java.util.List;
import java.util.Map;
import subsidy.entity.SizeClass;

/**
 * One line of the 2011 table: the industry-code prefixes it covers and, for large, medium and
 * small, the thresholds that must all be met (an empty prefix list is the catch-all row).
 */
public record SizeRow(String label, List<String> industryPrefixes, Map<SizeClass, List<Threshold>> tiers) {
    public SizeRow {
        industryPrefixes = List.copyOf(industryPrefixes);
        tiers = Map.copyOf(tiers);
    }

    /** The length of the longest of this row's prefixes that starts {@code industry}, or -1. */
    int match(String industry) {
        if (industryPrefixes.isEmpty()) {
            return 0;
        }
        int best = -1;
        for (int i = 0; i < industryPrefixes.size(); i++) {
            String p = industryPrefixes.get(i);
            if (industry.startsWith(p) && p.length() > best) {
                best = p.length();
            }
        }
        return best;
    }
}
