package subsidy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.DefaultPolicy;
import subsidy.TestEntity;
import subsidy.entity.SizeClass;

/** The 公示名单: beneficiaries only, credit codes masked to the first 6 and last 4, sorted for publication. */
class NoticeListTest {
    @Test
    void creditCodeShowsFirstSixAndLastFour() {
        assertEquals("914403********136T", NoticeList.mask("91440300708461136T"));
    }

    @Test
    void onlyBeneficiariesSortedByRegionThenName() throws Exception {
        NoticeList notice = new NoticeList(DefaultPolicy.POLICY);
        TestEntity paid = TestEntity.enterprise(SizeClass.SMALL).region("530502").insurance(10, 0, "1000");
        paid.name = "乙公司";
        TestEntity first = TestEntity.enterprise(SizeClass.SMALL).region("530102").insurance(10, 0, "2000");
        first.name = "甲公司";
        TestEntity nothing = TestEntity.enterprise(SizeClass.SMALL);
        for (TestEntity t : List.of(paid, nothing, first)) {
            notice.add(DefaultPolicy.compute(t));
        }
        StringWriter out = new StringWriter();
        notice.write(out);
        assertEquals(List.of(
                "region_code,name,entity_id,programs,stable_job_refund,hiring_subsidy,absorption_subsidy,"
                        + "retention_training,skills_certificate,rent_waiver,total",
                "530102,甲公司,915301********0000,失业保险稳岗返还,1800.00,0.00,0.00,0.00,0.00,0.00,1800.00",
                "530502,乙公司,915301********0000,失业保险稳岗返还,900.00,0.00,0.00,0.00,0.00,0.00,900.00"),
                out.toString().lines().toList());
    }
}
