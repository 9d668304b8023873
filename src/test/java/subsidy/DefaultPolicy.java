package subsidy;

import java.math.BigDecimal;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.program.ProgramResult;
import subsidy.size.SizeDecision;

/** The bundled policy, loaded once, and a shortcut to compute one program for a test entity. */
public final class DefaultPolicy {
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
            return PolicyLoader.bundled();
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }
}
