package subsidy.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Chinese a user reads lives in the message catalogue, never in a string beside the logic. Code may
 * hold Chinese only where it is input the program recognises (a header alias, 万 in an amount, 是/否),
 * each file named here with the reason.
 */
class NoTextBesideLogicTest {
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");

    /** Files whose Chinese is vocabulary the reader accepts or English documentation naming a Chinese term. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("entity/Column.java", "each column's Chinese header, accepted in an input's header row"),
            Map.entry("entity/EntityType.java", "the Chinese words accepted in entity_type"),
            Map.entry("entity/SizeClass.java", "the Chinese words accepted in size_class"),
            Map.entry("entity/LandlordType.java", "the Chinese words accepted in landlord_type"),
            Map.entry("entity/Households.java", "a household list's Chinese headers and the words accepted in residence"),
            Map.entry("input/Cells.java", "the date (年月日), amount (元, 万) and boolean (是/否) forms a cell may take"),
            Map.entry("size/Metric.java", "the size table's Chinese metric names, as a policy's size table writes them"),
            Map.entry("cli/CalcCommand.java", "English help in the annotations names a Chinese term (公示名单); HelpTextsTest"
                    + " holds the annotations equal to help_en.properties, which --help prints"),
            Map.entry("cli/LedgerCommand.java", "English help in the annotations names a Chinese term (追回), as above"),
            Map.entry("policy/Citations.java", "the headings of the source documents (一、 （一） 第N条) the article check reads"),
            Map.entry("program/ReasonCode.java", "the English meanings of the codes, for README.md's table, quote the seeds'"
                    + " words (最高…, 不低于…)"));

    @Test
    void noChineseStringOutsideTheCatalogue() throws IOException {
        Path root = Path.of("src/main/java/subsidy");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (ALLOWED.containsKey(rel)) {
                    continue;
                }
                String[] lines = withoutComments(Files.readString(f)).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (CJK.matcher(lines[i]).find()) {
                        found.add(rel + ":" + (i + 1) + ": " + lines[i].strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** The source with its comments blanked (line breaks kept, so line numbers hold). */
    static String withoutComments(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') { // a string or char literal: kept whole
                int j = i + 1;
                if (c == '"' && s.startsWith("\"\"\"", i)) {
                    int end = s.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? s.length() : end + 3;
                    b.append(s, i, end);
                    i = end;
                    continue;
                }
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, s.length());
                b.append(s, i, j);
                i = j;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int k = i; k < end; k++) {
                    if (s.charAt(k) == '\n') {
                        b.append('\n');
                    }
                }
                i = end;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    @Test
    void commentsAreBlankedAndStringsKept() {
        String src = "a = \"元\"; // 说明\n/* 注释\n */ b = '万';";
        assertEquals("a = \"元\"; \n\n b = '万';", withoutComments(src));
    }
}
