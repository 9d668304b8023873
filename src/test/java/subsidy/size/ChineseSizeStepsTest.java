package subsidy.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.DefaultPolicy;
import subsidy.TestEntity;
import subsidy.entity.SizeClass;
import subsidy.text.Texts;

/** A size the figures contradict, and the tier tests that settle it, in Chinese: 大型、中型、小型、微型, Chinese metric names. */
class ChineseSizeStepsTest {
    private static final SizeTable TABLE = DefaultPolicy.POLICY.sizeTable();

    @Test
    void aContradictedSizeSaysWhichIsUsedInChinese() {
        var e = TestEntity.enterprise(SizeClass.LARGE).industry("C13").figures(5L, "100", "100").build();
        SizeDecision d = TABLE.explained(e, Texts.ZH);
        assertEquals(SizeClass.MICRO, d.size());
        String note = d.mismatchNote(Texts.ZH);
        assertTrue(note.startsWith("企业规模：申报为大型，按2011年标准（") && note.endsWith("）应为微型，按微型计算"), note);
        assertTrue(d.mismatchNote().startsWith("size_class: declared large but the 2011 standard ("), d.mismatchNote());
        assertEquals(List.of("大型（从业人员 ≥ 1000：5，不符合；营业收入 ≥ 40000万：0.01万，不符合）：否",
                "中型（从业人员 ≥ 300：5，不符合；营业收入 ≥ 2000万：0.01万，不符合）：否",
                "小型（从业人员 ≥ 20：5，不符合；营业收入 ≥ 300万：0.01万，不符合）：否",
                "均不符合：微型"), d.steps());
        assertEquals("small (employees ≥ 20: 5 not met, revenue ≥ 300万: 0.01万 not met): no",
                TABLE.explained(e).steps().get(2));
    }

    @Test
    void aBlankFigureLeavesATierUnknownInChinese() {
        var e = TestEntity.enterprise(SizeClass.SMALL).industry("I65").build();
        List<String> steps = TABLE.explained(e, Texts.ZH).steps();
        assertEquals("大型（从业人员 ≥ 300：从业人员为空；营业收入 ≥ 10000万：营业收入为空）：无法判断", steps.get(0));
    }
}
