package subsidy.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.DefaultPolicy;
import subsidy.TestEntity;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.entity.Column;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.policy.Criteria;
import subsidy.policy.Figure;
import subsidy.text.Texts;

/**
 * The bundled policy (config/policy.yaml) computed with {@code Calculator(policy, Texts.ZH)}: every reason a
 * program pays nothing for, and every explain step, in terse official Chinese; columns by their Chinese
 * headers, region lists and program ids as ids. The same calculator in English writes what it always has.
 */
class ChineseReasonsTest {
    private static final Calculator ZH = new Calculator(DefaultPolicy.POLICY, Texts.ZH);
    private static final Calculator EN = new Calculator(DefaultPolicy.POLICY);

    private static ProgramResult program(Calculator c, TestEntity t, String id) {
        var e = t.build();
        EntityResult r = c.compute(e, c.size(e, false), "t.csv", 2);
        return r.programs().stream().filter(p -> p.programId().equals(id)).findFirst().orElseThrow();
    }

    private static String reason(TestEntity t, String id) {
        return program(ZH, t, id).reason();
    }

    @Test
    void aSizeNotServedIsNamedByItsChineseName() {
        TestEntity large = TestEntity.enterprise(SizeClass.LARGE).figures(2000L, "500000000", "500000000");
        large.hardToEmploy = 3;
        assertEquals("不适用于大型企业", reason(large, "absorption_subsidy"));
        assertEquals("not for size large", program(EN, large, "absorption_subsidy").reason());
    }

    @Test
    void aRegionNotListedKeepsTheListsIdAndEveryAlternativeIsGiven() {
        TestEntity t = TestEntity.enterprise(SizeClass.MICRO).region("530402").industry("I65");
        assertEquals("行政区划530402不在risk_area_2022名单内；行业代码I65不在适用范围内", reason(t, "retention_training"));
        assertEquals("no_alternative_met", program(ZH, t, "retention_training").reasonCode());
        assertEquals("region 530402 not in risk_area_2022 / not for industry I65",
                program(EN, t, "retention_training").reason());
    }

    @Test
    void anEntityTypeNotServedIsNamedInChinese() {
        TestEntity t = TestEntity.of(EntityType.INDIVIDUAL_BUSINESS).region("530102").industry("F52");
        assertEquals("不适用于个体工商户", reason(t, "hiring_subsidy"));
    }

    @Test
    void rentWaiverReasonsNameTheRentAndTheLandlordInChinese() {
        assertEquals("月租金为0", reason(TestEntity.enterprise(SizeClass.SMALL).industry("I65")
                .lease(LandlordType.STATE_ENTERPRISE, "0"), "rent_waiver"));
        assertEquals("不适用于出租方为非国有单位的租赁", reason(TestEntity.enterprise(SizeClass.SMALL).industry("I65")
                .lease(LandlordType.PRIVATE, "1000"), "rent_waiver"));
        assertEquals("无租赁", reason(TestEntity.enterprise(SizeClass.SMALL).industry("I65"), "rent_waiver"));
    }

    @Test
    void theRefundsReasonsGiveTheLayoffRateAndBothLimits() {
        assertEquals("上年度未缴纳失业保险费", reason(TestEntity.enterprise(SizeClass.SMALL), "stable_job_refund"));
        assertEquals("裁员率3 / (3 + 10) = 23.08%，超过5.50%，且超过参保职工30人及以下单位的20.00%",
                reason(TestEntity.enterprise(SizeClass.SMALL).insurance(10, 3, "1000"), "stable_job_refund"));
        TestEntity dishonest = TestEntity.enterprise(SizeClass.SMALL).insurance(10, 0, "1000");
        dishonest.dishonest = true;
        assertEquals("严重失信（是）", reason(dishonest, "stable_job_refund"));
        assertEquals("serious_dishonesty is true", program(EN, dishonest, "stable_job_refund").reason());
    }

    @Test
    void nobodyCountedNamesTheColumnsByTheirChineseHeaders() {
        assertEquals("招用高校毕业生人数 + 招用登记失业青年人数 = 0",
                reason(TestEntity.enterprise(SizeClass.SMALL), "hiring_subsidy"));
        assertEquals("grad_hires + youth_hires = 0", program(EN, TestEntity.enterprise(SizeClass.SMALL),
                "hiring_subsidy").reason());
    }

