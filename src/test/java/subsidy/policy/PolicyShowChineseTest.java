package subsidy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.text.Texts;

/**
 * {@code policy show --lang zh}: what each program pays, whom it is for and the size thresholds are
 * said in Chinese (columns by their Chinese headers, codes by their Chinese names), not only the words
 * around them; the English stays as it was.
 */
class PolicyShowChineseTest {
    private static List<String> lines(Policy p, Texts t) {
        return PolicyText.render(p, t).lines().toList();
    }

    private static Policy bundled() throws PolicyException {
        return PolicyLoader.bundled(Resolution.on(LocalDate.of(2022, 6, 30)));
    }

    @Test
    void theBundledPolicysProgramsAreSaidInChinese() throws PolicyException {
        List<String> zh = lines(bundled(), Texts.ZH);
        for (String line : List.of(
                "文件 内置政策（config/policy.yaml）（sha256 " + bundled().sha256() + "）",
                "  适用对象：严重失信：否",
                "  裁员率不超过5.50%，参保职工30人及以下的不超过20.00%",
                "  大型企业：上年度失业保险费的50.00%",
                "  微型企业：上年度失业保险费的90.00%",
                "  个体工商户和社会组织：上年度失业保险费的90.00%",
                "  适用对象：单位类型为企业",
                "  招用高校毕业生人数 × 1500元",
                "  适用对象：单位类型为企业，且企业规模为中型、小型、微型",
                "  适用对象：符合下列之一：（所在地区属于risk_area_2022（530428、530502），且受疫情影响暂时无法正常经营：是）"
                        + "或（单位类型为企业，且行业代码属于H62、F52、L727、G56、G53、G54、G55）",
                "  适用对象：不限",
                "  减免月数：3个月，risk_county_2022所列地区6个月",
                "  租期不足应减免月数的：月租金 × 12 × 天数 / 365",
                "  租期与2022-01-01至2022-12-31（租金减免期）有重叠的租约",
                "  租期内每个月均计入",
                "  agriculture A：大型 营业收入 ≥ 20000万；中型 营业收入 ≥ 500万；小型 营业收入 ≥ 50万")) {
            assertTrue(zh.contains(line), () -> "no line «" + line + "» in\n" + String.join("\n", zh));
        }
        assertTrue(zh.stream().anyMatch(l -> l.startsWith("引入 size-table-2011，来自 内置 tables/size-table-2011.yaml（")));
        for (String english : List.of("per head of", "enterprises:", "layoff rate", "who:", "entity type", "months:",
                " false", "revenue ≥", "bundled")) {
            assertFalse(zh.stream().anyMatch(l -> l.contains(english)), () -> "English «" + english + "» in\n"
                    + String.join("\n", zh));
        }
    }

    @Test
    void theBundledPolicysProgramsAreSaidInEnglishAsBefore() throws PolicyException {
        List<String> en = lines(bundled(), Texts.EN);
        for (String line : List.of(
                "file bundled policy (config/policy.yaml) (sha256 " + bundled().sha256() + ")",
                "  who: serious_dishonesty false",
                "  layoff rate ≤ 5.50%, or ≤ 20.00% with at most 30 insured",
                "  large enterprises: 50.00% of last year's premiums",
                "  individual businesses and nonprofits: 90.00%",
                "  1500 per head of grad_hires",
                "  who: entity type enterprise and size medium, micro, small",
                "  months: 3, 6 in regions of risk_county_2022",
                "  agriculture A: large revenue ≥ 20000万; medium revenue ≥ 500万; small revenue ≥ 50万")) {
            assertTrue(en.contains(line), () -> "no line «" + line + "» in\n" + String.join("\n", en));
        }
        assertEquals(PolicyText.render(bundled()), PolicyText.render(bundled(), Texts.EN));
    }

    @Test
    void bandsSharesAndTiersAreSaidInChinese() throws PolicyException {
        Policy yuanjiang = PolicyLoader.load(Path.of("config/yuanjiang-2022.yaml"),
                Resolution.on(LocalDate.of(2022, 6, 30)));
        List<String> zh = lines(yuanjiang, Texts.ZH);
        for (String line : List.of("  见习期满留用率 ≥ 0.5：2000元（乘以就业见习人员月数(人·月,2022年内)）",
                "  吸纳就业人数(不含创业者本人) ≥ 1 且 ≤ 2：6000至10000，按6000执行（example value: replace with the county's figure确定）",
                "  每个单位每次计算最多300000.00元")) {
            assertTrue(zh.contains(line), () -> "no line «" + line + "» in\n" + String.join("\n", zh));
        }
        List<String> en = lines(yuanjiang, Texts.EN);
        for (String line : List.of("  trainee_retention_rate ≥ 0.5: 2000 per head of trainee_months",
                "  jobs_absorbed ≥ 1 and ≤ 2: 6000 to 10000: 6000 is paid, set by example value: replace with the county's figure",
                "  at most 300000.00 per entity in one run")) {
            assertTrue(en.contains(line), () -> "no line «" + line + "» in\n" + String.join("\n", en));
        }
        List<String> tiered = lines(PolicyLoader.load(Path.of("config/tiered-stable-job.yaml")), Texts.ZH);
        for (String line : List.of("  2.00% < 裁员率 ≤ 3.00%：40.00%（上年度失业保险费的比例）", "  超出最高一档：不予返还")) {
            assertTrue(tiered.contains(line), () -> "no line «" + line + "» in\n" + String.join("\n", tiered));
        }
    }
}
