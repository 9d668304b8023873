package subsidy.policy;

import java.util.List;

/**
 * Programs an entity may not combine; only the highest amount is paid (就高不就低, seed 002
 * @16333 「按照就高不就低原则,本项奖补与前述……政策不重复享受」). On a tie the program listed first wins.
 */
public record ExclusiveGroup(String id, List<String> programs, List<Clause> clauses) {
    public ExclusiveGroup {
        programs = List.copyOf(programs);
        clauses = List.copyOf(clauses);
    }
}
