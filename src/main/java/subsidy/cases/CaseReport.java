package subsidy.cases;

import java.util.ArrayList;
import java.util.List;
import subsidy.cases.CaseResult.Mismatch;
import subsidy.input.Escape;
import subsidy.text.Texts;

/** A case's outcome as a test runner prints it: PASS or FAIL, and for a failure what was expected and computed. */
public final class CaseReport {
    private CaseReport() {
    }

    /** {@code PASS name}, or {@code FAIL name (file, line N)} and a table of the differences. */
    public static List<String> lines(CaseResult r) {
        return lines(r, Texts.EN);
    }

    /** As {@link #lines(CaseResult)}, its words in {@code texts}' language (PASS and FAIL stay, for scripts). */
    public static List<String> lines(CaseResult r, Texts texts) {
        TestCase c = r.testCase();
        List<String> lines = new ArrayList<>();
        if (r.passed()) {
            lines.add(texts.get("cases.report.pass", Escape.controls(c.name())));
            return lines;
        }
        lines.add(texts.get("cases.report.fail", Escape.controls(c.name()), c.file(), c.line()));
        lines.add("     " + texts.get("cases.report.checks", Escape.controls(c.checks())));
        boolean entities = r.mismatches().stream().anyMatch(m -> !m.entity().isEmpty());
        List<String[]> table = new ArrayList<>();
        String[] heading = {texts.get("cases.report.entity"), texts.get("cases.report.program"),
            texts.get("cases.report.field"), texts.get("cases.report.expected"), texts.get("cases.report.computed")};
        table.add(entities ? heading : java.util.Arrays.copyOfRange(heading, 1, heading.length));
        for (Mismatch m : r.mismatches()) {
            String program = m.program().isEmpty() ? "-" : m.program();
            String[] row = entities ? new String[] {m.entity(), program, m.field(), m.expected(), m.computed()}
                    : new String[] {program, m.field(), m.expected(), m.computed()};
            for (int i = 0; i < row.length; i++) {
                row[i] = Escape.controls(row[i]);
            }
            table.add(row);
        }
        int[] widths = new int[table.get(0).length];
        for (String[] row : table) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        for (String[] row : table) {
            StringBuilder sb = new StringBuilder("     ");
            for (int i = 0; i < row.length; i++) {
                sb.append(row[i]);
                if (i < row.length - 1) {
                    sb.append(" ".repeat(widths[i] - width(row[i]) + 2));
                }
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    /** {@code N passed, M failed}. */
    public static String summary(List<CaseResult> results) {
        return summary(results, Texts.EN);
    }

    /** {@code N passed, M failed} in {@code texts}' language. */
    public static String summary(List<CaseResult> results, Texts texts) {
        long passed = results.stream().filter(CaseResult::passed).count();
        return texts.get("cases.report.summary", passed, results.size() - passed);
    }

    /** Columns a terminal gives the text: two for a Chinese character or a full-width form, else one. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
                    || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                    || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
            w += wide ? 2 : 1;
        }
        return w;
    }
}
