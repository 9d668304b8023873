package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import subsidy.Sha256;

/**
 * The chunked byte-level reader ({@link ChunkReader} cutting, {@link RecordParser} parsing each chunk)
 * must read every well-formed CSV text exactly as Commons CSV does — the same records, the same cells,
 * the same start line per record — wherever the chunks are cut, in UTF-8 (with or without BOM) and in
 * GB18030; and it must fingerprint every byte of the file.
 */
class RecordReaderProperties {
    /** Commons CSV as the project read its input before: the truth these properties compare against. */
    private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /**
     * Targets of 1..64 bytes fall everywhere (between CR and LF, inside quoted cells and multi-byte characters),
     * so a cut follows every kind of record end; {@link ChunkReader#TARGET} (8 KiB) is what production uses.
     */
    private static final int MAX_SMALL_TARGET = 64;
    private static final int PRODUCTION_TARGET = ChunkReader.TARGET;
    /** Below this many Chinese characters, too little evidence to hold the detector to GBK. */
    private static final int DETECTABLE_HAN = 20;

    /** A record as both readers see it: where it starts and its cells. */
    record Rec(long line, List<String> cells) {
    }

    /** What reading a file in chunks gave: the records, the encoding used and the digest. */
    record Chunked(List<Rec> records, Charset charset, String sha256) {
    }

    // ---------------------------------------------------------------- generated text

    /** One cell as written: unquoted text, or a quoted cell with optional white space after the closing quote. */
    record Cell(String content, boolean quoted, String after) {
        String render() {
            return quoted ? '"' + content.replace("\"", "\"\"") + '"' + after : content;
        }
    }

    record Row(List<Cell> cells, String terminator) {
    }