    @Test
    void theExplainStepsOfAShortLeaseAreInChinese() {
        TestEntity t = TestEntity.of(EntityType.INDIVIDUAL_BUSINESS).industry("F52")
                .lease(LandlordType.STATE_ENTERPRISE, "3000").dates("2022-03-01", "2022-05-30");
        var e = t.build();
        Trace.Recording trace = new Trace.Recording();
        EntityResult r = ZH.compute(e, ZH.size(e, true), "t.csv", 2, trace);
        assertEquals(0, r.programs().stream().filter(p -> p.programId().equals("rent_waiver")).findFirst()
                .orElseThrow().amount().compareTo(new BigDecimal("8975.34")));
        List<String> steps = trace.lines();
        for (String step : List.of("出租方类型国有企业属于国有企业、机关、事业单位：符合",
                "主体类型个体工商户属于个体工商户：符合",
                "月租金3000 > 0：符合",
                "减免月数：3（行政区划530102不在risk_county_2022名单内）− 已免租0 = 3",
                "租期2022-03-01至2022-05-30不足3个月（早于2022-05-31到期）：符合",
                "天数 = 2022-05-30 − 2022-03-01 + 1 = 91",
                "金额 = 3000 × 12 × 91 / 365 = 8975.342466… → 8975.34（四舍五入至0.01）；月数 = 91 × 12 / 365 = 2.99",
                "上年度实际缴纳失业保险费0 > 0：不符合")) {
            assertTrue(steps.contains(step), step + " in " + steps);
        }
    }

    @Test
    void aConditionsVerdictIsWrittenInTheTracesLanguage() {
        Trace.Recording trace = new Trace.Recording();
        trace.condition(Texts.ZH, "月租金3000 > 0", true);
        trace.condition(Texts.ZH, "月租金0 > 0", false);
        trace.condition("monthly_rent 0 > 0", false);
        assertEquals(List.of("月租金3000 > 0：符合", "月租金0 > 0：不符合", "monthly_rent 0 > 0: not met"), trace.lines());
    }

    @Test
    void aFigureTheTextOnlyBoundsSaysWhichIsPaidAndWhoSetIt() {
        Figure ceiling = new Figure(BigDecimal.ONE, Figure.Bound.UP_TO, null, BigDecimal.ONE, null);
        assertEquals("最高1，按上限1执行", ceiling.noteText().in(Texts.ZH));
        assertEquals("up to 1: the ceiling, 1, is paid", ceiling.note());
        Figure range = new Figure(new BigDecimal("8000"), Figure.Bound.RANGE, new BigDecimal("6000"),
                new BigDecimal("10000"), "县人社局");
        assertEquals("6000至10000，按8000执行（县人社局确定）", range.noteText().in(Texts.ZH));
        assertEquals("6000 to 10000: 8000 is paid, set by 县人社局", range.note());
    }

    @Test
    void aCappedShareSaysWhatWasComputedAndWhatIsPaid() {
        Share share = new Share("ui_share", "稳岗", List.of(), Criteria.ANYONE, Column.UI_PAID_LAST_YEAR,
                Figure.exact(new BigDecimal("0.5")), null, new BigDecimal("1000"), null, null);
        var e = TestEntity.enterprise(SizeClass.SMALL).insurance(10, 0, "10000").build();
        ProgramResult zh = share.evaluate(e, SizeClass.SMALL, Lookups.plain(Texts.ZH), Trace.NONE);
        assertEquals("计算金额5000.00，按每户上限1000.00发放", zh.reason());
        assertEquals("capped", zh.reasonCode());
        assertEquals("5000.00 computed; cap 1000.00 per entity is paid",
                share.evaluate(e, SizeClass.SMALL, Lookups.PLAIN, Trace.NONE).reason());
        var none = TestEntity.enterprise(SizeClass.SMALL).build();
        assertEquals("上年度实际缴纳失业保险费为0",
                share.evaluate(none, SizeClass.SMALL, Lookups.plain(Texts.ZH), Trace.NONE).reason());
    }

    @Test
    void plainLookupsKeepTheirLanguage() {
        assertEquals(Texts.ZH, Lookups.plain(Texts.ZH).texts());
        assertEquals(Texts.EN, Lookups.PLAIN.texts());
        assertEquals(Texts.ZH, ZH.texts());
        assertEquals(Texts.ZH, ZH.memoised().texts());
    }
}
