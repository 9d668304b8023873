package subsidy.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import subsidy.Reason;
import subsidy.TestEntity;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.policy.RegionList;
import subsidy.policy.Resolution;
import subsidy.program.Lookups;
import subsidy.size.SizeDecision;
import subsidy.size.SizeRow;
import subsidy.size.SizeTable;
import subsidy.text.Texts;

/**
 * {@link MemoLookups}, the cache a run uses, gives what {@link Lookups#PLAIN}, the reference, gives:
 * on the first asking (a miss) and on the next (a hit), for generated codes, and through whole
 * calculations under every shipped policy.
 */
class MemoLookupsProperties {
    private static final List<Policy> POLICIES = shipped();
    private static final SizeTable TABLE = POLICIES.get(0).sizeTable();
    private static final Lookups PLAIN = Lookups.PLAIN;

    private static List<Policy> shipped() {
        try {
            return List.of(PolicyLoader.bundled(Resolution.CHECK),
                    PolicyLoader.load(Path.of("config/baoshan-2022.yaml"), Resolution.CHECK),
                    PolicyLoader.load(Path.of("config/linxia-2020.yaml"), Resolution.CHECK),
                    PolicyLoader.load(Path.of("config/national-ui-refund.yaml"), Resolution.CHECK),
                    PolicyLoader.load(Path.of("config/tiered-stable-job.yaml"), Resolution.CHECK));
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asked twice of one cache, so that both the miss and the hit are compared. */
    private static <T> void twice(T plain, java.util.function.Supplier<T> memo) {
        assertNotNull(plain);
        assertEquals(plain, memo.get());
        assertEquals(plain, memo.get());
    }

    @Property(tries = 300)
    void codedReasonsAreThePlainOnes(@ForAll("industries") String industry, @ForAll("regions") String region,
            @ForAll("regions") String listed, @ForAll("keys") String key, @ForAll("misses") List<String> misses) {
        RegionList list = new RegionList(key, "title", List.of(), Map.of(listed, "县"));
        MemoLookups memo = new MemoLookups(TABLE, List.of(list));
        twice(PLAIN.notForIndustry(industry), () -> memo.notForIndustry(industry));
        twice(PLAIN.regionNotListed(region, list), () -> memo.regionNotListed(region, list));
        twice(PLAIN.noAlternative(misses), () -> memo.noAlternative(misses));
        // a list not of the run's policy is answered afresh, with its own key
        RegionList other = new RegionList(key + "_other", "title", List.of(), Map.of());
        twice(PLAIN.regionNotListed(region, other), () -> memo.regionNotListed(region, other));
        twice(PLAIN.regionNotListed(region, list), () -> memo.regionNotListed(region, list));
    }

    @Property(tries = 50)
    void enumReasonsAreThePlainOnes(@ForAll EntityType type, @ForAll SizeClass size, @ForAll LandlordType landlord) {
        MemoLookups memo = new MemoLookups(TABLE, List.of());
        twice(PLAIN.notForType(type), () -> memo.notForType(type));
        twice(PLAIN.notForSize(size), () -> memo.notForSize(size));
        twice(PLAIN.notForLandlord(landlord), () -> memo.notForLandlord(landlord));
    }

    @Property(tries = 300)
    void percentsAreThePlainOnes(@ForAll @IntRange(min = 0, max = 1_000_000) int unscaled,
            @ForAll @IntRange(min = 0, max = 8) int scale) {
        BigDecimal limit = BigDecimal.valueOf(unscaled, scale);
        MemoLookups memo = new MemoLookups(TABLE, List.of());
        twice(PLAIN.percent(limit), () -> memo.percent(limit));
    }

    @Property(tries = 300)
    void sizeRowsAreThePlainOnes(@ForAll("industries") String industry) {
        MemoLookups memo = new MemoLookups(TABLE, List.of());
        SizeRow plain = PLAIN.sizeRow(TABLE, industry);
        assertSame(plain, memo.sizeRow(TABLE, industry));
        assertSame(plain, memo.sizeRow(TABLE, industry));
        // another table than the run's is looked up afresh, not from the run's memo
        SizeTable other = new SizeTable("elsewhere", TABLE.rows().subList(0, 1));
        assertSame(PLAIN.sizeRow(other, industry), memo.sizeRow(other, industry));
        assertEquals(null, new MemoLookups(SizeTable.NONE, List.of()).sizeRow(SizeTable.NONE, industry));
    }

    /** One run's memoised calculator and the plain one give equal results, entity after entity. */
    @Property(tries = 40)
    void aMemoisedCalculatorComputesWhatThePlainOneDoes(@ForAll("entities") List<TestEntity> entities,
            @ForAll @IntRange(min = 0, max = 4) int which) {
        Policy policy = POLICIES.get(which);
        Calculator plain = new Calculator(policy);
        Calculator memo = plain.memoised();
        for (int round = 0; round < 2; round++) { // the second round is answered from the memo
            for (TestEntity t : entities) {
                long[] extras = new long[policy.schema().extras().size()]; // the policy's own columns
                for (int i = 0; i < extras.length; i++) {
                    extras[i] = (t.grads + 3L * i + t.insured) % 6;
                }
                t.extras = new subsidy.entity.Extras(extras);
                var e = t.build();
                SizeDecision size = plain.size(e, false);
                assertEquals(size, memo.size(e, false));
                if (size != null) {
                    assertEquals(plain.compute(e, size, "p.csv", 2), memo.compute(e, size, "p.csv", 2));
                }
            }
        }
    }

    /** In Chinese too: a run's memo holds the answers of its own language, equal to the plain ones. */
    @Property(tries = 200)
    void inChineseCodedReasonsAreThePlainOnes(@ForAll("industries") String industry, @ForAll("regions") String region,
            @ForAll("regions") String listed, @ForAll("keys") String key, @ForAll("misses") List<String> misses,
            @ForAll EntityType type, @ForAll SizeClass size, @ForAll LandlordType landlord) {
        Lookups zh = Lookups.plain(Texts.ZH);
        RegionList list = new RegionList(key, "title", List.of(), Map.of(listed, "县"));
        MemoLookups memo = new MemoLookups(TABLE, List.of(list), Texts.ZH);
        assertSame(Texts.ZH, memo.texts());
        twice(zh.notForIndustry(industry), () -> memo.notForIndustry(industry));
        twice(zh.regionNotListed(region, list), () -> memo.regionNotListed(region, list));
        twice(zh.noAlternative(misses), () -> memo.noAlternative(misses));
        twice(zh.notForType(type), () -> memo.notForType(type));
        twice(zh.notForSize(size), () -> memo.notForSize(size));
        twice(zh.notForLandlord(landlord), () -> memo.notForLandlord(landlord));
        // the two languages' answers share the code, not the text
        assertEquals(PLAIN.notForSize(size).code(), memo.notForSize(size).code());
    }

    /** A Chinese run's memoised calculator computes what the plain Chinese one does, notes and all. */
    @Property(tries = 20)
    void inChineseAMemoisedCalculatorComputesWhatThePlainOneDoes(@ForAll("entities") List<TestEntity> entities,
            @ForAll @IntRange(min = 0, max = 4) int which) {
        Policy policy = POLICIES.get(which);
        Calculator plain = new Calculator(policy, Texts.ZH);
        Calculator memo = plain.memoised();
        for (int round = 0; round < 2; round++) {
            for (TestEntity t : entities) {
                long[] extras = new long[policy.schema().extras().size()];
                for (int i = 0; i < extras.length; i++) {
                    extras[i] = (t.grads + 3L * i + t.insured) % 6;
                }
                t.extras = new subsidy.entity.Extras(extras);
                var e = t.build();
                SizeDecision size = plain.size(e, false);
                if (size != null) {
                    assertEquals(plain.compute(e, size, "p.csv", 2), memo.compute(e, size, "p.csv", 2));
                }
            }
        }
    }

    /**
     * Through the rules, a run's calculator hands out the reason it made before, not an equal one
     * made again: the notes' encoder relies on it. The plain one makes each afresh.
     */
    @Example
    void aRunsCalculatorGivesTheSameReasonAgain() {
        Calculator plain = new Calculator(POLICIES.get(0));
        Calculator memo = plain.memoised();
        // not in the risk list, not a hard-hit industry: retention_training misses both alternatives
        var e = TestEntity.enterprise(SizeClass.SMALL).region("530102").industry("M74").build();
        SizeDecision size = plain.size(e, false);
        String first = reason(memo.compute(e, size, "a.csv", 2), "retention_training");
        assertEquals("region 530102 not in risk_area_2022 / not for industry M74", first);
        assertSame(first, reason(memo.compute(e, size, "a.csv", 3), "retention_training"));
        String fresh = reason(plain.compute(e, size, "a.csv", 2), "retention_training");
        assertEquals(first, fresh);
        assertNotSame(fresh, reason(plain.compute(e, size, "a.csv", 3), "retention_training"));
    }

    private static String reason(EntityResult r, String program) {
        return r.programs().stream().filter(p -> p.programId().equals(program)).findFirst().orElseThrow().reason();
    }

    @Provide
    Arbitrary<String> industries() {
        Arbitrary<String> shipped = Arbitraries.of("H62", "H61", "F5211", "F52", "F51", "C13", "C34", "I65", "I64",
                "M74", "G54", "G56", "G59", "L727", "L72", "E48", "A01", "K701", "K702", "O80", "S", "R86", "C", "B");
        Arbitrary<String> any = Combinators.combine(Arbitraries.chars().range('A', 'T'),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(4)).as((c, d) -> c + d);
        return Arbitraries.oneOf(shipped, any);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.oneOf(Arbitraries.of("530428", "530502", "530102", "530521", "622901"),
                Arbitraries.strings().numeric().ofLength(6));
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("risk_area_2022", "poverty_counties", "x");
    }

    @Provide
    Arbitrary<List<String>> misses() {
        Arbitrary<String> miss = Arbitraries.oneOf(Arbitraries.of("not for industry C13", "region 530102 not in risk_area_2022",
                "severely_affected is false", "grad_hires 0 < 1"), Arbitraries.strings().ofMinLength(0).ofMaxLength(12));
        return miss.list().ofMinSize(0).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<TestEntity>> entities() {
        Arbitrary<TestEntity> entity = Combinators.combine(
                Arbitraries.of(EntityType.class), Arbitraries.of(SizeClass.class).injectNull(0.3),
                industries(), regions(),
                Arbitraries.longs().between(0, 400).list().ofSize(9),
                Arbitraries.longs().between(0, 50_000_000L).list().ofSize(4),
                Arbitraries.of(LandlordType.class).injectNull(0.4),
                Arbitraries.integers().between(0, 7).list().ofSize(5))
                .as((type, size, industry, region, counts, cents, landlord, choices) -> {
                    TestEntity t = TestEntity.of(type);
                    t.size = type == EntityType.ENTERPRISE ? size : null;
                    t.industry = industry;
                    t.region = region;
                    if (choices.get(0) > 1) {
                        t.figures(counts.get(0), BigDecimal.valueOf(cents.get(0) * 97, 2).toPlainString(),
                                choices.get(0) > 4 ? null : BigDecimal.valueOf(cents.get(1) * 53, 2).toPlainString());
                    }
                    t.insured = counts.get(1);
                    t.layoffs = choices.get(1) > 3 ? counts.get(2) / 10 : counts.get(2) / 100;
                    t.uiPaid = choices.get(2) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(cents.get(2), 2);
                    t.dishonest = choices.get(3) == 0;
                    t.affected = choices.get(3) > 4;
                    t.grads = counts.get(3) % 5;
                    t.youth = counts.get(4) % 7;
                    t.hardToEmploy = counts.get(5) % 3;
                    t.junior = counts.get(6) % 4;
                    t.intermediate = counts.get(7) % 3;
                    t.senior = counts.get(8) % 2;
                    if (landlord != null) {
                        t.landlord = landlord;
                        t.rent = BigDecimal.valueOf(cents.get(3), 2);
                        if (choices.get(4) > 2) {
                            LocalDate start = LocalDate.of(2021, 1, 1).plusDays(counts.get(0) * 3);
                            t.leaseStart = start;
                            t.leaseEnd = start.plusDays(30 + counts.get(1) * 2);
                        }
                        t.granted = choices.get(4) % 3;
                    }
                    return t;
                });
        return entity.list().ofMinSize(1).ofMaxSize(30);
    }
}
