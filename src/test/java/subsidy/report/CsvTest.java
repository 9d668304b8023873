package subsidy.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.csv.CSVPrinter;

/** Our CSV writer must quote exactly as Commons CSV's minimal mode does (after SafeText). */
class CsvTest {
    @Property(tries = 500)
    void writesTheSameBytesAsCommonsCsv(@ForAll @Size(max = 6) List<@Chars({',', '"', '\n', '\r', ' ', '#', '!',
            '=', '-', 'a', '中', '\t'}) @CharRange(from = '0', to = '9') String> cells) throws Exception {
        StringWriter ours = new StringWriter();
        Csv.open(ours, cells).flush();
        StringWriter theirs = new StringWriter();
        List<String> safe = new ArrayList<>();
        cells.forEach(c -> safe.add(SafeText.cell(c)));
        CSVPrinter p = new CSVPrinter(theirs, Csv.FORMAT);
        p.printRecord(safe);
        p.flush();
        assertEquals(theirs.toString(), ours.toString());
    }

    /** 1-, 2-, 3- and 4-byte characters, and surrogates alone or in the wrong order, which Java writes as '?'. */
    @Property(tries = 1000)
    void encodesEveryCharacterAsStringGetBytesDoes(@ForAll @Size(max = 4) List<@Chars({'a', ',', '"', 'é', 'ß',
            '中', '\u3000', '\uFFFD', '\uD83D', '\uDE00', '\uD800', '\uDFFF'}) String> cells) throws Exception {
        CsvLine line = new CsvLine();
        List<String> safe = new ArrayList<>();
        for (String c : cells) {
            line.text(c);
            safe.add(SafeText.cell(c));
        }
        StringWriter theirs = new StringWriter();
        CSVPrinter p = new CSVPrinter(theirs, Csv.FORMAT);
        p.printRecord(safe);
        p.flush();
        assertArrayEquals(theirs.toString().getBytes(StandardCharsets.UTF_8), line.end().bytes());
    }

    /**
     * A cell written in pieces, or as a recurring code, is the cell {@link CsvLine#text} writes for the
     * whole — also when the pieces come again from the per-thread cache, and when one of them needs quotes.
     */
    @Property(tries = 500)
    void piecesAndCodesWriteWhatTextWrites(@ForAll @Size(min = 1, max = 4) List<@Chars({',', '"', '\n', ' ', '=',
            '-', '#', 'a', '中'}) String> pool, @ForAll @Size(max = 8) List<@IntRange(max = 3) Integer> picks) {
        CsvLine line = new CsvLine();
        for (int round = 0; round < 2; round++) { // the second round is served from the cache
            CsvLine expected = new CsvLine();
            StringBuilder whole = new StringBuilder();
            line.clear().code(pool.get(0)).textStart();
            for (int i : picks) {
                String piece = pool.get(i % pool.size());
                line.piece(piece);
                whole.append(piece);
            }
            line.textEnd().end();
            expected.text(pool.get(0)).text(whole.toString()).end();
            assertArrayEquals(expected.bytes(), line.bytes(), "round " + (round + 1));
        }
    }

    /**
     * Texts of the same hash share a set of the cache of pieces and push each other out of it ("Aa"
     * and "BB" hash alike, and so does anything built from them the same way), and a different String
     * of the same text is served from it: each must still write its own bytes.
     */
    @Property(tries = 200)
    void piecesOfTheSameHashEachWriteTheirOwnBytes(@ForAll @Size(max = 30) List<@IntRange(max = 7) Integer> picks) {
        String[] pool = {"AaAa", "BBBB", "AaBB", "BBAa", "Aa,Aa", "BB,BB", "Aa\"BB", new String("AaAa")};
        CsvLine line = new CsvLine();
        CsvLine expected = new CsvLine();
        StringBuilder whole = new StringBuilder();
        line.textStart();
        for (int i : picks) {
            line.piece(pool[i]);
            whole.append(pool[i]);
        }
        line.textEnd();
        expected.text(whole.toString());
        for (int i : picks) {
            line.code(pool[i]);
            expected.text(pool[i]);
        }
        assertArrayEquals(expected.end().bytes(), line.end().bytes(), picks.toString());
    }

    /** A figure, as a cell or as a piece, is the cell text writes for its plain string: firms' figures in size_check.csv. */
    @Property(tries = 500)
    void figuresWriteWhatTextWritesForThePlainString(@ForAll long unscaled, @ForAll @IntRange(min = -3, max = 4) int scale) {
        BigDecimal v = BigDecimal.valueOf(unscaled, scale);
        CsvLine expected = new CsvLine().text("a").text(v.toPlainString()).text("x " + v.toPlainString()).end();
        CsvLine line = new CsvLine().text("a").figure(v);
        line.textStart().piece("x ").figurePiece(v);
        assertArrayEquals(expected.bytes(), line.textEnd().end().bytes(), v.toPlainString());
    }

    /**
     * A figure moved some places left (yuan written in 万: 4) is the exact quotient with its trailing
     * zeros dropped, as BigDecimal writes it: size_check.csv sets 2500万 beside a threshold of 2000万.
     */
    @Property(tries = 1000)
    void figuresMovedLeftWriteTheExactQuotientWithoutTrailingZeros(@ForAll long unscaled,
            @ForAll @IntRange(min = -3, max = 6) int scale, @ForAll @IntRange(min = -2, max = 4) int pointLeft) {
        BigDecimal v = BigDecimal.valueOf(unscaled, scale);
        BigDecimal moved = v.movePointLeft(pointLeft).stripTrailingZeros();
        String plain = pointLeft == 0 ? v.toPlainString() // not moved: as the figure is written elsewhere
                : (moved.scale() < 0 ? moved.setScale(0) : moved).toPlainString();
        CsvLine expected = new CsvLine().text("x " + plain + "万").end();
        CsvLine line = new CsvLine();
        line.textStart().piece("x ").figurePiece(v, pointLeft).piece("万");
        assertArrayEquals(expected.bytes(), line.textEnd().end().bytes(), v.toPlainString() + " / 10^" + pointLeft);
    }

    @net.jqwik.api.Example
    void yuanIn万() {
        CsvLine line = new CsvLine();
        line.textStart().figurePiece(new BigDecimal("25000000"), 4).piece(" ").figurePiece(new BigDecimal("31095792.50"), 4)
                .piece(" ").figurePiece(new BigDecimal("0"), 4).piece(" ").figurePiece(new BigDecimal("12.5"), 4);
        assertEquals("2500 3109.57925 0 0.00125\n", new String(line.textEnd().end().bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
