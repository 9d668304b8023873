package subsidy.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import subsidy.program.Trace;
import subsidy.text.Texts;

/**
 * The notes the calculator itself writes — a ledger's limits across batches, and programs not combined
 * (就高不就低) — in the run's language: Chinese with {@code Calculator(policy, Texts.ZH)}, the English of
 * old with {@code Calculator(policy)}.
 */
class ChineseNotesTest {
    private static final String CITE = "[{seed: s, at: 11160, words: 同一企业一年内只能享受一次}]";
    private static final Policy POLICY = policy();
    private static final Map<Long, BatchInfo> BATCHES = Map.of(
            1L, batch(1, "2022-03", "calc", "zh-notes"),
            3L, batch(3, "2022-05", "import", null));

    private static Policy policy() {
        String yaml = "id: zh-notes\ntitle: notes\nsources:\n  s: {file: seeds/003_a635056c91f675c3.txt, title: t}\n"
                + "programs:\n"
                + "  reward:\n    kind: fixed\n    title: 奖补\n    source: " + CITE + "\n    amount: 20000\n"
                + "    limit: {kind: once, source: " + CITE + "}\n"
                + "  yearly:\n    kind: fixed\n    title: 每年一次\n    source: " + CITE + "\n    amount: 5000\n"
                + "    limit: {kind: once_per_year, source: " + CITE + "}\n"
                + "  capped:\n    kind: fixed\n    title: 最高不超过30万元\n    source: " + CITE + "\n    amount: 120000\n"
                + "    limit: {kind: amount, cap: 300000, source: " + CITE + "}\n"
                + "  lesser:\n    kind: fixed\n    title: 较低\n    source: " + CITE + "\n    amount: 100\n"
                + "    limit: {kind: none}\n"
                + "exclusive_groups:\n  not_combined:\n    programs: [capped, lesser]\n    pay: higher\n"
                + "    source: " + CITE + "\n";
        try {
            return PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "zh-notes.yaml", Resolution.on(null));
        } catch (subsidy.policy.PolicyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static BatchInfo batch(long id, String period, String kind, String policy) {
        return new BatchInfo(id, id, period, kind, null, "", policy, null, null, "", "", id - 1, null, "done", "counted",
                null, null, 1, "0", null);
    }

    private static ProgramResult compute(Texts texts, String program, Entry... earlier) {
        Calculator c = new Calculator(POLICY, texts).withLedger(new Limits("2022-06", POLICY.id(), BATCHES));
        Entity e = new TestEntity().build();
        EntityResult r = c.compute(e, c.size(e, false), "t.csv", 2, Trace.NONE, new Prior(List.of(earlier)));
        return r.programs().stream().filter(p -> p.programId().equals(program)).findFirst().orElseThrow();
    }

    private static Entry paid(String program, long batch, String amount) {
        return new Entry(program, BATCHES.get(batch).period(), batch, new BigDecimal(amount), null);
    }

    @Test
    void paidOnceAlreadyNamesThePeriodAndBatchInChinese() {
        ProgramResult again = compute(Texts.ZH, "reward", paid("reward", 1, "20000.00"));
        assertEquals("ledger_paid_already", again.reasonCode());
        assertEquals("已于2022-03第1批次（20000.00）享受，每户限享受一次", again.reason());
        assertEquals("paid once already: 20000.00 in 2022-03 (batch 1) (once per entity)",
                compute(Texts.EN, "reward", paid("reward", 1, "20000.00")).reason());
    }

    @Test
    void paidThisYearAlreadySaysNotAgainThisYearInChinese() {
        ProgramResult again = compute(Texts.ZH, "yearly", paid("yearly", 3, "5000.00"));
        assertEquals("已于2022-05第3批次（5000.00，导入）享受，2022年度不再享受", again.reason());
    }

    @Test
    void theRestOfACapIsPaidWithItsChineseNote() {
        ProgramResult r = compute(Texts.ZH, "capped", paid("capped", 1, "200000.00"));
        assertEquals(new BigDecimal("100000.00"), r.amount());
        assertEquals("累计上限300000.00；此前已享受200000.00：2022-03第1批次（200000.00）；按余额100000.00发放", r.reason());
    }

    @Test
    void programsNotCombinedSayWhichIsHigherInChinese() {
        ProgramResult lesser = compute(Texts.ZH, "lesser");
        assertEquals("paid_by_higher_program", lesser.reasonCode());
        assertEquals("与capped不叠加享受（capped金额120000.00更高；not_combined：就高不就低）", lesser.reason());
        assertEquals("not combined with capped (120000.00 is higher; not_combined: 就高不就低)",
                compute(Texts.EN, "lesser").reason());
    }

    @Test
    void aLedgerLimitsStepIsWrittenInChinese() {
        Calculator c = new Calculator(POLICY, Texts.ZH).withLedger(new Limits("2022-06", POLICY.id(), BATCHES));
        Entity e = new TestEntity().build();
        Trace.Recording trace = new Trace.Recording();
        c.compute(e, c.size(e, false), "t.csv", 2, trace, new Prior(List.of(paid("reward", 1, "20000.00"))));
        assertEquals(true, trace.lines().contains("[reward] 跨批次限额（once）：20000.00 → 0.00："
                + "已于2022-03第1批次（20000.00）享受，每户限享受一次"), trace.lines().toString());
        assertEquals(true, trace.lines().contains("金额 = 20000.00（定额）"), trace.lines().toString());
    }
}
