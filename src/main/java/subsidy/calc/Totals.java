package subsidy.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import subsidy.input.InputStats;
import subsidy.policy.Policy;

/**
 * The control totals of a run: rows read, computed and rejected, and per program the number of
 * beneficiaries and the sum of the amounts — which must equal the sums of the report's columns.
 */
public final class Totals {
    private final List<String> programIds;
    private final Sums sums;
    private final List<InputStats> inputs = new ArrayList<>();
    private long rejected;

    public Totals(Policy policy) {
        programIds = policy.programs().stream().map(p -> p.id()).toList();
        sums = new Sums(programIds.size());
    }

    void add(EntityResult r) {
        sums.add(r);
    }

    void add(Sums chunk) {
        sums.add(chunk);
    }

    void reject() {
        rejected++;
    }

    void input(InputStats stats) {
        inputs.add(stats);
    }

    public List<String> programIds() {
        return programIds;
    }

    public long beneficiaries(int program) {
        return sums.beneficiaries(program);
    }

    public BigDecimal amount(int program) {
        return sums.amount(program);
    }

    public BigDecimal months() {
        return sums.months();
    }

    public BigDecimal total() {
        return sums.total();
    }

    public long entitiesPaid() {
        return sums.entitiesPaid();
    }

    public long read() {
        return sums.computed() + rejected;
    }

    public long computed() {
        return sums.computed();
    }

    public long rejected() {
        return rejected;
    }

    public List<InputStats> inputs() {
        return List.copyOf(inputs);
    }
}
