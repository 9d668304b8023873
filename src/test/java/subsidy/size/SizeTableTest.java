package subsidy.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import subsidy.DefaultPolicy;
import subsidy.TestEntity;
import subsidy.entity.SizeClass;

/** The 2011 firm-size standard (SPEC §5): each threshold at its value and just below. Money in yuan. */
class SizeTableTest {
    private static SizeDecision decide(String industry, Long employees, String revenue, String assets,
            SizeClass declared) {
        TestEntity t = TestEntity.enterprise(declared).industry(industry).figures(employees, revenue, assets);
        return DefaultPolicy.POLICY.sizeTable().decide(t.build());
    }

    @ParameterizedTest(name = "{0}: emp {1}, rev {2}, assets {3} → {4}")
    @CsvSource({
        // agriculture A: revenue 20000 / 500 / 50 万
        "A01, , 200000000, , LARGE",
        "A01, , 199999999.99, , MEDIUM",
        "A01, , 5000000, , MEDIUM",
        "A01, , 4999999.99, , SMALL",
        "A01, , 500000, , SMALL",
        "A01, , 499999.99, , MICRO",
        // industry C: emp 1000 & rev 40000万 / 300 & 2000万 / 20 & 300万
        "C13, 1000, 400000000, , LARGE",
        "C13, 999, 400000000, , MEDIUM",
        "C13, 1000, 399999999.99, , MEDIUM",
        "C13, 300, 20000000, , MEDIUM",
        "C13, 299, 20000000, , SMALL",
        "C13, 20, 3000000, , SMALL",
        "C13, 19, 3000000, , MICRO",
        "C13, 20, 2999999.99, , MICRO",
        // construction E: revenue and assets
        "E48, , 800000000, 800000000, LARGE",
        "E48, , 800000000, 799999999.99, MEDIUM",
        "E48, , 60000000, 50000000, MEDIUM",
        "E48, , 3000000, 3000000, SMALL",
        "E48, , 3000000, 2999999.99, MICRO",
        // wholesale F51
        "F51, 200, 400000000, , LARGE",
        "F51, 20, 50000000, , MEDIUM",
        "F51, 5, 10000000, , SMALL",
        "F51, 4, 10000000, , MICRO",
        // retail F52 (longest prefix: F5211 is retail)
        "F5211, 300, 200000000, , LARGE",
        "F5211, 50, 5000000, , MEDIUM",
        "F5211, 10, 1000000, , SMALL",
        "F5211, 9, 1000000, , MICRO",
        // transport G53-G58
        "G54, 1000, 300000000, , LARGE",
        "G54, 300, 30000000, , MEDIUM",
        "G54, 20, 2000000, , SMALL",
        "G54, 20, 1999999.99, , MICRO",
        // warehousing G59, postal G60
        "G59, 200, 300000000, , LARGE",
        "G59, 100, 10000000, , MEDIUM",
        "G59, 20, 1000000, , SMALL",
        "G60, 1000, 300000000, , LARGE",
        "G60, 300, 20000000, , MEDIUM",
        "G60, 19, 1000000, , MICRO",
        // accommodation and catering
        "H62, 300, 100000000, , LARGE",
        "H61, 100, 20000000, , MEDIUM",
        "H62, 99, 20000000, , SMALL",
        "H62, 10, 1000000, , SMALL",
        "H62, 10, 999999.99, , MICRO",
        // information transmission, software
        "I63, 2000, 1000000000, , LARGE",
        "I64, 1999, 1000000000, , MEDIUM",
        "I65, 300, 100000000, , LARGE",
        "I65, 100, 10000000, , MEDIUM",
        "I65, 10, 500000, , SMALL",
        "I65, 10, 499999.99, , MICRO",
        // real estate development: revenue and assets
        "K701, , 2000000000, 100000000, LARGE",
        "K701, , 10000000, 50000000, MEDIUM",
        "K701, , 1000000, 20000000, SMALL",
        "K701, , 1000000, 19999999.99, MICRO",
        // property management
        "K702, 1000, 50000000, , LARGE",
        "K702, 300, 10000000, , MEDIUM",
        "K702, 100, 5000000, , SMALL",
        "K702, 99, 5000000, , MICRO",
        // leasing and business services L: employees and assets
        "L72, 300, , 1200000000, LARGE",
        "L727, 100, , 80000000, MEDIUM",
        "L72, 10, , 1000000, SMALL",
        "L72, 10, , 999999.99, MICRO",
        // every other industry: employees only
        "M74, 300, , , LARGE",
        "M74, 299, , , MEDIUM",
        "M74, 100, , , MEDIUM",
        "M74, 99, , , SMALL",
        "M74, 10, , , SMALL",
        "M74, 9, , , MICRO",
        // a bare section letter or a prefix of no row falls to "every other industry"
        "F, 300, , , LARGE",
        "K70, 9, , , MICRO",
    })
    void derivedFromThe2011Table(String industry, Long employees, String revenue, String assets, SizeClass expected) {
        SizeDecision d = decide(industry, employees, revenue, assets, null);
        assertEquals(expected, d.size());
        assertEquals(SizeSource.DERIVED, d.source());
    }

    @Test
    void aTierThatAlreadyFailsOnAGivenFigureNeedsNoOther() {
        // C: 5 employees fails small's 20 whatever the revenue, so micro without a revenue figure
        assertEquals(SizeClass.MICRO, decide("C13", 5L, null, null, null).size());
    }

    @Test
    void aTierThatCannotBeDecidedMakesTheSizeUnderivable() {
        // C: 500 employees could be large or medium depending on the missing revenue
        assertNull(decide("C13", 500L, null, null, null));
        assertNull(decide("M74", null, "1000000", null, null));
    }

    @Test
    void declaredSizeAgreeingOrUncheckableIsDeclared() {
        assertEquals(SizeSource.DECLARED, decide("M74", 50L, null, null, SizeClass.SMALL).source());
        SizeDecision d = decide("C13", 500L, null, null, SizeClass.MEDIUM);
        assertEquals(SizeSource.DECLARED, d.source());
        assertEquals(SizeClass.MEDIUM, d.size());
    }

    @Test
    void declaredSizeContradictedByTheFiguresIsReportedAndTheDerivedOneUsed() {
        SizeDecision d = decide("H62", 150L, "30000000", null, SizeClass.SMALL);
        assertEquals(SizeSource.DECLARED_MISMATCH, d.source());
        assertEquals(SizeClass.MEDIUM, d.size());
        assertEquals("size_class: declared small but the 2011 standard (accommodation H61, catering H62) gives "
                + "medium; medium is used", d.mismatchNote());
    }
}
