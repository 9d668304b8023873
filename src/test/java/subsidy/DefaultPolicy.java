package subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.program.ProgramResult;
import subsidy.size.SizeDecision;

/**
 * The bundled policy as in force on {@link #AS_OF}, loaded once, and a shortcut to compute one program
 * for a test entity. The default policy is the 2022 plans (every program in force 2022-01-01 to
 * 2022-12-31), so tests read it on a 2022 date, the one the README's sample command names.
 */
public final class DefaultPolicy {
    /** The date tests read the 2022 policies on: mid-2022, as the case files' {@code as_of}. */
    public static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);
    public static final Policy POLICY = load();
    private static final Calculator CALC = new Calculator(POLICY);

    private DefaultPolicy() {
    }

    public static EntityResult compute(TestEntity t) {
        var e = t.build();
        SizeDecision size = CALC.size(e, false);
        if (size == null) {
            throw new AssertionError("size not derivable for " + e);
        }
        return CALC.compute(e, size, "test.csv", 2);
    }

    public static ProgramResult program(TestEntity t, String id) {
        return compute(t).programs().stream().filter(p -> p.programId().equals(id)).findFirst().orElseThrow();
    }

    public static BigDecimal amount(TestEntity t, String id) {
        return program(t, id).amount();
    }

    private static Policy load() {
        try {
            return PolicyLoader.bundled(Resolution.on(AS_OF));
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }
}
