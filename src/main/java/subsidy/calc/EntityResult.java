package subsidy.calc;

import java.math.BigDecimal;
import java.util.List;
import subsidy.entity.Entity;
import subsidy.program.ProgramResult;
import subsidy.size.SizeDecision;

/**
 * Everything computed for one entity: the size decision, each program's result in policy order,
 * the total (the sum of the rounded program amounts) and the notes for the report.
 */
public record EntityResult(Entity entity, String file, long line, SizeDecision size, List<ProgramResult> programs,
        BigDecimal total, List<String> notes) {
    public EntityResult {
        programs = List.copyOf(programs);
        notes = List.copyOf(notes);
    }
}
