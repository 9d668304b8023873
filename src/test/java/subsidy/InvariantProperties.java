package subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import subsidy.cli.Main;
import subsidy.entity.Column;
import subsidy.entity.CreditCode;

/**
 * Invariants of a calc run (SPEC §3, §6) over generated entity files: valid rows with random but
 * plausible values mixed with broken rows. Every file goes through the real command line
 * ({@link Main#run}) into an --out directory, and the written files are read back.
 */
class InvariantProperties {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern TWO_DECIMALS = Pattern.compile("\\d+\\.\\d{2}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** rejected.csv repeats the input's header, which may have blank or repeated names: read by position there. */
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).build();
    /** Positions of rejected.csv's own leading columns: file, line, reasons. */
    private static final int LINE = 1;
    private static final int REASONS = 2;
    private static final int WIDTH = Column.values().length;

    private final List<Path> temps = new ArrayList<>();

    @AfterProperty
    void cleanUp() throws IOException {
        for (Path t : temps) {
            deleteTree(t);
        }
        temps.clear();
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 50)
    void everyRowReadEndsUpInTheReportOrInRejectedAndTheManifestCountsAddUp(@ForAll("files") GeneratedFile file)
            throws IOException {
        Outcome o = calc(file.write(tempDir()), tempDir().resolve("out"));
        assertOutputsWritten(o);
        int reported = o.report().rows().size();
        int rejected = o.rejected().rows().size();
        JsonNode rows = o.manifest().path("rows");
        assertEquals(file.rows().size(), reported + rejected, "rows in report.csv + rows in rejected.csv");
        assertEquals(file.rows().size(), rows.path("read").asLong(), "manifest rows.read");
        assertEquals(reported, rows.path("computed").asLong(), "manifest rows.computed = rows in report.csv");
        assertEquals(rejected, rows.path("rejected").asLong(), "manifest rows.rejected = rows in rejected.csv");
        JsonNode input = o.manifest().path("inputs").path(0);
        assertEquals(file.rows().size(), input.path("rows_read").asLong(), "manifest inputs[0].rows_read");
        assertEquals(reported, input.path("rows_computed").asLong(), "manifest inputs[0].rows_computed");
        assertEquals(rejected, input.path("rows_rejected").asLong(), "manifest inputs[0].rows_rejected");
        if (file.text().chars().anyMatch(ch -> ch >= 0x80)) {
            // GB18030 is a superset of GBK: either name is a correct detection.
            String detected = input.path("encoding").asText();
            assertTrue(file.encoding() == Encoding.GBK ? Set.of("GBK", "GB18030").contains(detected)
                    : detected.equals("UTF-8"),
                    "detected encoding " + detected + " for a " + file.encoding() + " file");
        }
    }

    @Property(tries = 50)
    void validRowsAreComputedAndBrokenRowsAreRejectedAtTheirOwnLine(@ForAll("files") GeneratedFile file)
            throws IOException {
        Outcome o = calc(file.write(tempDir()), tempDir().resolve("out"));
        assertOutputsWritten(o);
        List<String> expectedIds = new ArrayList<>();
        List<Long> expectedLines = new ArrayList<>();
        for (int i = 0; i < file.rows().size(); i++) {
            GeneratedRow r = file.rows().get(i);
            if (r.valid()) {
                expectedIds.add(r.cells().get(0).strip().toUpperCase(Locale.ROOT));
            } else {
                expectedLines.add(file.startLine(i));
            }
        }
        file.rows().forEach(r -> Statistics.label("defect").collect(r.defect()));
        Statistics.label("rows").collect(file.rows().size() / 20 * 20 + "-" + (file.rows().size() / 20 * 20 + 19));
        List<String> ids = o.report().rows().stream().map(r -> r.get("entity_id")).toList();
        List<Long> lines = o.rejected().rows().stream().map(r -> Long.parseLong(r.get(LINE))).toList();
        assertEquals(expectedLines, lines, "line numbers in rejected.csv (physical line where the row starts)\n"
                + file.describe());
        assertEquals(expectedIds, ids, "entity_ids in report.csv\n" + file.describe());
        for (CSVRecord r : o.rejected().rows()) {
            assertFalse(r.get(REASONS).isBlank(), "a rejected row names its reason: " + r);
        }
    }

