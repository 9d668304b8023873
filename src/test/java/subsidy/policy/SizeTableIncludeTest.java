package subsidy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.Sha256;
import subsidy.TestEntity;
import subsidy.calc.Calculator;
import subsidy.entity.SizeClass;
import subsidy.size.SizeDecision;
import subsidy.size.SizeSource;
import subsidy.size.SizeTable;

/** The shared firm-size table: included by name, hashed with the policy, needed only when sizes are. */
class SizeTableIncludeTest {
    static final Path TABLE = Path.of("config/tables/size-table-2011.yaml");
    static final String DEFAULT = PolicyLoaderTest.DEFAULT;
    static final String INCLUDE = "  include: size-table-2011\n";

    /** {@code policy} with its include replaced by the table's rows written in it, as policies had them. */
    static String inlined(String policy) throws Exception {
        String rows = Files.readString(TABLE).lines().filter(l -> !l.startsWith("#"))
                .map(l -> "  " + l).collect(Collectors.joining("\n", "", "\n"));
        assertTrue(policy.contains(INCLUDE));
        return policy.replace(INCLUDE, "") + rows;
    }

    static Policy parse(String yaml) throws PolicyException {
        return PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", PolicyLoaderTest.IN_2022);
    }

    static List<String> problems(String yaml) {
        return assertThrows(PolicyException.class, () -> parse(yaml)).problems();
    }

    @Test
    void theIncludedTableIsTheOneTheFiveCopiesWere() throws Exception {
        Policy included = PolicyLoader.load(Path.of("config/policy.yaml"), PolicyLoaderTest.IN_2022);
        Policy inline = parse(inlined(DEFAULT));
        assertEquals(15, included.sizeTable().rows().size());
        assertEquals(inline.sizeTable().rows(), included.sizeTable().rows());
        assertEquals("seed004 @30059", included.sizeTable().source());
        assertEquals(inline.sizeTable().source(), included.sizeTable().source());
        // the bundled policy includes the bundled table
        assertEquals(included.sizeTable().rows(), PolicyLoader.bundled(PolicyLoaderTest.IN_2022).sizeTable().rows());
        for (String name : List.of("baoshan-2022", "linxia-2020", "national-ui-refund", "tiered-stable-job")) {
            assertEquals(included.sizeTable().rows(),
                    PolicyLoader.load(Path.of("config", name + ".yaml"), Resolution.CHECK).sizeTable().rows(), name);
        }
    }

    /** The SHA-256 covers the table: of each file's SHA-256 in hex, one a line, the policy's first. */
    @Test
    void policyHashCoversTheIncludedTable(@TempDir Path dir) throws Exception {
        byte[] policy = Files.readAllBytes(Path.of("config/policy.yaml"));
        byte[] table = Files.readAllBytes(TABLE);
        String lines = Sha256.of(policy) + "\n" + Sha256.of(table) + "\n";
        String expected = Sha256.of(lines.getBytes(StandardCharsets.US_ASCII));
        assertEquals(expected, PolicyLoader.load(Path.of("config/policy.yaml"), PolicyLoaderTest.IN_2022).sha256());
        assertEquals(expected, PolicyLoader.bundled(PolicyLoaderTest.IN_2022).sha256());
        // A policy that includes nothing keeps the SHA-256 of its bytes.
        String inline = inlined(DEFAULT);
        assertEquals(Sha256.of(inline.getBytes(StandardCharsets.UTF_8)), parse(inline).sha256());
        // The same policy beside a changed table (one threshold of one row) is another policy.
        Files.createDirectories(dir.resolve("tables"));
        Files.write(dir.resolve("policy.yaml"), policy);
        String changed = Files.readString(TABLE).replace("small: {employees: 10, revenue: 100}\n  - label: transport",
                "small: {employees: 11, revenue: 100}\n  - label: transport");
        assertNotEquals(Files.readString(TABLE), changed);
        Files.writeString(dir.resolve("tables/size-table-2011.yaml"), changed);
        Policy p = PolicyLoader.load(dir.resolve("policy.yaml"), PolicyLoaderTest.IN_2022);
        assertEquals(Sha256.of((Sha256.of(policy) + "\n" + Sha256.of(changed.getBytes(StandardCharsets.UTF_8)) + "\n")
                .getBytes(StandardCharsets.US_ASCII)), p.sha256());
        assertNotEquals(expected, p.sha256());
    }

