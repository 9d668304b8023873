package subsidy.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import subsidy.input.InputStats;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.program.ProgramResult;

/**
 * The control totals of a run: rows read, computed and rejected, and per program the number of
 * beneficiaries and the sum of the amounts — which must equal the sums of the report's columns.
 */
public final class Totals {
    private final List<String> programIds;
    private final long[] beneficiaries;
    private final BigDecimal[] amounts;
    private final List<InputStats> inputs = new ArrayList<>();
    private BigDecimal months = Money.ZERO;
    private BigDecimal total = Money.ZERO;
    private long entitiesPaid;
    private long computed;
    private long rejected;

    public Totals(Policy policy) {
        programIds = policy.programs().stream().map(p -> p.id()).toList();
        beneficiaries = new long[programIds.size()];
        amounts = new BigDecimal[programIds.size()];
        java.util.Arrays.fill(amounts, Money.ZERO);
    }

    void add(EntityResult r) {
        computed++;
        for (int i = 0; i < amounts.length; i++) {
            ProgramResult p = r.programs().get(i);
            amounts[i] = amounts[i].add(p.amount());
            if (p.amount().signum() > 0) {
                beneficiaries[i]++;
            }
            if (p.months() != null) {
                months = months.add(p.months());
            }
        }
        total = total.add(r.total());
        if (r.total().signum() > 0) {
            entitiesPaid++;
        }
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
        return beneficiaries[program];
    }

    public BigDecimal amount(int program) {
        return amounts[program];
    }

    public BigDecimal months() {
        return months;
    }

    public BigDecimal total() {
        return total;
    }

    public long entitiesPaid() {
        return entitiesPaid;
    }

    public long read() {
        return computed + rejected;
    }

    public long computed() {
        return computed;
    }

    public long rejected() {
        return rejected;
    }

    public List<InputStats> inputs() {
        return List.copyOf(inputs);
    }
}
