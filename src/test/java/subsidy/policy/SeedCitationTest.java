package subsidy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.program.Program;

/** Every clause the default policy cites stands, word for word, at its offset in the seed text. */
class SeedCitationTest {
    private static final Path SHARED = Path.of("../shared");

    @Test
    void everyCitedPassageIsAtItsOffset() throws Exception {
        assumeTrue(Files.isDirectory(SHARED.resolve("seeds")), "../shared/seeds is not beside this checkout");
        Policy policy = PolicyLoader.bundled();
        List<Clause> clauses = new ArrayList<>();
        policy.programs().stream().map(Program::clauses).forEach(clauses::addAll);
        policy.regionLists().values().forEach(l -> clauses.addAll(l.clauses()));
        for (Clause c : clauses) {
            String text = Files.readString(SHARED.resolve(policy.sources().get(c.seed()).file()));
            String at = text.substring(c.at(), Math.min(text.length(), c.at() + c.words().length()));
            assertEquals(c.words(), at, c.label());
        }
    }
}