    @Property(tries = 50)
    void rowTotalIsTheSumOfItsProgramAmountsAndSummaryAndControlTotalsAreTheColumnSums(
            @ForAll("files") GeneratedFile file) throws IOException {
        Outcome o = calc(file.write(tempDir()), tempDir().resolve("out"));
        assertOutputsWritten(o);
        List<String> programs = o.programIds();
        assertFalse(programs.isEmpty(), "manifest control_totals name the programs");
        Map<String, BigDecimal> columnSums = new LinkedHashMap<>();
        Map<String, Long> nonZero = new LinkedHashMap<>();
        BigDecimal totalSum = BigDecimal.ZERO;
        long entitiesPaid = 0;
        for (CSVRecord r : o.report().rows()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String p : programs) {
                BigDecimal a = new BigDecimal(r.get(p));
                sum = sum.add(a);
                columnSums.merge(p, a, BigDecimal::add);
                if (a.signum() > 0) {
                    nonZero.merge(p, 1L, Long::sum);
                }
            }
            BigDecimal total = new BigDecimal(r.get("total"));
            assertEquals(0, sum.compareTo(total),
                    "total of " + r.get("entity_id") + " is " + total + " but its programs add up to " + sum);
            totalSum = totalSum.add(total);
            if (total.signum() > 0) {
                entitiesPaid++;
            }
        }
        Map<String, CSVRecord> summary = new LinkedHashMap<>();
        for (CSVRecord r : o.summary().rows()) {
            summary.put(r.get("program"), r);
        }
        JsonNode controls = o.manifest().path("control_totals");
        for (String p : programs) {
            BigDecimal expected = columnSums.getOrDefault(p, BigDecimal.ZERO);
            assertTrue(summary.containsKey(p), "summary.csv has a row for " + p);
            assertEquals(0, expected.compareTo(new BigDecimal(summary.get(p).get("amount"))),
                    "summary.csv amount of " + p + " = sum of its report column " + expected);
            assertEquals(nonZero.getOrDefault(p, 0L), Long.parseLong(summary.get(p).get("beneficiaries")),
                    "summary.csv beneficiaries of " + p + " = non-zero rows of its report column");
            assertEquals(0, expected.compareTo(new BigDecimal(controls.path(p).asText())),
                    "manifest control_totals." + p + " = sum of its report column " + expected);
        }
        assertTrue(summary.containsKey("total"), "summary.csv has a total row");
        assertEquals(0, totalSum.compareTo(new BigDecimal(summary.get("total").get("amount"))),
                "summary.csv total = sum of the report's total column " + totalSum);
        assertEquals(entitiesPaid, Long.parseLong(summary.get("total").get("beneficiaries")),
                "summary.csv total beneficiaries = rows with a non-zero total");
        assertEquals(0, totalSum.compareTo(new BigDecimal(controls.path("total").asText())),
                "manifest control_totals.total = sum of the report's total column " + totalSum);
    }

    @Property(tries = 50)
    void noAmountIsNegativeAndEveryAmountHasExactlyTwoDecimals(@ForAll("files") GeneratedFile file)
            throws IOException {
        Outcome o = calc(file.write(tempDir()), tempDir().resolve("out"));
        assertOutputsWritten(o);
        List<String> numeric = new ArrayList<>(o.programIds());
        for (String h : o.report().header()) {
            if (h.endsWith("_months")) {
                numeric.add(h);
            }
        }
        numeric.add("total");
        for (CSVRecord r : o.report().rows()) {
            for (String c : numeric) {
                assertAmount(r.get(c), "report.csv " + c + " of " + r.get("entity_id"));
            }
        }
        for (CSVRecord r : o.summary().rows()) {
            assertAmount(r.get("amount"), "summary.csv amount of " + r.get("program"));
        }
        o.manifest().path("control_totals").fields()
                .forEachRemaining(e -> assertAmount(e.getValue().asText(), "manifest control_totals." + e.getKey()));
    }

    @Property(tries = 30)
    void sameInputAndPolicyGiveByteIdenticalOutputsInTwoDirectories(@ForAll("files") GeneratedFile file)
            throws IOException {
        Path dir = tempDir();
        Path input = file.write(dir);
        Outcome first = calc(input, dir.resolve("first"));
        Outcome second = calc(input, dir.resolve("second").resolve("nested"));
        assertEquals(first.exit(), second.exit(), "exit code");
        for (String name : List.of("report.csv", "rejected.csv", "summary.csv", "manifest.json")) {
            byte[] a = Files.readAllBytes(first.out().resolve(name));
            byte[] b = Files.readAllBytes(second.out().resolve(name));
            assertTrue(Arrays.equals(a, b), name + " differs between two runs of the same input and policy");
        }
    }

    /**
     * A rerun with --force into the same --out is idempotent: the new set is byte for byte the old one,
     * and the old one is kept whole under .NAME.subsidy/previous/ beside it.
     */
    @Property(tries = 20)
    void aForcedRerunIntoTheSameOutGivesTheSameSetAndKeepsTheFirst(@ForAll("files") GeneratedFile file)
            throws IOException {
        Path dir = tempDir();
        Path input = file.write(dir);
        Path out = dir.resolve("2022-05");
        Outcome first = calc(input, out);
        Map<String, byte[]> before = files(out);
        assertEquals(first.exit(), subsidy.CommandLineRun.run("calc", "--as-of", "2022-06-30", "--input", input.toString(), "--out",
                out.toString(), "--force").exit());
        Map<String, byte[]> after = files(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, after.get(name)), name + " differs on a rerun"));
        try (var kept = Files.list(dir.resolve(".2022-05.subsidy/previous"))) {
            Map<String, byte[]> previous = files(kept.findFirst().orElseThrow());
            before.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, previous.get(name)),
                    name + " was not kept whole"));
        }
    }

    /** What calc writes, verify accepts: every file the manifest vouches for, recomputed, agrees. */
    @Property(tries = 20)
    void verifyAcceptsWhatCalcWrote(@ForAll("files") GeneratedFile file) throws IOException {
        Path dir = tempDir();
        Path input = file.write(dir);
        Outcome o = calc(input, dir.resolve("out"));
        subsidy.CommandLineRun.Result v = subsidy.CommandLineRun.run("verify", "--input", input.toString(), "--report",
                o.out().resolve("report.csv").toString());
        assertEquals(0, v.exit(), v.out() + v.err());
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new java.util.TreeMap<>();
        try (var all = Files.list(dir)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                m.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return m;
    }

    @Property(tries = 50)
    void exitCodeIsZeroWhenNothingWasRejectedAndOneOtherwise(@ForAll("files") GeneratedFile file)
            throws IOException {
        Outcome o = calc(file.write(tempDir()), tempDir().resolve("out"));
        assertOutputsWritten(o);
        long rejected = o.manifest().path("rows").path("rejected").asLong();
        assertEquals(rejected == 0 ? 0 : 1, o.exit(),
                "exit code with " + rejected + " rejected row(s); stderr:\n" + o.stderr());
        assertEquals(file.rows().stream().allMatch(GeneratedRow::valid) ? 0 : 1, o.exit(),
                "exit code for a file whose broken rows are " + file.describe());
    }

    @Property(tries = 60)
    void mutatedSampleFileNeverEscapesAnExceptionAndKeepsTheRowCountInvariant(
            @ForAll("mutations") List<Mutation> mutations) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("samples/firms.csv"));
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        Path dir = tempDir();
        Path input = dir.resolve("mutated.csv");
        Files.write(input, bytes);
        Outcome o;
        try {
            o = calc(input, dir.resolve("out"));
        } catch (RuntimeException | Error e) {
            throw new AssertionError("Main.run threw for mutations " + mutations, e);
        }
        Statistics.label("exit").collect(o.exit() + (o.exit() == 3
                ? o.stderr().replaceAll("(?s)^.*?mutated.csv: (.{0,40}).*$", " $1").replace('\n', ' ') : ""));
        assertTrue(Set.of(0, 1, 3).contains(o.exit()), "exit code " + o.exit() + " for " + mutations
                + "; stderr:\n" + o.stderr());
        assertFalse(o.stderr().contains("internal error"),
                "an exception reached the command line's handler for " + mutations + ":\n" + o.stderr());
        if (o.exit() == 3) {
            assertFalse(Files.exists(o.out().resolve("report.csv")), "exit 3 writes nothing");
            return;
        }
        int reported = o.report().rows().size();
        int rejected = o.rejected().rows().size();
        JsonNode rows = o.manifest().path("rows");
        assertEquals(rows.path("read").asLong(), reported + rejected, "rows read = report + rejected");
        assertEquals(rows.path("computed").asLong(), reported, "manifest rows.computed");
        assertEquals(rows.path("rejected").asLong(), rejected, "manifest rows.rejected");
        assertEquals(rejected == 0 ? 0 : 1, o.exit(), "exit code");
    }

    // ---------------------------------------------------------------- running the command line

    record Table(List<String> header, List<CSVRecord> rows) {
    }

    record Outcome(int exit, Path out, String stdout, String stderr) {
        Table report() {
            return table(out.resolve("report.csv"));
        }

        Table rejected() {
            return table(out.resolve("rejected.csv"));
        }

        Table summary() {
            return table(out.resolve("summary.csv"));
        }

        JsonNode manifest() {
            try {
                return JSON.readTree(out.resolve("manifest.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> programIds() {
            List<String> ids = new ArrayList<>();
            manifest().path("control_totals").fieldNames().forEachRemaining(ids::add);
            ids.remove("total");
            return ids;
        }
    }

    static Outcome calc(Path input, Path out) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            exit = Main.run("calc", "--as-of", "2022-06-30", "--input", input.toString(), "--out", out.toString());
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(exit, out, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    static Table table(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            try (CSVParser p = READ.parse(new StringReader(text))) {
                return new Table(p.getHeaderNames(), p.getRecords());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertOutputsWritten(Outcome o) {
        assertTrue(o.exit() == 0 || o.exit() == 1, "calc finished (exit " + o.exit() + "); stderr:\n" + o.stderr());
        for (String name : List.of("report.csv", "rejected.csv", "summary.csv", "manifest.json")) {
            assertTrue(Files.isRegularFile(o.out().resolve(name)), name + " written");
        }
    }

    private static void assertAmount(String value, String what) {
        assertTrue(TWO_DECIMALS.matcher(value).matches(),
                what + " = '" + value + "': not a non-negative amount with exactly two decimals");
    }

    private Path tempDir() throws IOException {
        Path d = Files.createTempDirectory("subsidy-prop-");
        temps.add(d);
        return d;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---------------------------------------------------------------- generated files

    /** What is wrong with a generated row; the first two leave it valid. */
    enum Defect {
        NONE(true), NAME_WITH_NEWLINE_AND_QUOTES(true),
        BAD_CHECK_CHARACTER(false), BLANK_REQUIRED_CELL(false), NEGATIVE_NUMBER(false), GARBAGE_TEXT(false),
        DUPLICATE_ID(false), EXTRA_CELL(false), MISSING_CELLS(false), NEWLINE_IN_NUMBER(false);

        final boolean valid;

        Defect(boolean valid) {
            this.valid = valid;
        }
    }

    /** One generated row: its cells (not yet quoted) and whether the spec says it must be computed. */
    record GeneratedRow(List<String> cells, Defect defect) {
        boolean valid() {
            return defect.valid;
        }
    }

    /** How a generated file is encoded (SPEC §2: UTF-8 with or without BOM, or GBK, detected). */
    enum Encoding { UTF8, UTF8_BOM, GBK }

    record GeneratedFile(List<GeneratedRow> rows, List<String> header, Encoding encoding, String eol,
            boolean finalEol, boolean quoteAll) {
        String text() {
            StringBuilder b = new StringBuilder();
            b.append(String.join(",", header));
            for (GeneratedRow r : rows) {
                b.append(eol);
                List<String> cells = new ArrayList<>();
                for (String c : r.cells()) {
                    cells.add(quote(c, quoteAll));
                }
                b.append(String.join(",", cells));
            }
            if (finalEol) {
                b.append(eol);
            }
            return b.toString();
        }

        /** Physical line (header = 1) where row {@code index} starts. */
        long startLine(int index) {
            long line = 2;
            for (int i = 0; i < index; i++) {
                line += 1 + rows.get(i).cells().stream().mapToLong(c -> c.chars().filter(ch -> ch == '\n').count())
                        .sum();
            }
            return line;
        }

        Path write(Path dir) throws IOException {
            Path f = dir.resolve("entities.csv");
            byte[] body = text().getBytes(encoding == Encoding.GBK ? Charset.forName("GBK") : StandardCharsets.UTF_8);
            if (encoding == Encoding.UTF8_BOM) {
                byte[] withBom = new byte[body.length + 3];
                withBom[0] = (byte) 0xEF;
                withBom[1] = (byte) 0xBB;
                withBom[2] = (byte) 0xBF;
                System.arraycopy(body, 0, withBom, 3, body.length);
                body = withBom;
            }
            Files.write(f, body);
            return f;
        }

        String describe() {
            StringBuilder b = new StringBuilder(encoding + ", line end " + eol.replace("\r", "\\r")
                    .replace("\n", "\\n") + ", quote all " + quoteAll + ":\n");
            for (int i = 0; i < rows.size(); i++) {
                b.append("  line ").append(startLine(i)).append(' ').append(rows.get(i).defect()).append(": ")
                        .append(rows.get(i).cells()).append('\n');
            }
            return b.toString();
        }

        private static String quote(String cell, boolean always) {
            boolean needs = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            if (!needs && !always) {
                return cell;
            }
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
    }

    private static final List<String> TYPES = List.of("enterprise", "individual_business", "nonprofit", "企业",
            "个体工商户", "社会组织");
    private static final List<String> REGIONS = List.of("530428", "530502", "530102", "530111", "530402", "530125",
            "530521", "110101");
    private static final List<String> INDUSTRIES = List.of("A01", "C13", "C34", "D44", "E47", "F51", "F52",
            "F5211", "G53", "G54", "G56", "G59", "G60", "H61", "H62", "I63", "I65", "K701", "K702", "L72", "L727",
            "M74", "O80", "P83", "R86", "S");
    private static final List<String> SIZES = List.of("large", "medium", "small", "micro", "小型", "微型");
    private static final List<String> BOOLEANS = List.of("true", "false", "yes", "no", "1", "0", "是", "否", "");
    private static final List<String> LANDLORDS = List.of("state_enterprise", "government", "public_institution",
            "private", "国有企业", "机关", "事业单位", "非国有");
    private static final List<String> GARBAGE = List.of("约300万", "abc", "N/A", "1.2.3", "?", "是否",
            "2022-13-01", "12a", "一百", "#REF!");
    /** Columns holding counts or amounts (a minus sign makes them invalid). */
    private static final int[] NUMBERS = {6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 21, 24};
    /** Columns with a typed value (garbage text makes them invalid). */
    private static final int[] TYPED = {0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
        23, 24};
    private static final int[] REQUIRED = {0, 1, 2, 3, 4};

    @Provide
    Arbitrary<GeneratedFile> files() {
        Arbitrary<List<List<String>>> valid = validRow().list().ofMinSize(0).ofMaxSize(60);
        Arbitrary<Defect> defect = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(Defect.NONE)),
                Tuple.of(4, Arbitraries.just(Defect.NAME_WITH_NEWLINE_AND_QUOTES)),
                Tuple.of(30, Arbitraries.of(Defect.values())));
        Arbitrary<List<Tuple.Tuple2<Defect, Integer>>> defects =
                Combinators.combine(defect, Arbitraries.integers().between(0, 1_000_000)).as(Tuple::of)
                        .list().ofSize(60);
        Arbitrary<Integer> headerStyle = Arbitraries.integers().between(0, 2);
        return Combinators.combine(valid, defects, headerStyle, Arbitraries.of(Encoding.class),
                Arbitraries.of("\n", "\r\n"), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((rows, ds, style, encoding, eol, finalEol, quoteAll) -> assemble(rows, ds, style, encoding, eol,
                        finalEol, quoteAll));
    }

    private static GeneratedFile assemble(List<List<String>> cellsList, List<Tuple.Tuple2<Defect, Integer>> ds,
            int headerStyle, Encoding encoding, String eol, boolean finalEol, boolean quoteAll) {
        List<String> header = new ArrayList<>();
        for (Column c : Column.values()) {
            header.add(switch (headerStyle) {
                case 0 -> c.header();
                case 1 -> c.chinese();
                default -> " " + c.header().toUpperCase(Locale.ROOT) + " ";
            });
        }
        Set<String> seenIds = new HashSet<>();
        String lastValidId = null;
        List<GeneratedRow> rows = new ArrayList<>();
        for (int i = 0; i < cellsList.size(); i++) {
            List<String> cells = new ArrayList<>(cellsList.get(i));
            Defect d = ds.get(i).get1();
            int s = ds.get(i).get2();
            if (d == Defect.DUPLICATE_ID) {
                if (lastValidId == null) {
                    d = Defect.BAD_CHECK_CHARACTER;
                } else {
                    cells.set(0, lastValidId);
                }
            }
            switch (d) {
                case NONE, DUPLICATE_ID -> {
                }
                case NAME_WITH_NEWLINE_AND_QUOTES -> cells.set(1, "某某\"老字号\",\n" + cells.get(1));
                case BAD_CHECK_CHARACTER -> {
                    String id = cells.get(0).toUpperCase(Locale.ROOT);
                    int v = ALPHABET.indexOf(id.charAt(17));
                    cells.set(0, id.substring(0, 17) + ALPHABET.charAt((v + 1 + s % 30) % 31));
                }
                case BLANK_REQUIRED_CELL -> cells.set(REQUIRED[s % REQUIRED.length], s % 2 == 0 ? "" : "  ");
                case NEGATIVE_NUMBER -> cells.set(NUMBERS[s % NUMBERS.length], "-" + (1 + s % 500)
                        + (s % 3 == 0 ? ".50" : ""));
                case GARBAGE_TEXT -> cells.set(TYPED[s % TYPED.length], GARBAGE.get(s / 31 % GARBAGE.size()));
                case EXTRA_CELL -> cells.add(s % 2 == 0 ? "备注" : "");
                case MISSING_CELLS -> {
                    int keep = 1 + s % (WIDTH - 1);
                    cells = new ArrayList<>(cells.subList(0, keep));
                }
                case NEWLINE_IN_NUMBER -> cells.set(NUMBERS[s % NUMBERS.length], "1\n2");
            }
            // A row whose id is valid counts for duplicates even when the row is rejected for another reason.
            String id = cells.get(0).strip().toUpperCase(Locale.ROOT);
            boolean idValid = CreditCode.problem(id) == null;
            if (idValid && !seenIds.add(id) && d.valid) {
                d = Defect.DUPLICATE_ID; // a chance collision: the second row is a duplicate too
            }
            if (idValid) {
                lastValidId = cells.get(0);
            }
            rows.add(new GeneratedRow(List.copyOf(cells), d));
        }
        return new GeneratedFile(List.copyOf(rows), List.copyOf(header), encoding, eol, finalEol, quoteAll);
    }

    /** The 25 cells of a valid row, in canonical column order. */
    private static Arbitrary<List<String>> validRow() {
        Arbitrary<String> idBody = Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofLength(17);
        Arbitrary<List<Integer>> counts = Arbitraries.integers().between(0, 400).list().ofSize(14);
        Arbitrary<List<Long>> cents = Arbitraries.longs().between(0, 5_000_000_000L).list().ofSize(4);
        Arbitrary<List<Integer>> choices = Arbitraries.integers().between(0, 9999).list().ofSize(12);
        return Combinators.combine(Arbitraries.of(TYPES), idBody, Arbitraries.of(REGIONS), Arbitraries.of(INDUSTRIES),
                Arbitraries.of(SIZES), counts, cents, choices).as(InvariantProperties::row);
    }

    private static List<String> row(String type, String idBody, String region, String industry, String size,
            List<Integer> n, List<Long> cents, List<Integer> c) {
        String id = idBody + CreditCode.checkCharacter(idBody);
        if (c.get(0) % 5 == 0) {
            id = id.toLowerCase(Locale.ROOT);
        }
        boolean enterprise = type.equalsIgnoreCase("enterprise") || type.equals("企业");
        boolean deriveSize = enterprise && c.get(1) % 3 == 0;
        String[] cells = new String[WIDTH];
        cells[0] = id;
        cells[1] = switch (c.get(2) % 6) {
            case 0 -> "=某某公司" + n.get(0);
            case 1 -> "  某某商行 " + n.get(0) + "  ";
            case 2 -> "某某, 有限公司";
            default -> "某某有限公司" + n.get(0);
        };
        cells[2] = type;
        cells[3] = region;
        cells[4] = industry;
        cells[5] = enterprise && !deriveSize ? size : "";
        boolean blankOptional = !deriveSize && c.get(3) % 4 == 0;
        cells[6] = blankOptional ? "" : Integer.toString(n.get(0) * (c.get(4) % 7 + 1));
        cells[7] = blankOptional ? "" : money(cents.get(0), c.get(5));
        cells[8] = blankOptional ? "" : money(cents.get(1), c.get(6));
        cells[9] = count(n.get(1), c.get(7));
        cells[10] = count(n.get(2) % 40, c.get(7));
        cells[11] = money(cents.get(2) / 100, c.get(8));
        cells[12] = BOOLEANS.get(c.get(9) % BOOLEANS.size());
        cells[13] = BOOLEANS.get(c.get(9) / 10 % BOOLEANS.size());
        for (int i = 14; i <= 19; i++) {
            cells[i] = count(n.get(i - 11) % 12, c.get(10) + i);
        }
        boolean lease = c.get(11) % 3 != 0;
        cells[20] = lease ? LANDLORDS.get(c.get(11) % LANDLORDS.size()) : "";
        cells[21] = lease || c.get(11) % 2 == 0 ? money(cents.get(3) / 1000, c.get(5) + 1) : "";
        boolean dates = lease && c.get(11) / 3 % 2 == 0;
        LocalDate start = LocalDate.of(2022, 1, 1).plusDays(n.get(10) % 365);
        LocalDate end = start.plusDays(n.get(11));
        boolean slashes = c.get(11) / 7 % 2 == 0;
        cells[22] = dates ? date(start, slashes) : "";
        cells[23] = dates ? date(end, slashes) : "";
        cells[24] = lease && !dates ? count(n.get(12) % 4, c.get(7)) : "";
        return List.of(cells);
    }

    private static String count(int n, int choice) {
        return choice % 9 == 0 && n == 0 ? "" : Integer.toString(n);
    }

    /** Yuan from cents in one of the accepted spellings: plain, whole, grouped, three decimals. */
    private static String money(long cents, int choice) {
        BigDecimal yuan = BigDecimal.valueOf(cents, 2);
        return switch (choice % 6) {
            case 0 -> yuan.setScale(0, java.math.RoundingMode.DOWN).toPlainString();
            case 1 -> String.format(Locale.ROOT, "%,.2f", yuan);
            case 2 -> yuan.toPlainString() + (cents % 10);
            default -> yuan.toPlainString();
        };
    }

    private static String date(LocalDate d, boolean slashes) {
        return slashes ? d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth() : d.toString();
    }

    // ---------------------------------------------------------------- byte mutations of samples/firms.csv

    /** A mutation's position is where / POSITIONS of the way through the file. */
    private static final int POSITIONS = 1_000_000;

    enum MutationKind { FLIP_BIT, INSERT_BYTE, DELETE_BYTE, DUPLICATE_LINE, DELETE_LINE, INSERT_QUOTE, INSERT_NUL,
        INSERT_FF, INSERT_COMMA, INSERT_NEWLINE, TRUNCATE }

    record Mutation(MutationKind kind, int where, byte value) {
        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return kind == MutationKind.INSERT_BYTE ? new byte[] {value} : in;
            }
            int at = (int) ((long) where * in.length / POSITIONS);
            return switch (kind) {
                case FLIP_BIT -> {
                    byte[] out = in.clone();
                    out[at] ^= (byte) (1 << Math.floorMod(value, 8));
                    yield out;
                }
                case INSERT_BYTE -> insert(in, at, value);
                case INSERT_QUOTE -> insert(in, at, (byte) '"');
                case INSERT_NUL -> insert(in, at, (byte) 0);
                case INSERT_FF -> insert(in, at, (byte) 0xFF);
                case INSERT_COMMA -> insert(in, at, (byte) ',');
                case INSERT_NEWLINE -> insert(in, at, (byte) '\n');
                case DELETE_BYTE -> {
                    byte[] out = new byte[in.length - 1];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, at + 1, out, at, in.length - at - 1);
                    yield out;
                }
                case TRUNCATE -> Arrays.copyOf(in, at);
                case DUPLICATE_LINE, DELETE_LINE -> {
                    int start = at;
                    while (start > 0 && in[start - 1] != '\n') {
                        start--;
                    }
                    int end = at;
                    while (end < in.length && in[end] != '\n') {
                        end++;
                    }
                    end = Math.min(end + 1, in.length);
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    b.write(in, 0, end);
                    if (kind == MutationKind.DUPLICATE_LINE) {
                        b.write(in, start, end - start);
                    } else {
                        b.reset();
                        b.write(in, 0, start);
                    }
                    b.write(in, end, in.length - end);
                    yield b.toByteArray();
                }
            };
        }

        private static byte[] insert(byte[] in, int at, byte v) {
            byte[] out = new byte[in.length + 1];
            System.arraycopy(in, 0, out, 0, at);
            out[at] = v;
            System.arraycopy(in, at, out, at + 1, in.length - at);
            return out;
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        // Positions are spread evenly over the file (jqwik would favour small ones, i.e. the header).
        Arbitrary<Integer> where = Arbitraries.integers().between(0, POSITIONS - 1)
                .withDistribution(RandomDistribution.uniform()).withoutEdgeCases();
        return Combinators.combine(Arbitraries.of(MutationKind.class), where, Arbitraries.bytes())
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(8);
    }
}
