package subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the crash tests check of an --out they find: one whole set, as its manifest describes it. */
public final class OutputSets {
    private OutputSets() {
    }

    /**
     * {@code out} holds exactly the files its manifest lists, each with the SHA-256 listed, and the
     * manifest counts {@code rows} computed rows. Returns the manifest, for what a test checks besides.
     */
    public static JsonNode assertWhole(Path out, long rows) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        List<String> listed = new ArrayList<>();
        manifest.path("outputs").fieldNames().forEachRemaining(listed::add);
        List<String> present;
        try (Stream<Path> files = Files.list(out)) {
            present = files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("manifest.json")).sorted()
                    .toList();
        }
        assertEquals(listed.stream().sorted().toList(), present);
        for (String name : listed) {
            assertEquals(manifest.path("outputs").path(name).asText(), Sha256.of(Files.readAllBytes(out.resolve(name))),
                    name);
        }
        assertEquals(rows, manifest.path("rows").path("computed").asLong());
        return manifest;
    }
}
