package subsidy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.entity.CreditCode;

/**
 * size_check.csv, row by row as the 2011 standard (工信部联企业〔2011〕300号) gives it for catering
 * (H62): large needs 300 employees and 10000万 revenue, medium 100 and 2000万, small 10 and 100万.
 */
class SizeCheckTest {
    private static final String HEADER = "entity_id,name,entity_type,region_code,industry_code,size_class,employees,"
            + "revenue,total_assets,insured_employees,layoffs,ui_paid_last_year,serious_dishonesty,severely_affected,"
            + "grad_hires,youth_hires,hard_to_employ_hires,cert_junior,cert_intermediate,cert_senior,landlord_type,"
            + "monthly_rent,lease_start,lease_end,rent_free_months_granted";

    @TempDir
    Path dir;

    private static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    private List<String> sizeCheck(String... rows) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, HEADER + "\n" + String.join("\n", rows) + "\n");
        Path out = dir.resolve("out");
        assertEquals(0, CommandLineRun.run("calc", "--as-of", "2022-06-30", "--input", in.toString(), "--out", out.toString()).exit());
        return Files.readAllLines(out.resolve(Outputs.SIZE_CHECK), StandardCharsets.UTF_8);
    }

    @Test
    void aFirmDeclaredSmallThatFailsEveryTierIsMicroEvenWithItsRevenueBlank() throws Exception {
        String id = code("91530402000000001");
        List<String> lines = sizeCheck(id + ",\"王记,\"\"老店\"\"餐馆\",enterprise,530402,H62,small,5,,12.50,5,0,"
                + "1000.00,false,false,0,0,0,0,0,0,,0,,,0");
        // 5 employees fail every tier, so the blank revenue cannot make one unknown: micro.
        assertEquals(List.of("\uFEFF" + String.join(",", SizeCheck.HEADER),
                id + ",\"王记,\"\"老店\"\"餐馆\",H62,\"accommodation H61, catering H62\",small,micro,5,,12.50,"
                        + "\"large (employees ≥ 300: 5 not met, revenue ≥ 10000万: revenue blank): no; "
                        + "medium (employees ≥ 100: 5 not met, revenue ≥ 2000万: revenue blank): no; "
                        + "small (employees ≥ 10: 5 not met, revenue ≥ 100万: revenue blank): no; no tier met: micro\""),
                lines);
    }

    /** A figure stands beside its threshold in the threshold's unit: yuan in the input, 万 in the table. */
    @Test
    void revenueIsWrittenIn万BesideThresholdsIn万ExactlyAsGiven() throws Exception {
        String id = code("91530402000000003");
        List<String> lines = sizeCheck(id + ",张记餐馆,enterprise,530402,H62,small,150,31095792.50,,12,0,1000.00,false,"
                + "false,0,0,0,0,0,0,,0,,,0");
        // 31095792.50 yuan = 3109.57925万: 150 ≥ 100 and 3109.57925万 ≥ 2000万, so medium, not the declared small.
        assertEquals(id + ",张记餐馆,H62,\"accommodation H61, catering H62\",small,medium,150,31095792.50,,"
                + "\"large (employees ≥ 300: 150 not met, revenue ≥ 10000万: 3109.57925万 not met): no; "
                + "medium (employees ≥ 100: 150 met, revenue ≥ 2000万: 3109.57925万 met): yes\"", lines.get(1));
    }

    @Test
    void aFirmWhoseDeclaredSizeStandsIsNotListed() throws Exception {
        String id = code("91530402000000002");
        List<String> lines = sizeCheck(id + ",李记餐馆,enterprise,530402,H62,small,12,1500000,,12,0,1000.00,false,"
                + "false,0,0,0,0,0,0,,0,,,0");
        assertEquals(List.of("\uFEFF" + String.join(",", SizeCheck.HEADER)), lines); // 12 and 150万: small, as declared
    }
}
