package subsidy.hire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.input.InputException;
import subsidy.text.Texts;

/** Reading a hire list: its encodings, headers in either language, title rows, every reason of a bad row. */
class HireListTest {
    @TempDir
    Path tmp;

    private HireList read(String text, Charset cs) throws Exception {
        Path p = tmp.resolve("hires.csv");
        Files.write(p, text.getBytes(cs));
        return HireList.read(p, "hires.csv", null);
    }

    @Test
    void aGbkListWithChineseHeadersAndATitleRowIsRead() throws Exception {
        HireList l = read("2022年6月招用人员名单,,,,,\n"
                + "统一社会信用代码,公民身份号码,人员类别,招用日期,劳动合同期限（月）,参加失业保险月数\n"
                + "9153040225581193XN,530428199903120015,高校毕业生,2022年3月1日,24,6\n"
                + "915301022674397173,53042820000101004x,就业困难人员,2022/4/1,,\n", Charset.forName("GB18030"));
        assertEquals("GBK", l.encoding());
        assertEquals(2, l.headerLine());
        assertEquals(2, l.size());
        assertEquals(List.of(), l.rejected());
        assertEquals("9153040225581193XN", l.firm(0));
        assertEquals("530428199903120015", l.idNumber(0));
        assertEquals(Category.GRADUATE, l.category(0));
        assertEquals(LocalDate.of(2022, 3, 1), l.hireDate(0));
        assertEquals(24, l.contractMonths(0));
        assertEquals(6, l.insuredMonths(0));
        assertEquals(3, l.line(0));
        assertEquals(Category.HARD_TO_EMPLOY, l.category(1));
        assertEquals(-1, l.contractMonths(1));
        assertEquals("53042820000101004X", l.idNumber(1)); // a lower-case x is read as X
        assertEquals(4, l.line(1));
    }

    @Test
    void aBadRowGivesEveryReasonWithTheNumberMasked() throws Exception {
        HireList l = read("entity_id,id_number,category,hire_date\n"
                + "9153040225581193XM,530428199903120016,trainee,someday\n", StandardCharsets.UTF_8);
        assertEquals(0, l.size());
        assertEquals(1, l.rejected().size());
        var r = l.rejected().get(0);
        assertEquals(List.of("bad_credit_code", "bad_id_number", "unknown_code", "bad_date"), r.codes());
        String reasons = String.join(" | ", r.reasons(Texts.EN));
        assertTrue(reasons.contains("id_number 530428********0016: check character is '6', expected '5'"), reasons);
        assertTrue(!reasons.contains("530428199903120016"), reasons);
        assertEquals(2, r.line());
        String zh = String.join(" | ", r.reasons(Texts.ZH));
        assertTrue(zh.contains("公民身份号码530428********0016"), zh);
    }

    @Test
    void aListWithoutARequiredColumnIsUnusable() {
        InputException e = assertThrows(InputException.class, () -> read("entity_id,id_number,hire_date\n"
                + "9153040225581193XN,530428199903120015,2022-03-01\n", StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("lacks the column(s) category"), e.getMessage());
    }

    @Test
    void blankRowsAreIgnoredAndShortRowsRejected() throws Exception {
        HireList l = read("\uFEFFentity_id,id_number,category,hire_date\n,,,\n"
                + "9153040225581193XN,530428199903120015\n", StandardCharsets.UTF_8);
        assertEquals("UTF-8", l.encoding());
        assertEquals(1, l.emptyRows());
        assertEquals(List.of("cells_count_mismatch"), l.rejected().get(0).codes());
        assertEquals(3, l.rejected().get(0).line());
    }

    @Test
    void keysGiveBackTheNumberAndTheCode() {
        for (String id : List.of("530428199903120015", "11010119900307001X", "000000190001010017")) {
            if (subsidy.entity.ResidentId.valid(id)) {
                assertEquals(id, Keys.idNumber(Keys.person(id)));
            }
        }
        for (String code : List.of("9153040225581193XN", "91530102MA0000001R", "000000000000000000", "YYYYYYYYYYYYYYYYYY")) {
            assertEquals(code, Keys.firm(Keys.firmHigh(code), Keys.firmLow(code)));
        }
    }
}
