package subsidy.ledger;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import subsidy.ledger.LedgerScript.Calc;
import subsidy.ledger.LedgerScript.Import;
import subsidy.ledger.LedgerScript.Replace;
import subsidy.ledger.LedgerScript.Step;
import subsidy.ledger.LedgerScript.VoidBatch;
import subsidy.ledger.LedgerScript.VoidEntry;

/**
 * What a run reads of what each entity has used up ({@code entity_state}, kept beside the history in
 * each change's transaction) is what the history says at the ledger's state ({@link History#priorAt}),
 * after every change of any sequence of calc batches, replaces, voids and imports; both are what a
 * plain model of those changes counts. SQLite here, a fixed sequence on both backends in
 * {@link LedgerHistoryTest}.
 */
class LedgerHistoryProperties {
    @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
    void whatARunReadsIsWhatTheHistorySaysAfterEveryChange(@ForAll("steps") List<Step> steps) throws Exception {
        Path dir = Files.createTempDirectory("subsidy-ledger-property");
        try (Ledger ledger = TestLedgers.open(dir.resolve("ledger.sqlite").toString())) {
            new LedgerScript(ledger).run(steps);
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, calc()),
                net.jqwik.api.Tuple.of(2, replace()),
                net.jqwik.api.Tuple.of(3, voidEntry()),
                net.jqwik.api.Tuple.of(1, voidBatch()),
                net.jqwik.api.Tuple.of(2, imports()))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.of("k1", "k2", "k3", "k4", "k5", "k6");
    }

    private static Arbitrary<BigDecimal> amounts() {
        return Arbitraries.of("0.01", "100.00", "250.50", "1000", "33333.33").map(BigDecimal::new);
    }

    /** What one entity is paid in a calc batch: up to three programs, each once. */
    private static Arbitrary<List<LedgerRun.Item>> items() {
        Arbitrary<LedgerRun.Item> one = Combinators.combine(Arbitraries.of(LedgerScript.PROGRAMS), amounts(),
                Arbitraries.of("1", "2.5", "6").map(BigDecimal::new)).as((program, amount, months) ->
                new LedgerRun.Item(program, amount, program.equals("months") ? months : null,
                        LedgerScript.countedProgram(program)));
        return one.list().ofMaxSize(3).uniqueElements(LedgerRun.Item::program);
    }

    /** Each entity paid in a batch (an entity once a batch, as a run computes it once), in row order. */
    private static Arbitrary<Map<String, List<LedgerRun.Item>>> paid() {
        Arbitrary<List<String>> who = Arbitraries.of(LedgerScript.ENTITIES.subList(0, 5)).list().ofMaxSize(5)
                .uniqueElements();
        return who.flatMap(entities -> items().list().ofSize(entities.size()).map(lists -> {
            Map<String, List<LedgerRun.Item>> m = new LinkedHashMap<>();
            for (int i = 0; i < entities.size(); i++) {
                m.put(entities.get(i), lists.get(i));
            }
            return m;
        }));
    }

    private static Arbitrary<Step> calc() {
        return Combinators.combine(Arbitraries.of(LedgerScript.PERIODS), keys(), paid()).as(Calc::new);
    }

    private static Arbitrary<Step> replace() {
        return Combinators.combine(Arbitraries.integers().between(0, 20), keys(), paid()).as(Replace::new);
    }

    private static Arbitrary<Step> voidEntry() {
        Arbitrary<String> program = Arbitraries.of(LedgerScript.PROGRAMS).injectNull(0.4);
        return Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.of(LedgerScript.ENTITIES.subList(0, 5)), program).as(VoidEntry::new);
    }

    private static Arbitrary<Step> voidBatch() {
        return Arbitraries.integers().between(0, 20).map(VoidBatch::new);
    }

    private static Arbitrary<Step> imports() {
        Arbitrary<Corrections.Paid> row = Combinators.combine(Arbitraries.of(LedgerScript.ENTITIES.subList(0, 5)),
                Arbitraries.of("once", "cap", "months"), Arbitraries.of("2021-01", "2021-07", "2021-12"), amounts(),
                Arbitraries.of("1", "3").map(BigDecimal::new)).as((entity, program, period, amount, months) ->
                new Corrections.Paid(entity, program, period, amount, program.equals("months") ? months : null));
        return Combinators.combine(Arbitraries.of("i1", "i2", "i3"), row.list().ofMinSize(1).ofMaxSize(5))
                .as(Import::new);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
