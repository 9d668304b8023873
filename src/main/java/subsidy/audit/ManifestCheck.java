package subsidy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import subsidy.input.InputStats;
import subsidy.policy.Policy;
import subsidy.report.ReportJob;

/**
 * verify's second question: beside the amounts, has anything the run rested on changed since?
 * manifest.json holds the policy's, every input's and the report's SHA-256 and the --as-of date.
 */
final class ManifestCheck {
    private ManifestCheck() {
    }

    /** Compares manifest.json beside the report, when there is one, with what was read now. */
    static void compare(Policy policy, Path report, String reportSha, List<InputStats> inputs,
            Consumer<Difference> out) throws IOException {
        Path manifest = report.toAbsolutePath().resolveSibling(ReportJob.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        JsonNode m;
        try {
            m = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            out.accept(new Difference(Difference.MANIFEST, "manifest.json", "unreadable", e.getMessage()));
            return;
        }
        List<String> lacks = new ArrayList<>();
        if (!m.path("policy").path("sha256").isTextual()) {
            lacks.add("policy.sha256");
        }
        if (!m.path("inputs").isArray()) {
            lacks.add("inputs");
        }
        if (!m.path("outputs").path(ReportJob.REPORT).isTextual()) {
            lacks.add("outputs." + ReportJob.REPORT);
        }
        if (!lacks.isEmpty()) { // nothing in it can be compared: say so once, not as a changed policy
            out.accept(new Difference(Difference.MANIFEST, "manifest.json",
                    "not a subsidy manifest (it lacks " + String.join(", ", lacks) + ")", ""));
            return;
        }
        String policySha = m.path("policy").path("sha256").asText();
        if (!policySha.equals(policy.sha256())) {
            out.accept(new Difference(Difference.MANIFEST, "policy sha256 (policy changed)", policySha,
                    policy.sha256()));
        }
        String asOfThen = m.path("as_of").isTextual() ? m.path("as_of").asText() : "(none)";
        String asOfNow = policy.asOf() == null ? "(none)" : policy.asOf().toString();
        if (!asOfThen.equals(asOfNow)) {
            out.accept(new Difference(Difference.MANIFEST, "as_of (the policy was taken on another date)", asOfThen,
                    asOfNow));
        }
        compareInputs(m.path("inputs"), inputs, out);
        String written = m.path("outputs").path(ReportJob.REPORT).asText();
        if (!written.isEmpty() && !written.equals(reportSha)) {
            out.accept(new Difference(Difference.MANIFEST, "report.csv sha256 (report edited after it was written)",
                    written, reportSha));
        }
    }

    /**
     * Matches each input to the manifest's by name and content, then by content, then by name: an
     * auditor may give the same files by other paths, or in another order, which is named once, since
     * the first row of an id wins; a file whose name matches but whose content does not has changed.
     */
    private static void compareInputs(JsonNode was, List<InputStats> inputs, Consumer<Difference> out) {
        List<String> thenFiles = new ArrayList<>();
        List<String> thenShas = new ArrayList<>();
        was.forEach(i -> {
            thenFiles.add(i.path("file").asText());
            thenShas.add(i.path("sha256").asText());
        });
        int[] match = new int[inputs.size()];
        Arrays.fill(match, -1);
        boolean[] taken = new boolean[thenShas.size()];
        // Name and content first, so that of two files with one content each keeps its own entry.
        for (int i = 0; i < inputs.size(); i++) {
            InputStats now = inputs.get(i);
            match[i] = unmatched(taken,
                    j -> thenFiles.get(j).equals(now.file()) && thenShas.get(j).equals(now.sha256()));
        }
        // Then content alone, but not an entry whose name is given too: that file is that entry.
        List<String> given = inputs.stream().map(InputStats::file).toList();
        for (int i = 0; i < inputs.size(); i++) {
            InputStats now = inputs.get(i);
            if (match[i] < 0) {
                match[i] = unmatched(taken,
                        j -> thenShas.get(j).equals(now.sha256()) && !given.contains(thenFiles.get(j)));
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (match[i] < 0) {
                InputStats now = inputs.get(i);
                match[i] = unmatched(taken, j -> thenFiles.get(j).equals(now.file()));
                out.accept(match[i] < 0
                        ? new Difference(Difference.MANIFEST, "input " + now.file() + " (not in the manifest)",
                                "(none)", now.sha256())
                        : new Difference(Difference.MANIFEST, "input " + now.file() + " sha256 (input changed)",
                                thenShas.get(match[i]), now.sha256()));
            }
        }
        for (int j = 0; j < taken.length; j++) {
            if (!taken[j]) {
                out.accept(new Difference(Difference.MANIFEST, "input " + thenFiles.get(j)
                        + " (in the manifest, not given)", thenShas.get(j), "(none)"));
            }
        }
        boolean inOrder = true;
        for (int i = 1; i < match.length; i++) {
            inOrder &= match[i] < 0 || match[i - 1] < 0 || match[i] > match[i - 1];
        }
        if (!inOrder) {
            out.accept(new Difference(Difference.MANIFEST, "inputs given in another order (the first row of an id"
                    + " wins)", String.join(", ", thenFiles),
                    String.join(", ", inputs.stream().map(InputStats::file).toList())));
        }
    }

    /** The first manifest entry not yet taken that {@code fits}, now taken; or -1. */
    private static int unmatched(boolean[] taken, IntPredicate fits) {
        for (int j = 0; j < taken.length; j++) {
            if (!taken[j] && fits.test(j)) {
                taken[j] = true;
                return j;
            }
        }
        return -1;
    }
}
