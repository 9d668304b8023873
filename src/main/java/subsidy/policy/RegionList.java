package subsidy.policy;

import java.util.List;
import java.util.Map;

/**
 * A county-level listing, such as the counties that had a medium/high-risk area in 2022.
 * It is each county's own announcement, so it is data in the policy, never code.
 */
public record RegionList(String key, String title, List<Clause> clauses, Map<String, String> codes) {
    public RegionList {
        clauses = List.copyOf(clauses);
        codes = Map.copyOf(codes);
    }

    public boolean contains(String regionCode) {
        return codes.containsKey(regionCode);
    }
}