    /** A CSV text built from rows; the last row's terminator is written only when {@code finalBreak}. */
    record CsvText(List<Row> rows, boolean finalBreak, boolean bom) {
        String text() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                for (int c = 0; c < r.cells().size(); c++) {
                    if (c > 0) {
                        s.append(',');
                    }
                    s.append(r.cells().get(c).render());
                }
                if (i < rows.size() - 1 || finalBreak) {
                    s.append(r.terminator());
                }
            }
            return s.toString();
        }

        long han() {
            return text().codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    .count();
        }
    }

    /** Unquoted text: no comma, quote, CR or LF; ASCII letters and digits, space, tab, Chinese, a 4-byte emoji. */
    private static final String[] PLAIN = {"a", "Z", "q", "0", "7", " ", "\t", "中", "文", "公", "司", "\uD83D\uDE00"};
    /** For GBK: Chinese words, so that many texts hold enough Chinese to tell GBK from UTF-8 by. */
    private static final String[] PLAIN_GBK = {"a", "Z", "0", " ", "\t", "中文", "有限公司", "个体工商户", "稳岗返还",
        "\uD83D\uDE00"};
    /** Inside quotes anything goes: commas, quotes (written doubled), CR, LF, CR LF. */
    private static final String[] SPECIAL = {",", "\"", "\r", "\n", "\r\n"};

    private static Arbitrary<String> text(String... tokens) {
        return Arbitraries.of(tokens).list().ofMaxSize(6).map(l -> String.join("", l));
    }

    private static Arbitrary<Cell> cell(String[] plainTokens) {
        String[] quotedTokens = new String[plainTokens.length + SPECIAL.length];
        System.arraycopy(plainTokens, 0, quotedTokens, 0, plainTokens.length);
        System.arraycopy(SPECIAL, 0, quotedTokens, plainTokens.length, SPECIAL.length);
        // White space Commons CSV skips after a closing quote (Character.isWhitespace, ASCII range).
        Arbitrary<String> after = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.of(" ", "\t", "  ", " \t ")),
                Tuple.of(1, Arbitraries.of("\u000B", "\f", "\u001C", "\u001F")));
        Arbitrary<Cell> plain = text(plainTokens).map(t -> new Cell(t, false, ""));
        Arbitrary<Cell> quoted = Combinators.combine(text(quotedTokens), after).as((t, a) -> new Cell(t, true, a));
        return Arbitraries.oneOf(plain, quoted);
    }

    private static Arbitrary<Row> row(String[] plainTokens) {
        Arbitrary<String> terminator = Arbitraries.of("\n", "\r\n", "\r");
        Arbitrary<Row> full = Combinators.combine(cell(plainTokens).list().ofMinSize(1).ofMaxSize(6), terminator).as(Row::new);
        Arbitrary<Row> blank = terminator.map(t -> new Row(List.of(new Cell("", false, "")), t));
        return Arbitraries.frequencyOf(Tuple.of(7, full), Tuple.of(1, blank));
    }

    @Provide
    Arbitrary<CsvText> utf8Texts() {
        return Combinators.combine(row(PLAIN).list().ofMaxSize(16), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(CsvText::new);
    }

    @Provide
    Arbitrary<CsvText> gbkTexts() {
        return Combinators.combine(row(PLAIN_GBK).list().ofMaxSize(16), Arbitraries.of(true, false),
                Arbitraries.just(false)).as(CsvText::new);
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 600)
    void sameRecordsAsCommonsCsvAtEveryChunkSize(@ForAll("utf8Texts") CsvText csv) throws Exception {
        String text = csv.text();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = csv.bom() ? concat(BOM, body) : body;
        List<Rec> expected = commons(text);
        Statistics.label("records").collect(expected.size() < 4 ? "0-3" : expected.size() < 10 ? "4-9" : "10+");
        Statistics.label("bom").collect(csv.bom());
        for (int target : targets(bytes.length)) {
            Chunked got = chunked(bytes, null, target);
            String where = "target " + target + ", text " + show(text) + (csv.bom() ? " after a BOM" : "");
            assertEquals(StandardCharsets.UTF_8, got.charset(), "detected encoding, " + where);
            assertEquals(expected, got.records(), "records (start line, cells), " + where);
            assertEquals(Sha256.of(bytes), got.sha256(), "SHA-256 of every byte of the file, " + where);
        }
    }

    @Property(tries = 300)
    void sameRecordsInGbk(@ForAll("gbkTexts") CsvText csv) throws Exception {
        String text = csv.text();
        byte[] bytes = text.getBytes(GB18030);
        List<Rec> expected = commons(text);
        boolean detectable = csv.han() >= DETECTABLE_HAN;
        Statistics.label("detection checked").collect(detectable);
        for (int target : targets(bytes.length)) {
            String where = "target " + target + ", text " + show(text);
            Chunked forced = chunked(bytes, GB18030, target);
            assertEquals(expected, forced.records(), "records with GB18030 forced, " + where);
            assertEquals(Sha256.of(bytes), forced.sha256(), "SHA-256 of every byte of the file, " + where);
            if (detectable) {
                Chunked detected = chunked(bytes, null, target);
                assertEquals(EncodingDetector.GBK, detected.charset(),
                        "detected encoding of " + csv.han() + " Chinese characters in GBK, " + where);
                assertEquals(expected, detected.records(), "records with the encoding detected, " + where);
            }
        }
    }

    @Example
    void textAfterClosingQuoteRejectsOnlyThatRecord() throws Exception {
        byte[] bytes = "a,b\n\"x\"y,z\nc,d\n".getBytes(StandardCharsets.UTF_8);
        for (int target : targets(bytes.length)) {
            List<Parsed> records = parsed(bytes, target);
            String where = "target " + target;
            assertEquals(3, records.size(), "records, " + where);
            assertEquals(new Rec(1, List.of("a", "b")), records.get(0).rec(), where);
            assertNull(records.get(0).problem(), "the record before is fine, " + where);
            Parsed bad = records.get(1);
            assertEquals(2, bad.rec().line(), where);
            assertNotNull(bad.problem(), "text after the closing quote is named, " + where);
            assertTrue(bad.problem().startsWith("cell 1:"), "the problem names the cell: " + bad.problem());
            assertEquals(2, bad.rec().cells().size(), "the comma after the text still separates cells, " + where);
            assertTrue(bad.rec().cells().get(0).contains("x") && bad.rec().cells().get(0).endsWith("y"),
                    "the text after the quote is kept: " + bad.rec().cells().get(0));
            assertEquals("z", bad.rec().cells().get(1), where);
            assertEquals(new Rec(3, List.of("c", "d")), records.get(2).rec(), "the record after is intact, " + where);
            assertNull(records.get(2).problem(), "the record after is fine, " + where);
        }
        // Commons CSV gives up on the whole file here: this is the one place the readers differ on purpose.
        assertThrows(Exception.class, () -> commons("a,b\n\"x\"y,z\nc,d\n"));
    }

    @Example
    void unclosedQuoteAtEndOfFileIsASyntaxError() {
        byte[] bytes = "a,b\n\"x,y\n".getBytes(StandardCharsets.UTF_8);
        for (int target : targets(bytes.length)) {
            CsvSyntaxException e = assertThrows(CsvSyntaxException.class, () -> chunked(bytes, null, target),
                    "target " + target);
            assertTrue(e.getMessage().startsWith("line 2:"), "names line 2 (target " + target + "): " + e.getMessage());
        }
    }

    @Example
    void lineNumbersCountBreaksInsideQuotedCells() throws Exception {
        String text = "h1,h2\r\n" // line 1
                + "1,\"two\r\nlines\"\r\n" // lines 2-3: CR LF inside the cell counts once
                + "2,\"cr\ronly\"\n" // lines 4-5: a lone CR inside the cell
                + "3,\"lf\nand\r\ncrlf\"\r" // lines 6-8, the record ended by a lone CR
                + "\r\n" // line 9: a blank line
                + "4,\"\"\"q\"\"\" \t\n"; // line 10: quotes and white space after the closing quote
        List<Rec> expected = List.of(
                new Rec(1, List.of("h1", "h2")),
                new Rec(2, List.of("1", "two\r\nlines")),
                new Rec(4, List.of("2", "cr\ronly")),
                new Rec(6, List.of("3", "lf\nand\r\ncrlf")),
                new Rec(9, List.of("")),
                new Rec(10, List.of("4", "\"q\"")));
        assertEquals(expected, commons(text), "Commons CSV agrees with the hand count");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int target : targets(bytes.length)) {
            assertEquals(expected, chunked(bytes, null, target).records(), "target " + target);
        }
    }

    /**
     * Commons CSV skips any {@link Character#isWhitespace} character after a closing quote, not only ASCII
     * ones: {@code "x"} followed by an ideographic space U+3000 (common in Chinese text) is the cell {@code x}.
     */
    @Example
    void nonAsciiWhiteSpaceAfterClosingQuoteIsSkippedAsCommonsCsvDoes() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (int cp = 0x80; cp <= 0xFFFF; cp++) {
            if (!Character.isWhitespace(cp)) {
                continue;
            }
            String text = "\"\"" + Character.toString(cp);
            List<Rec> expected = commons(text);
            List<Parsed> got = parsed(text.getBytes(StandardCharsets.UTF_8), PRODUCTION_TARGET);
            List<Parsed> want = expected.stream().map(r -> new Parsed(r, null)).toList();
            if (!want.equals(got)) {
                disagreements.add(String.format("U+%04X: Commons CSV %s, RecordParser %s", cp, want, got));
            }
        }
        assertEquals(List.of(), disagreements, "text \"\" followed by one non-ASCII white space character");
    }

    // ---------------------------------------------------------------- the two readers

    /** Every small target up to one past the file's length (beyond that all cut alike), and production's. */
    private static List<Integer> targets(int length) {
        List<Integer> t = new ArrayList<>();
        for (int i = 1; i <= Math.min(MAX_SMALL_TARGET, length + 1); i++) {
            t.add(i);
        }
        t.add(PRODUCTION_TARGET);
        return t;
    }

    /** Commons CSV's records, each with {@code getCurrentLineNumber() + 1} read before it is parsed. */
    private static List<Rec> commons(String text) throws IOException {
        List<Rec> out = new ArrayList<>();
        try (CSVParser p = COMMONS.parse(new StringReader(text))) {
            Iterator<CSVRecord> it = p.iterator();
            while (true) {
                long line = p.getCurrentLineNumber() + 1;
                if (!it.hasNext()) {
                    break;
                }
                out.add(new Rec(line, it.next().toList()));
            }
        }
        return out;
    }

    record Parsed(Rec rec, String problem) {
    }

    private static Chunked chunked(byte[] bytes, Charset forced, int target) throws IOException, CsvSyntaxException {
        MessageDigest digest = Sha256.digest();
        List<Rec> records = new ArrayList<>();
        try (ChunkReader reader = new ChunkReader(new ByteArrayInputStream(bytes), forced, digest, target, (byte) ',')) {
            RecordParser parser = new RecordParser(reader.charset());
            for (Parsed p : read(reader, parser, bytes.length)) {
                assertNull(p.problem(), "no problem in well-formed text, line " + p.rec().line());
                records.add(p.rec());
            }
            return new Chunked(records, reader.charset(), Sha256.hex(digest));
        }
    }

    private static List<Parsed> parsed(byte[] bytes, int target) throws IOException, CsvSyntaxException {
        try (ChunkReader reader = new ChunkReader(new ByteArrayInputStream(bytes), null, Sha256.digest(), target, (byte) ',')) {
            return read(reader, new RecordParser(reader.charset()), bytes.length);
        }
    }

    /** All records of all chunks, checking the chunks follow one another and end where the file ends. */
    private static List<Parsed> read(ChunkReader reader, RecordParser parser, int fileLength)
            throws IOException, CsvSyntaxException {
        List<Parsed> out = new ArrayList<>();
        int sequence = 0;
        long end = -1;
        for (Chunk c = reader.next(); c != null; c = reader.next()) {
            assertEquals(sequence++, c.sequence(), "chunks are numbered in order");
            assertTrue(c.to() > c.from(), "a chunk is never empty");
            if (end >= 0) {
                assertEquals(end + c.to() - c.from(), c.end(), "a chunk starts where the one before ended");
            }
            end = c.end();
            parser.reset(c);
            while (parser.next()) {
                assertEquals(parser.size(), parser.cells().length);
                for (int i = 0; i < parser.size(); i++) {
                    assertEquals(parser.get(i), parser.cells()[i]);
                }
                assertEquals(parser.size() == 1 && parser.get(0).isEmpty(), parser.blank(), "blank()");
                out.add(new Parsed(new Rec(parser.line(), List.of(parser.cells())), parser.problem()));
            }
        }
        if (end >= 0) {
            assertEquals(fileLength, end, "the last chunk ends at the end of the file");
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** The text with its line breaks, tabs and other controls visible, for failure messages. */
    private static String show(String text) {
        StringBuilder s = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\r' -> s.append("\\r");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (cp < 0x20) {
                        s.append(String.format("\\u%04X", cp));
                    } else {
                        s.appendCodePoint(cp);
                    }
                }
            }
        });
        return s.append('"').toString();
    }
}
