package subsidy.calc;

import java.math.BigDecimal;
import java.util.Arrays;
import subsidy.money.Money;
import subsidy.program.ProgramResult;

/**
 * Amounts added up over some computed rows: per program the beneficiaries and the sum paid, the
 * months waived, the grand total. A worker sums its chunk and the run adds the chunks' sums, so the
 * thread that keeps rows in order does not do the arithmetic; exact decimals make the order of
 * adding irrelevant.
 */
final class Sums {
    private final long[] beneficiaries;
    private final BigDecimal[] amounts;
    private BigDecimal months = Money.ZERO;
    private BigDecimal total = Money.ZERO;
    private long entitiesPaid;
    private long computed;

    Sums(int programs) {
        beneficiaries = new long[programs];
        amounts = new BigDecimal[programs];
        Arrays.fill(amounts, Money.ZERO);
    }

    void add(EntityResult r) {
        computed++;
        for (int i = 0; i < amounts.length; i++) {
            ProgramResult p = r.programs().get(i);
            if (p.amount().signum() > 0) {
                amounts[i] = amounts[i].add(p.amount());
                beneficiaries[i]++;
            }
            if (p.months() != null && p.months().signum() > 0) {
                months = months.add(p.months());
            }
        }
        if (r.total().signum() > 0) {
            total = total.add(r.total());
            entitiesPaid++;
        }
    }

    void add(Sums s) {
        computed += s.computed;
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = amounts[i].add(s.amounts[i]);
            beneficiaries[i] += s.beneficiaries[i];
        }
        months = months.add(s.months);
        total = total.add(s.total);
        entitiesPaid += s.entitiesPaid;
    }

    long beneficiaries(int program) {
        return beneficiaries[program];
    }

    BigDecimal amount(int program) {
        return amounts[program];
    }

    BigDecimal months() {
        return months;
    }

    BigDecimal total() {
        return total;
    }

    long entitiesPaid() {
        return entitiesPaid;
    }

    long computed() {
        return computed;
    }
}
