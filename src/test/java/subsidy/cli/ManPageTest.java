package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import subsidy.text.Lang;

/** subsidy(1) names every command and every option the help does, and troff reads it without a complaint. */
class ManPageTest {
    @TempDir
    Path tmp;

    @Test
    void thePageHasEveryCommandAndEveryOption() {
        String page = ManPage.of(Lang.EN);
        assertTrue(page.startsWith(".TH SUBSIDY 1 \"\" \"subsidy "), page.substring(0, 60));
        CommandLine root = Main.commandLine(new Std(new ByteArrayOutputStream(), new ByteArrayOutputStream()), Lang.EN);
        check(page, root);
        assertTrue(page.contains("subsidy calc \\-\\-input firms.csv \\-\\-as\\-of 2022\\-06\\-30"), "the help's examples");
        assertTrue(page.chars().allMatch(c -> c < 128), "ASCII only: \\[uXXXX] beyond it");
        assertTrue(page.contains("entity_id                  \\[u7EDF]\\:\\[u4E00]\\:"), "the columns' Chinese headers");
    }

    private static void check(String page, CommandLine cl) {
        if (cl.getCommandName().equals("help")) {
            return;
        }
        if (cl.getParent() != null) {
            assertTrue(page.contains(".SS \"" + ManPage.escape(cl.getCommandSpec().qualifiedName()) + "\""),
                    cl.getCommandSpec().qualifiedName());
        }
        for (OptionSpec o : cl.getCommandSpec().options()) {
            assertTrue(page.contains("\\fB" + ManPage.escape(o.longestName()) + "\\fR"),
                    cl.getCommandSpec().qualifiedName() + " " + o.longestName());
        }
        cl.getSubcommands().values().forEach(sub -> check(page, sub));
    }

    @Test
    void theChinesePageTakesTheChineseHelp() {
        String page = ManPage.of(Lang.ZH);
        assertTrue(page.contains(".SH \"" + ManPage.escape("名称") + "\""));
        assertTrue(page.contains(ManPage.escape("为输入 CSV 文件中的每个单位计算各项补贴。")), "calc's description in Chinese");
        assertTrue(page.chars().allMatch(c -> c < 128), "ASCII only");
    }

    @Test
    void troffReadsBothPagesWithoutWarnings() throws Exception {
        Path groff = Path.of("/usr/bin/groff");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(groff), "groff is not installed here");
        for (Lang lang : Lang.values()) {
            Path f = tmp.resolve("subsidy." + lang.code() + ".1");
            Files.writeString(f, ManPage.of(lang), StandardCharsets.US_ASCII);
            Process p = new ProcessBuilder(groff.toString(), "-man", "-Tutf8", "-z", f.toString())
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), said);
            assertEquals("", said, lang + ": troff's warnings");
        }
    }
}
