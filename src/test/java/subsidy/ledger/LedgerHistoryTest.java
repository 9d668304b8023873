package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import subsidy.ledger.LedgerScript.Calc;
import subsidy.ledger.LedgerScript.Import;
import subsidy.ledger.LedgerScript.Replace;
import subsidy.ledger.LedgerScript.Step;
import subsidy.ledger.LedgerScript.VoidBatch;
import subsidy.ledger.LedgerScript.VoidEntry;
import subsidy.ledger.TestLedgers.Backend;

/**
 * {@link LedgerHistoryProperties}' rule on both backends, for one fixed sequence that takes every
 * path: batches with counted and uncounted items, an import, a void of one program of an entity's
 * entry and of all of it, a replace with the replaced batch's own inputs, a voided import imported
 * again, and the refusals (an import twice, inputs twice, a void of what was not paid or does not count,
 * a replace of an import).
 */
class LedgerHistoryTest {
    @RegisterExtension
    final TestLedgers ledgers = new TestLedgers();

    private static LedgerRun.Item counted(String program, String amount) {
        return new LedgerRun.Item(program, new BigDecimal(amount), null, true);
    }

    private static LedgerRun.Item months(String amount, String months) {
        return new LedgerRun.Item("months", new BigDecimal(amount), new BigDecimal(months), true);
    }

    private static LedgerRun.Item plain(String amount) {
        return new LedgerRun.Item("plain", new BigDecimal(amount), null, false);
    }

    @SafeVarargs
    private static Map<String, List<LedgerRun.Item>> paid(Map.Entry<String, List<LedgerRun.Item>>... rows) {
        Map<String, List<LedgerRun.Item>> m = new LinkedHashMap<>();
        for (Map.Entry<String, List<LedgerRun.Item>> r : rows) {
            m.put(r.getKey(), r.getValue());
        }
        return m;
    }

    private static Corrections.Paid before(String entity, String program, String period, String amount, String months) {
        return new Corrections.Paid(entity, program, period, new BigDecimal(amount),
                months == null ? null : new BigDecimal(months));
    }

    static final List<Step> SEQUENCE = List.of(
            new Calc("2022-03", "k1", paid(
                    Map.entry("E0", List.of(counted("once", "1000.00"), plain("300.00"))),
                    Map.entry("E1", List.of(counted("cap", "250.50"), months("100.00", "2.5"))),
                    Map.entry("E2", List.of(plain("100.00"))))),
            new Import("i1", List.of(before("E0", "once", "2021-01", "500.00", null),
                    before("E3", "cap", "2021-07", "100.00", null), before("E0", "months", "2021-12", "100.00", "3"))),
            new Calc("2022-04", "k2", paid(
                    Map.entry("E0", List.of(counted("cap", "100.00"))),
                    Map.entry("E1", List.of(counted("once", "1000.00"))),
                    Map.entry("E3", List.of(months("33333.33", "6"), plain("1.00"))))),
            new VoidEntry(0, "E1", "cap"),
            new Replace(0, "k1", paid(
                    Map.entry("E0", List.of(counted("once", "0.01"))),
                    Map.entry("E4", List.of(counted("cap", "100.00"))))),
            new VoidBatch(1),
            new Import("i1", List.of(before("E0", "once", "2021-01", "500.00", null))),
            new Import("i1", List.of(before("E2", "once", "2021-01", "1.00", null))),
            new Calc("2022-05", "k2", paid(Map.entry("E4", List.of(counted("once", "1.00"))))),
            new VoidEntry(2, "E2", null),
            new VoidBatch(0),
            new VoidEntry(2, "E3", null),
            new Replace(1, "k9", paid(Map.entry("E4", List.of(counted("once", "1.00"))))),
            new Calc("2022-05", "k3", paid(
                    Map.entry("E0", List.of(counted("once", "1.00"), plain("2.00"))),
                    Map.entry("E1", List.of(counted("cap", "3.00"))),
                    Map.entry("E2", List.of(months("4.00", "1"))),
                    Map.entry("E3", List.of(plain("5.00"))),
                    Map.entry("E4", List.of(counted("once", "6.00"), counted("cap", "7.00"))))));

    @ParameterizedTest
    @EnumSource(Backend.class)
    void whatARunReadsIsWhatTheHistorySaysAfterEveryChangeOfAFixedSequence(Backend backend) throws Exception {
        try (Ledger ledger = TestLedgers.open(ledgers.fresh(backend))) {
            LedgerScript script = new LedgerScript(ledger);
            script.run(SEQUENCE);
            assertEquals(String.join("\n",
                    "Calc[period=2022-03, key=k1, paid={E0=[Item[program=once, amount=1000.00, months=null, "
                            + "counted=true], Item[program=plain, amount=300.00, months=null, counted=false]], "
                            + "E1=[Item[program=cap, amount=250.50, months=null, counted=true], Item[program=months, "
                            + "amount=100.00, months=2.5, counted=true]], E2=[Item[program=plain, amount=100.00, "
                            + "months=null, counted=false]]}] -> batch 1"),
                    script.log().lines().findFirst().orElseThrow());
            assertEquals(List.of("batch 1", "imported as batch 2", "batch 3", "voided batch 1's E1",
                    "batch 4 replacing 1", "voided batch 2", "imported as batch 5", "refused DUPLICATE",
                    "refused DUPLICATE", "refused NOT_FOUND", "refused NOT_FOUND", "voided batch 3's E3",
                    "refused NOT_FOUND", "batch 6"),
                    script.log().lines().map(l -> l.substring(l.lastIndexOf(" -> ") + 4)).toList(),
                    "each step did what the sequence means it to");
            assertEquals(10, ledger.state());
        }
    }
}
