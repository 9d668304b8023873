package subsidy.calc;

import java.math.BigDecimal;
import java.util.List;
import subsidy.entity.Entity;
import subsidy.ledger.Prior;
import subsidy.program.ProgramResult;
import subsidy.size.SizeDecision;

/**
 * Everything computed for one entity: the size decision, each program's result in policy order and
 * the total (the sum of the rounded program amounts).
 *
 * @param prior what the ledger said the entity had used up before this batch; null without a ledger
 */
public record EntityResult(Entity entity, String file, long line, SizeDecision size, List<ProgramResult> programs,
        BigDecimal total, Prior prior) {
    public EntityResult {
        programs = List.copyOf(programs);
    }

    public EntityResult(Entity entity, String file, long line, SizeDecision size, List<ProgramResult> programs,
            BigDecimal total) {
        this(entity, file, line, size, programs, total, null);
    }
}
