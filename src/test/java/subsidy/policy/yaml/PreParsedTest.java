package subsidy.policy.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trees kept in the jar are the general parser's, and are taken only for the very text they were made from. */
class PreParsedTest {
    private static final List<Path> BUNDLED = List.of(Path.of("config/policy.yaml"),
            Path.of("config/tables/size-table-2011.yaml"));

    private static Node parsed(String text) {
        List<String> problems = new ArrayList<>();
        Node n = YamlTree.parseText(text, Problems.english(problems));
        assertEquals(List.of(), problems);
        return n;
    }

    @Test
    void eachBundledFilesTreeIsTheParsersTreeKeyOrderAndLinesIncluded() throws Exception {
        for (Path f : BUNDLED) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Node kept = PreParsed.of(text);
            assertNotNull(kept, f + " has a tree in the build (mvn process-classes)");
            // compared as bytes: records' maps compare without their order, the encoding with it
            assertArrayEquals(PreParsed.encode(parsed(text)), PreParsed.encode(kept), f.toString());
            assertEquals(parsed(text), YamlTree.parse(text, Problems.english(new ArrayList<>())));
        }
    }

    @Test
    void aTextChangedByOneCharacterIsParsedNotLookedUp() throws Exception {
        String text = Files.readString(BUNDLED.get(0), StandardCharsets.UTF_8);
        assertNull(PreParsed.of(text.replaceFirst("title:", "title: ")));
        assertNull(PreParsed.of(text + "\n"));
    }

    @Test
    void theEncodingRoundTripsEveryKindOfNode() {
        Node n = parsed("a: 1\nb: [x, ~, {c: 'd e'}]\nnothing:\n中文: 值\n");
        assertArrayEquals(PreParsed.encode(n), PreParsed.encode(PreParsed.decode(PreParsed.encode(n))));
        assertEquals(n, PreParsed.decode(PreParsed.encode(n)));
    }
}
