package subsidy.cases;

import java.util.ArrayList;
import java.util.List;
import subsidy.cases.CaseResult.Mismatch;
import subsidy.input.Escape;

/** A case's outcome as a test runner prints it: PASS or FAIL, and for a failure what was expected and computed. */
public final class CaseReport {
    private CaseReport() {
    }

    /** {@code PASS name}, or {@code FAIL name (file, line N)} and a table of the differences. */
    public static List<String> lines(CaseResult r) {
        TestCase c = r.testCase();
        List<String> lines = new ArrayList<>();
        if (r.passed()) {
            lines.add("PASS " + Escape.controls(c.name()));
            return lines;
        }
        lines.add("FAIL " + Escape.controls(c.name()) + "  (" + c.file() + ", line " + c.line() + ")");
        lines.add("     checks: " + Escape.controls(c.checks()));
        boolean entities = r.mismatches().stream().anyMatch(m -> !m.entity().isEmpty());
        List<String[]> table = new ArrayList<>();
        table.add(entities ? new String[] {"entity", "program", "field", "expected", "computed"}
                : new String[] {"program", "field", "expected", "computed"});
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
        long passed = results.stream().filter(CaseResult::passed).count();
        return passed + " passed, " + (results.size() - passed) + " failed";
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
