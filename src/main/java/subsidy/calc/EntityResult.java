package subsidy.calc;

import java.math.BigDecimal;
import java.util.List;
import subsidy.entity.Entity;
import subsidy.program.ProgramResult;
import subsidy.size.SizeDecision;

/**
 * Everything computed for one entity: the size decision, each program's result in policy order and
 * the total (the sum of the rounded program amounts).
 */
public record EntityResult(Entity entity, String file, long line, SizeDecision size, List<ProgramResult> programs,
        BigDecimal total) {
    public EntityResult {
        programs = List.copyOf(programs);
    }
}
