package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.CommandLineRun.Result;
import subsidy.text.Lang;
import subsidy.text.Texts;

/** {@code --lang zh|en}: the help, usage errors and the command line's own messages in the language asked for. */
class LangOptionTest {
    @TempDir
    Path tmp;

    @Test
    void calcHelpInChineseWithLangAfterOrBeforeTheCommand() {
        for (String[] args : new String[][] {{"calc", "--help", "--lang", "zh"}, {"--lang", "zh", "calc", "--help"},
            {"--lang=zh", "calc", "-h"}}) {
            Result r = CommandLineRun.run(args);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("用法：subsidy calc "), r.out());
            assertTrue(r.out().contains("为输入 CSV 文件中的每个单位计算各项补贴。"), r.out());
            assertTrue(r.out().contains("单位数据 CSV（UTF-8 或 GBK）；多个文件可重复指定。"), r.out());
            assertTrue(r.out().contains("等待另一进程写完台账的秒数（默认：60）。"), "the default is filled in: " + r.out());
            assertTrue(r.out().contains("退出码：\n  0   每行均已计算\n"), r.out());
            assertTrue(r.out().contains("显示本帮助并退出。"), r.out());
            assertFalse(r.out().contains("Compute the relief"), r.out());
        }
    }

    @Test
    void topHelpListsTheCommandsInChinese() {
        Result r = CommandLineRun.run("--help", "--lang", "zh");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("计算 2020—2022 年小微企业和个体工商户纾困补贴。"), r.out());
        // The column is as wide as the longest command's name (generate-completion).
        assertTrue(r.out().matches("(?s).*命令：\n  calc +为输入 CSV 文件中的每个单位计算各项补贴。.*"), r.out());
    }

    @Test
    void helpCommandSpeaksChineseToo() {
        Result r = CommandLineRun.run("--lang", "zh", "help", "verify");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("按输入文件重算报表"), r.out());
        assertTrue(CommandLineRun.run("help", "--lang", "zh").out().contains("显示指定命令的帮助。"));
    }

    @Test
    void aMissingOptionIsAUsageErrorInChinese() {
        Result r = CommandLineRun.run("calc", "--lang", "zh");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("subsidy: 缺少必需的选项或参数：'--input=FILE'\n用 'subsidy calc --help --lang zh' 查看用法。\n",
                r.err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorInChinese() {
        Result r = CommandLineRun.run("--lang", "zh", "ledger", "list", "--ledger", "x.db", "--bogus");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("subsidy: 无法识别的选项或参数：'--bogus'\n用 'subsidy ledger list --help --lang zh' 查看用法。\n",
                r.err());
    }

    @Test
    void ourOwnUsageErrorsAreInChinese() {
        Result r = CommandLineRun.run("calc", "--lang", "zh", "--input", "samples/firms.csv", "--details");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("subsidy: --details 须与 --out DIR 同用\n用 'subsidy calc --help --lang zh' 查看用法。\n", r.err());
        r = CommandLineRun.run("explain", "--lang", "zh", "--input", "samples/firms.csv", "--id", "X", "--period", "2022-13");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("subsidy: --period '2022-13'：所属期为月份，格式 YYYY-MM（如 2022-05）\n"), r.err());
    }

    @Test
    void anUnreadableOptionValueIsAUsageErrorInChinese() {
        Result r = CommandLineRun.run("calc", "--lang", "zh", "--input", "samples/firms.csv", "--as-of", "2022-02-30");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("subsidy: 选项 '--as-of' 的值无效："), r.err());
    }

    @Test
    void anUnknownLanguageIsAUsageErrorNamingZhAndEn() {
        Result r = CommandLineRun.run("calc", "--lang", "fr", "--input", "samples/firms.csv");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("subsidy: --lang 'fr': the language is zh or en\nTry 'subsidy calc --help' for more information.\n",
                r.err());
        assertEquals("", r.out());
        r = CommandLineRun.run("--lang", "zh", "policy", "show", "--lang", "xx");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("subsidy: --lang 'xx'：语言只能是 zh 或 en\n"), r.err());
    }

    @Test
    void aMissingInputFileIsSaidInChinese() {
        Path none = tmp.resolve("none.csv");
        Result r = CommandLineRun.run("calc", "--lang", "zh", "--as-of", "2022-06-30", "--input", none.toString(),
                "--out", tmp.resolve("out").toString());
        assertEquals(ExitCode.UNUSABLE, r.exit(), r.err());
        // The input's own words are the input helper's; the command line's part is Chinese.
        assertTrue(r.err().startsWith("subsidy: "), r.err());
        assertTrue(r.err().contains(none.toString()), r.err());
        assertTrue(r.err().endsWith("（未写入任何文件）\n"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void englishIsTheDefaultWhateverTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Result r = CommandLineRun.run("calc");
            assertEquals("subsidy: Missing required option: '--input=FILE'\n"
                    + "Try 'subsidy calc --help' for more information.\n", r.err());
            assertTrue(CommandLineRun.run("calc", "--help").out().startsWith("Usage: subsidy calc "));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void langEnIsTheEnglishThatWasThere() {
        Result r = CommandLineRun.run("calc", "--lang", "en", "--input", "samples/firms.csv", "--details");
        assertEquals("subsidy: --details needs --out DIR\nTry 'subsidy calc --help' for more information.\n", r.err());
    }

    @Test
    void policyCheckSaysItsVerdictInChinese() {
        Result r = CommandLineRun.run("policy", "check", "--lang", "zh", "config/policy.yaml");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("config/policy.yaml：可用 — 政策 "), r.out());
        assertTrue(r.out().contains("未核对引文：加 --sources DIR"), r.out());
    }

    @Test
    void versionInChinese() {
        Result r = CommandLineRun.run("--version", "--lang", "zh");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\n内置政策："), r.out());
        assertTrue(CommandLineRun.run("--version").out().contains("\nbundled policy: "));
    }

    @Test
    void testCommandSaysAMissingFolderInChinese() {
        Result r = CommandLineRun.run("test", "--lang", "zh", tmp.resolve("nowhere").toString());
        assertEquals(ExitCode.UNUSABLE, r.exit());
        assertTrue(r.err().contains("nowhere：文件或目录不存在"), r.err());
    }

    @Test
    void ledgerSubcommandsTakeTheLanguageOfTheTopCommand() throws IOException {
        Path payments = tmp.resolve("paid.csv");
        Files.writeString(payments, "entity_id,program,period,amount,months\n", StandardCharsets.UTF_8);
        Result r = CommandLineRun.run("--lang", "zh", "ledger", "import", "--ledger", tmp.resolve("l.db").toString(),
                "--reason", "r", payments.toString());
        assertEquals(ExitCode.UNUSABLE, r.exit());
        assertTrue(r.err().contains("：有 1 处问题；未导入任何记录：\n  表头下没有发放记录"), r.err());
    }

    @Test
    void ledgerListHeadInChineseAlignedByColumnsAndInEnglishAsBefore() {
        String ledger = tmp.resolve("l.db").toString();
        Result calc = CommandLineRun.run("calc", "--input", "samples/firms.csv", "--ledger", ledger, "--period",
                "2022-05", "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, calc.exit(), calc.err());
        String[] en = CommandLineRun.run("ledger", "list", "--ledger", ledger).out().split("\n");
        assertEquals(String.format(Locale.ROOT, "%6s  %-17s  %-6s  %-20s  %-20s  %9s  %16s  %s", "batch", "period",
                "kind", "state", "recorded", "entities", "total", "files, policy, note"), en[1]);
        String[] zh = CommandLineRun.run("ledger", "list", "--lang", "zh", "--ledger", ledger).out().split("\n");
        assertTrue(zh[0].startsWith("台账 ") && zh[0].endsWith("，批次 1 个"), zh[0]);
        // Each word takes two columns a character: 批次 right in 6, 所属期 left in 17, … 合计 right in 16.
        assertEquals("  批次  所属期" + " ".repeat(11 + 2) + "类型" + " ".repeat(2 + 2) + "状态" + " ".repeat(16 + 2)
                + "记录时间" + " ".repeat(12 + 2 + 3) + "单位数" + " ".repeat(2 + 12) + "合计  文件、政策、说明", zh[1]);
        assertEquals(en[2], zh[2], "the rows are the ledger's, the same in both languages");
    }

    @Test
    void theLastLangBeforeDoubleDashWins() {
        assertEquals(Lang.EN, LangOption.prescan());
        assertEquals(Lang.ZH, LangOption.prescan("--lang", "zh", "calc"));
        assertEquals(Lang.ZH, LangOption.prescan("--lang=ZH", "calc"));
        assertEquals(Lang.EN, LangOption.prescan("--lang", "zh", "calc", "--lang", "en"));
        assertEquals(Lang.EN, LangOption.prescan("calc", "--", "--lang", "zh"));
        assertEquals(Lang.EN, LangOption.prescan("calc", "--lang", "fr"));
        assertEquals(Lang.EN, LangOption.prescan("calc", "--lang"));
    }

    @Test
    void progressLineInChinese() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        ProgressMeter m = new ProgressMeter(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now[0], true,
                Texts.ZH);
        m.start(1000);
        now[0] = ProgressMeter.INTERVAL_NANOS;
        m.advance(1234, 500);
        now[0] = 2 * ProgressMeter.INTERVAL_NANOS;
        m.finish(2000);
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("subsidy: 1,234 行 · 4,936 行/秒 · 50% · 约剩 0:01"), s);
        assertTrue(s.contains("subsidy: 2,000 行，用时 0:00 · 4,000 行/秒"), s);
    }
}
