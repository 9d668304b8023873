package subsidy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Clauses a shipped policy quotes in a comment rather than in a {@code source} list (the periods of
 * force, the findings of the seed review), written 「words」 (seed 003 @10795): each stands in its seed
 * at that character offset, as {@link CitationsTest} checks the cited ones.
 */
class CommentCitationsTest {
    private static final Pattern QUOTE = Pattern.compile("「([^」]+)」 \\(seed (\\d{3}) @(\\d+)\\)");

    @Test
    void everyClauseQuotedInAPolicyCommentStandsAtItsOffset() throws IOException {
        List<String> wrong = new ArrayList<>();
        int found = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("config"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.stripLeading().startsWith("#")) {
                    continue;
                }
                Matcher m = QUOTE.matcher(line);
                while (m.find()) {
                    found++;
                    int[] seed = seed(m.group(2));
                    int at = Integer.parseInt(m.group(3));
                    int[] words = m.group(1).codePoints().toArray();
                    String there = at + words.length <= seed.length ? new String(seed, at, words.length) : "(past the end)";
                    if (!there.equals(m.group(1))) {
                        wrong.add(file + ":" + (i + 1) + ": seed " + m.group(2) + " @" + at + " reads 「" + there
                                + "」, not 「" + m.group(1) + "」");
                    }
                }
            }
        }
        assertTrue(found >= 10, "comment citations found: " + found);
        assertEquals(List.of(), wrong);
    }

    private static int[] seed(String number) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            Path f = s.filter(p -> p.getFileName().toString().startsWith(number + "_")).findFirst().orElseThrow();
            return Files.readString(f, StandardCharsets.UTF_8).codePoints().toArray();
        }
    }
}