    /** tables/NAME.yaml beside the policy wins over the bundled one; its warnings name that file. */
    @Test
    void aTableBesideThePolicyIsReadAndNamedInItsWarnings(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("policy.yaml"), DEFAULT);
        String table = Files.readString(TABLE).replace(
                "    small: {employees: 10, revenue: 100}\n  - label: transport",
                "    small: {employees: 100, revenue: 600}\n  - label: transport");
        Path file = dir.resolve("tables/size-table-2011.yaml");
        Files.writeString(file, table);
        assertEquals(List.of(file + ": rows[4].small (line " + PolicyLoaderTest.lineOf(table, "employees: 100, revenue: 600")
                + "): no firm can be small here: one that meets employees ≥ 100, revenue ≥ 600万 meets medium"
                + " (employees ≥ 50, revenue ≥ 500万) first"),
                PolicyLoader.load(dir.resolve("policy.yaml"), Resolution.CHECK).warnings());
        Files.writeString(file, table.replace("  - label: every other industry\n    industries: [\"*\"]",
                "  - label: every other industry\n    industries: []"));
        List<String> p = assertThrows(PolicyException.class, () -> PolicyLoader.load(dir.resolve("policy.yaml"), PolicyLoaderTest.IN_2022))
                .problems();
        assertEquals(List.of(
                file + ": rows[14].industries (line " + PolicyLoaderTest.lineOf(table, "label: every other industry")
                        + "): list code prefixes, or \"*\"",
                file + ": rows (line " + PolicyLoaderTest.lineOf(table, "rows:") + "): exactly one row must have industries [\"*\"] (every other industry), found 0"),
                p);
    }

    @Test
    void anUnknownOrMalformedNameAndRowsBesideAnIncludeAreProblems() throws Exception {
        int line = PolicyLoaderTest.lineOf(DEFAULT, INCLUDE.strip());
        assertEquals(List.of("firm_size.include (line " + line + "): no table 'size-table-2017': neither "
                + "tables/size-table-2017.yaml beside the policy nor a bundled one (size-table-2011 is bundled)"),
                problems(DEFAULT.replace(INCLUDE, "  include: size-table-2017\n")));
        assertEquals(List.of("firm_size.include (line " + line + "): '../policy' is not a table's name (lower case "
                + "letters, digits, - and _, such as size-table-2011)"),
                problems(DEFAULT.replace(INCLUDE, "  include: ../policy\n")));
        String both = DEFAULT.replace(INCLUDE, INCLUDE + "  rows: []\n");
        assertEquals(List.of("firm_size.rows (line " + PolicyLoaderTest.lineOf(both, "  rows: []")
                + "): give rows or include, not both"), problems(both));
    }

    /** No program asks a size class: firm_size may be left out, and enterprises keep what they declare. */
    @Test
    void aPolicyThatUsesNoSizeNeedsNoTable() throws Exception {
        String yaml = """
                id: hires-only
                title: hiring subsidy only
                sources:
                  seed003: {file: seeds/003_a635056c91f675c3.txt, title: 元江县}
                programs:
                  hiring_subsidy:
                    kind: per_head
                    title: 一次性扩岗补助
                    source:
                      - {seed: seed003, at: 11269, words: 按每人1500元的标准}
                    who: {entity_types: [enterprise]}
                    units:
                      - {column: grad_hires, amount: 1500}
                """;
        Policy p = parse(yaml);
        assertSame(SizeTable.NONE, p.sizeTable());
        Calculator calc = new Calculator(p);
        TestEntity t = TestEntity.enterprise(null);
        t.grads = 2;
        var blank = t.build();
        SizeDecision none = calc.size(blank, false);
        assertEquals(null, none.size());
        assertEquals(new java.math.BigDecimal("3000.00"),
                calc.compute(blank, none, "t.csv", 2).programs().get(0).amount());
        var declared = TestEntity.enterprise(SizeClass.SMALL).build();
        assertEquals(SizeClass.SMALL, calc.size(declared, false).size());
        assertEquals(SizeSource.DECLARED, calc.size(declared, false).source());
        // A program that asks a size class needs the table, named where it was always named.
        List<String> asked = problems(yaml.replace("who: {entity_types: [enterprise]}",
                "who: {entity_types: [enterprise], size_classes: [small, micro]}"));
        assertEquals(1, asked.size(), asked.toString());
        assertTrue(asked.get(0).startsWith("(top level) (line ")
                && asked.get(0).endsWith("): missing required key 'firm_size'"), asked.get(0));
        List<String> noTable = problems(DEFAULT.substring(0, DEFAULT.indexOf("# Firm sizes by")));
        assertEquals(1, noTable.size(), noTable.toString());
        assertTrue(noTable.get(0).endsWith("): missing required key 'firm_size'"), noTable.get(0));
    }

    /** A missing table is listed where it always was: before the programs' problems. */
    @Test
    void aMissingTableComesBeforeTheProgramsProblems() {
        String noTable = DEFAULT.substring(0, DEFAULT.indexOf("# Firm sizes by"))
                .replace("    layoff_rate_max: 0.055\n", "    layoff_rate_max: 0.055\n    bonus: 1\n");
        List<String> p = assertThrows(PolicyException.class, () -> PolicyLoader.parse(
                noTable.getBytes(StandardCharsets.UTF_8), "x.yaml", Resolution.on(LocalDate.of(2022, 6, 30))))
                .problems();
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).endsWith("): missing required key 'firm_size'"), p.toString());
        assertEquals("programs.stable_job_refund.bonus (line " + PolicyLoaderTest.lineOf(noTable, "bonus: 1")
                + "): unknown or misplaced key 'bonus'", p.get(1));
    }
}
