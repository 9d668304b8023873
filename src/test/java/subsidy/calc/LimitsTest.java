package subsidy.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import subsidy.TestEntity;
import subsidy.entity.Entity;
import subsidy.ledger.BatchInfo;
import subsidy.ledger.Entry;
import subsidy.ledger.Prior;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.program.ProgramResult;

/**
 * The limits the shipped policies do not use, on a policy made for them: {@code once} counts only the
 * same policy's payments (and imports), {@code amount} pays the rest of its cap. Amounts by hand.
 */
class LimitsTest {
    private static final String CITE = "[{seed: s, at: 11160, words: 同一企业一年内只能享受一次}]";
    private static final Policy POLICY = policy();

    private static Policy policy() {
        String yaml = "id: limits-test\ntitle: limits\nsources:\n  s: {file: seeds/003_a635056c91f675c3.txt, title: t}\n"
                + "programs:\n"
                + "  reward:\n    kind: fixed\n    title: 奖补\n    source: " + CITE + "\n    amount: 20000\n"
                + "    limit: {kind: once, source: " + CITE + "}\n"
                + "  capped:\n    kind: fixed\n    title: 最高不超过30万元\n    source: " + CITE + "\n    amount: 120000\n"
                + "    limit: {kind: amount, cap: 300000, source: " + CITE + "}\n"
                + "  yearly:\n    kind: fixed\n    title: 每年不超过30万元\n    source: " + CITE + "\n    amount: 120000\n"
                + "    limit: {kind: amount_per_year, cap: 300000, source: " + CITE + "}\n"
                + "  over:\n    kind: fixed\n    title: 每年不超过30万元\n    source: " + CITE + "\n    amount: 400000\n"
                + "    limit: {kind: amount_per_year, cap: 300000, source: " + CITE + "}\n"
                + "  plain:\n    kind: fixed\n    title: plain\n    source: " + CITE + "\n    amount: 100\n"
                + "    limit: {kind: none}\n";
        try {
            return PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "limits.yaml", Resolution.on(null));
        } catch (subsidy.policy.PolicyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static BatchInfo batch(long id, String period, String kind, String policy) {
        return new BatchInfo(id, id, period, kind, null, "", policy, null, null, "", "", id - 1, null, "done", "counted",
                null, null, 1, "0", null);
    }

    private static final Map<Long, BatchInfo> BATCHES = new LinkedHashMap<>(Map.of(
            1L, batch(1, "2020-03", "calc", "limits-test"),
            2L, batch(2, "2020-04", "calc", "another-policy"),
            3L, batch(3, "2019-12", "import", null)));

    private static ProgramResult compute(String program, Entry... earlier) {
        Calculator c = new Calculator(POLICY).withLedger(new Limits("2020-06", POLICY.id(), BATCHES));
        Entity e = new TestEntity().build();
        EntityResult r = c.compute(e, c.size(e, false), "t.csv", 2, subsidy.program.Trace.NONE,
                new Prior(List.of(earlier)));
        return r.programs().stream().filter(p -> p.programId().equals(program)).findFirst().orElseThrow();
    }

    private static Entry paid(String program, long batch, String amount) {
        return new Entry(program, BATCHES.get(batch).period(), batch, new BigDecimal(amount), null);
    }

    @Test
    void onceIsPaidOnceUnderThePolicyNamingWhereItWasPaid() {
        assertEquals(new BigDecimal("20000.00"), compute("reward").amount());
        ProgramResult again = compute("reward", paid("reward", 1, "20000.00"));
        assertEquals(new BigDecimal("0.00"), again.amount());
        assertEquals("ledger_paid_already", again.reasonCode());
        assertEquals("paid once already: 20000.00 in 2020-03 (batch 1) (once per entity)", again.reason());
    }

    @Test
    void onceCountsNoPaymentOfAnotherPolicyButCountsAnImport() {
        assertEquals(new BigDecimal("20000.00"), compute("reward", paid("reward", 2, "20000.00")).amount(),
                "paid under another policy: another program that shares the id");
        ProgramResult imported = compute("reward", paid("reward", 3, "15000.00"));
        assertEquals(new BigDecimal("0.00"), imported.amount());
        assertTrue(imported.reason().contains("15000.00 in 2019-12 (batch 3, imported)"), imported.reason());
    }

    @Test
    void anAmountCapPaysTheRestOfTheCapThenNothing() {
        // 300000 cap: 120000 + 120000 paid before leaves 60000 of this period's 120000.
        ProgramResult rest = compute("capped", paid("capped", 1, "120000.00"), paid("capped", 2, "120000.00"));
        assertEquals(new BigDecimal("60000.00"), rest.amount());
        assertEquals("ledger_cap_reached", rest.reasonCode());
        assertTrue(rest.reason().endsWith("the rest, 60000.00, is paid"), rest.reason());
        ProgramResult none = compute("capped", paid("capped", 1, "180000.00"), paid("capped", 2, "120000.00"));
        assertEquals(new BigDecimal("0.00"), none.amount());
        assertTrue(none.reason().endsWith("nothing is left"), none.reason());
        ProgramResult under = compute("capped", paid("capped", 1, "120000.00"));
        assertEquals(new BigDecimal("120000.00"), under.amount(), "180000 left: the whole amount");
        assertNull(under.reason());
    }

    @Test
    void aYearlyAmountCapCountsOnlyThePaymentsOfTheBatchYear() {
        // The batch is of 2020-06: 2019-12's 150000 (imported) is another year; 2020-03's 200000 leaves 100000.
        ProgramResult rest = compute("yearly", paid("yearly", 3, "150000.00"), paid("yearly", 1, "200000.00"));
        assertEquals(new BigDecimal("100000.00"), rest.amount());
        assertEquals("ledger_cap_reached", rest.reasonCode());
        assertTrue(rest.reason().startsWith("cap 300000.00 in 2020; 200000.00 paid before: 200000.00 in 2020-03"),
                rest.reason());
        ProgramResult fresh = compute("yearly", paid("yearly", 3, "290000.00"));
        assertEquals(new BigDecimal("120000.00"), fresh.amount(), "a new year: the whole amount");
    }

    @Test
    void anAmountCapHoldsInTheFirstBatchToo() {
        // Nothing paid before, 120000 due under a yearly cap of 100000? The cap is 300000 here, so a
        // program that computes more than its cap in its first batch is needed: 'over' computes 400000.
        ProgramResult first = compute("over");
        assertEquals(new BigDecimal("300000.00"), first.amount(), "at most the cap, even with nothing paid before");
        assertEquals("ledger_cap_reached", first.reasonCode());
        ProgramResult otherYear = compute("over", paid("over", 3, "300000.00"));
        assertEquals(new BigDecimal("300000.00"), otherYear.amount(), "2019's payment is another year's");
    }

    @Test
    void aProgramWithoutALimitIsPaidAgain() {
        assertEquals(new BigDecimal("100.00"), compute("plain", paid("plain", 1, "100.00")).amount());
    }
}
