package subsidy.cases;

import java.nio.file.Path;
import java.util.List;

/** A file of test cases for one policy, read and checked by {@link CaseLoader}. */
public record CaseFile(Path file, Path policy, List<TestCase> cases) {
    public CaseFile {
        cases = List.copyOf(cases);
    }
}
