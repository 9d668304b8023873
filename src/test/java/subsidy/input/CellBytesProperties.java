package subsidy.input;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;
import net.jqwik.time.api.constraints.DateRange;
import subsidy.entity.CreditCode;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;

/**
 * {@link CellBytes}, the fast path that reads a cell's plain spelling straight from its bytes, must never
 * read a cell differently from the slow path it stands in front of: whenever one of its readers accepts a
 * cell (gives anything but "not plain"), the slow reader — {@link Cells} or the enum's {@code parse} —
 * applied to the same cell decoded as text must accept it too and give exactly the same value (for money,
 * the same {@link BigDecimal} including its scale). When the fast reader says "not plain" nothing is
 * claimed: the caller falls back to the slow reader (see {@code RowParser.read(Column, Kind, Plain)}).
 *
 * <p>Besides that, for any bytes at all, no reader may throw, and none may look outside the cell's
 * {@code [from, to)}: every cell is read twice, once in place inside a larger array with random bytes
 * (often digits, dashes and dots) before and after, and once copied alone into an array of its own size,
 * and both readings must be the same.
 *
 * <p>Cells are generated near the edges of each spelling — digit strings of 0 to 20 digits, counts around
 * {@link Cells#MAX_COUNT}, leading zeros, one or two dots, signs, spaces, full-width digits, thousands
 * separators, exponents, impossible dates, case variants, codes one character too long or short, credit
 * codes with a wrong check character or a letter outside the alphabet — plus arbitrary text, and encoded in
 * UTF-8 or GB18030. Each property also asks that a fair share of its cells be plain and a fair share not,
 * so a generator that drifts cannot make a property pass vacuously. Last, a few properties hold the fast
 * path to its purpose: the usual spelling of every value is plain.
 */
class CellBytesProperties {
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** GB 32100-2015: the digits and the upper-case letters but I, O, S, V and Z. */
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Every spelling the enum parsers know, plus near misses. */
    private static final List<String> ENUM_WORDS = List.of(
            "enterprise", "individual_business", "nonprofit", "企业", "个体工商户", "社会组织",
            "large", "medium", "small", "micro", "大型", "中型", "小型", "微型", "大型企业", "微型企业",
            "state_enterprise", "government", "public_institution", "private", "国有企业", "机关", "事业单位", "非国有",
            "individual business", "individual-business", "non-profit", "state enterprise", "smal", "larges",
            "privat", "governments", "public_institutio", "enterprise_", "_enterprise", "国有", "企");

    /** A region/industry code as RowParser makes it: one per thread, shared across cells. */
    private final AsciiStrings codes = new AsciiStrings();

    // ---------------------------------------------------------------- the contract, one reader at a time

    @Property
    void aPlainCountIsTheCountCellsReads(@ForAll("countCells") Placed cell) {
        agrees(cell, "count", CellBytesProperties::count, Cells::count);
    }

    @Property
    void aPlainAmountIsTheAmountCellsReadsWithTheSameScale(@ForAll("moneyCells") Placed cell) {
        agrees(cell, "money", CellBytes::money, Cells::money);
    }

    @Property
    void aPlainFlagIsTheFlagCellsReads(@ForAll("boolCells") Placed cell) {
        agrees(cell, "bool", CellBytesProperties::bool, Cells::bool);
    }

    @Property
    void aPlainDateIsTheDateCellsReads(@ForAll("dateCells") Placed cell) {
        agrees(cell, "date", CellBytes::date, Cells::date);
    }

    @Property
    void aPlainCodeIsTheConstantTheEnumParserReads(@ForAll("enumCells") Placed cell) {
        boolean type = agrees(cell, null, CellBytesProperties::entityType, CellBytesProperties::parseEntityType);
        boolean size = agrees(cell, null, CellBytesProperties::sizeClass, CellBytesProperties::parseSizeClass);
        boolean landlord = agrees(cell, null, CellBytesProperties::landlordType, CellBytesProperties::parseLandlord);
        Statistics.label("plain").collect(type || size || landlord);
        Statistics.label("plain").coverage(CellBytesProperties::bothSidesCovered);
    }

    @Property
    void aPlainRegionIsTheCodeCellsReads(@ForAll("regionCells") Placed cell) {
        agrees(cell, "region", this::region, Cells::region);
    }

    @Property
    void aPlainIndustryIsTheCodeCellsReads(@ForAll("industryCells") Placed cell) {
        agrees(cell, "industry", this::industry, Cells::industry);
    }

    /**
     * {@link CellBytes#creditCode} checks the characters and the check character from the bytes
     * ({@link CreditCode#valid}); it must accept exactly the cells {@link Cells#creditCode} reads, as
     * written, which {@link CreditCode#problem} checks.
     */
    @Property
    void plainCreditCodeCharactersWithAGoodCheckAreTheCodeCellsReads(@ForAll("creditCells") Placed cell) {
        agrees(cell, "credit code", CellBytes::creditCode, Cells::creditCode);
        if (holds(cell, CellBytesProperties::creditCodeCharacters)) {
            String text = cell.decoded();
            String problem = CreditCode.problem(text);
            assertTrue(problem == null || problem.startsWith("check character"),
                    () -> "creditCodeCharacters accepted " + cell + " but CreditCode finds: " + problem);
            Statistics.label("check character").collect(problem == null ? "good" : "wrong");
            Statistics.label("check character").coverage(c -> {
                c.check("good").percentage(p -> p >= 5);
                c.check("wrong").percentage(p -> p >= 5);
            });
        }
    }

    /** {@link CellBytes#is} is true exactly when the cell's bytes are the ASCII text asked for. */
    @Property
    void isHoldsExactlyForTheBytesOfTheWord(@ForAll("enumCells") Placed cell, @ForAll("enumWord") String word) {
        String ascii = word.chars().allMatch(ch -> ch < 0x80) ? word : "enterprise";
        boolean inPlace = CellBytes.is(cell.array(), cell.from(), cell.to(), ascii);
        byte[] alone = cell.cellBytes();
        assertEquals(CellBytes.is(alone, 0, alone.length, ascii), inPlace, () -> "bytes around " + cell);
        assertEquals(Arrays.equals(alone, ascii.getBytes(ISO_8859_1)), inPlace, () -> cell + " is \"" + ascii + '"');
    }

    // ---------------------------------------------------------------- any bytes at all

    /**
     * On arbitrary bytes and an arbitrary range no reader throws or reads outside the range, and whatever
     * it accepts the slow reader reads the same, decoded as UTF-8 or as GB18030.
     */
    @Property(tries = 3000)
    void onAnyBytesNoReaderThrowsLooksOutsideTheCellOrDisagrees(@ForAll("anyBytes") Placed cell) {
        for (Charset charset : List.of(UTF_8, GB18030)) {
            Placed c = new Placed(cell.array(), cell.from(), cell.to(), charset);
            agrees(c, null, CellBytesProperties::count, Cells::count);
            agrees(c, null, CellBytes::money, Cells::money);
            agrees(c, null, CellBytesProperties::bool, Cells::bool);
            agrees(c, null, CellBytes::date, Cells::date);
            agrees(c, null, CellBytesProperties::entityType, CellBytesProperties::parseEntityType);
            agrees(c, null, CellBytesProperties::sizeClass, CellBytesProperties::parseSizeClass);
            agrees(c, null, CellBytesProperties::landlordType, CellBytesProperties::parseLandlord);
            agrees(c, null, this::region, Cells::region);
            agrees(c, null, this::industry, Cells::industry);
            agrees(c, null, CellBytes::creditCode, Cells::creditCode);
            holds(c, CellBytesProperties::creditCodeCharacters);
            holds(c, (b, from, to) -> CellBytes.is(b, from, to, "2022"));
        }
    }

    // ---------------------------------------------------------------- the usual spelling is plain

    @Property
    void everyCountUpToTheMaximumIsPlainAsDigits(@ForAll @LongRange(min = 0, max = Cells.MAX_COUNT) long n) {
        assertEquals(n, CellBytes.count(ascii(Long.toString(n)), 0, Long.toString(n).length()));
    }

    @Property
    void everyAmountOfUpTo18DigitsIsPlainWrittenOut(
            @ForAll @LongRange(min = 0, max = 999_999_999_999_999_999L) long unscaled,
            @ForAll @IntRange(min = 0, max = 8) int scale) {
        BigDecimal amount = BigDecimal.valueOf(unscaled, scale);
        String text = amount.toPlainString();
        byte[] b = ascii(text);
        BigDecimal read = CellBytes.money(b, 0, b.length);
        if (text.length() - (scale > 0 ? 1 : 0) <= 18) {
            assertEquals(amount, read, text);
        } else {
            assertNull(read, text); // more digits than a long holds: left to Cells
        }
    }

    @Property
    void everyDateIsPlainInIsoAndSlashedSpelling(
            @ForAll @DateRange(min = "1000-01-01", max = "9999-12-31") LocalDate date) {
        String iso = date.toString();
        String slashed = date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
        assertEquals(date, CellBytes.date(ascii(iso), 0, iso.length()), iso);
        assertEquals(date, CellBytes.date(ascii(slashed), 0, slashed.length()), slashed);
    }

    @Property
    void everyValidCreditCodeAndUpperCaseIndustryAndSixDigitRegionIsPlain(
            @ForAll("validCreditCode") String code,
            @ForAll @IntRange(min = 'A', max = 'T') int section,
            @ForAll("digits0to4") String industryDigits,
            @ForAll @IntRange(min = 0, max = 999_999) int region) {
        assertEquals(code, CellBytes.creditCode(ascii(code), 0, code.length()));
        String industry = (char) section + industryDigits;
        assertTrue(CellBytes.industry(ascii(industry), 0, industry.length()), industry);
        String county = String.format(Locale.ROOT, "%06d", region);
        assertTrue(CellBytes.region(ascii(county), 0, 6), county);
    }

    @Example
    void everyEnumCodeAndFlagWordIsPlain() {
        for (EntityType t : EntityType.values()) {
            assertEquals(t, entityType(ascii(t.code()), 0, t.code().length()));
        }
        for (SizeClass s : SizeClass.values()) {
            assertEquals(s, sizeClass(ascii(s.code()), 0, s.code().length()));
        }
        for (LandlordType l : LandlordType.values()) {
            assertEquals(l, landlordType(ascii(l.code()), 0, l.code().length()));
        }
        for (String w : List.of("true", "yes", "1")) {
            assertEquals(1, CellBytes.bool(ascii(w), 0, w.length()), w);
        }
        for (String w : List.of("false", "no", "0")) {
            assertEquals(0, CellBytes.bool(ascii(w), 0, w.length()), w);
        }
    }

    // ---------------------------------------------------------------- hand-checked examples

    @Example
    void moneyKeepsTheScaleAsWritten() {
        assertEquals(new BigDecimal("3500.50"), money("3500.50"));
        assertEquals(2, money("3500.50").scale());
        assertEquals(new BigDecimal("0.10"), money("0.10"));
        assertEquals(new BigDecimal("007"), money("007"));
        assertEquals(new BigDecimal("999999999999999999"), money("999999999999999999"));
        assertEquals(new BigDecimal("99999999999999999.9"), money("99999999999999999.9"));
        for (String notPlain : List.of("", ".5", "5.", ".", "1.2.3", "1,000", "1e5", "-1", "+1", " 1", "1 ", "１２",
                "1000000000000000000", "1.000000000000000000")) {
            assertNull(money(notPlain), '"' + notPlain + '"');
        }
    }

    @Example
    void countStopsAtTheMaximum() throws CellException {
        assertEquals(100_000_000L, count("100000000"));
        assertEquals(CellBytes.NOT_PLAIN, CellBytes.count(ascii("100000001"), 0, 9));
        assertEquals(1L, count("000000001"));
        assertEquals(0L, count("0"));
        for (String notPlain : List.of("", "0000000001", "999999999", "1,000", "1e5", "12.0", "-1", "+1", " 1", "１２")) {
            assertNull(count(notPlain), '"' + notPlain + '"');
        }
        assertEquals(12L, Cells.count("１２")); // not plain, but the slow path reads it
        assertThrows(CellException.class, () -> Cells.count("100000001"));
    }

    @Example
    void dateReadsOneOrTwoDigitMonthsAndDaysAndLeavesTheRestToCells() throws CellException {
        assertEquals(LocalDate.of(2022, 3, 1), date("2022/3/1"));
        assertEquals(LocalDate.of(2022, 3, 1), date("2022-03-01"));
        assertEquals(LocalDate.of(2022, 3, 1), date("2022-3/1"));
        assertEquals(LocalDate.of(2020, 2, 29), date("2020-02-29"));
        for (String notPlain : List.of("2022-02-30", "2021-02-29", "2022-13-01", "2022-00-01", "2022-1-001",
                "2022-001-1", "22-3-1", "20220301", "2022.3.1", "2022-3-", "2022--1", " 2022-3-1", "2022-3-1 ",
                "２０２２-3-1", "2022年3月1日", "2022-03-01T00:00")) {
            assertNull(date(notPlain), '"' + notPlain + '"');
        }
        CellException e = assertThrows(CellException.class, () -> Cells.date("2022-02-30"));
        assertEquals("is not a calendar date", e.getMessage());
    }

    @Example
    void aReaderSeesOnlyItsCell() {
        byte[] b = ascii("2022-03-01");
        assertNull(CellBytes.date(b, 0, 4), "\"2022\" followed by \"-03-01\"");
        assertNull(CellBytes.date(b, 0, 9), "\"2022-03-0\"");
        assertEquals(LocalDate.of(2022, 3, 1), CellBytes.date(b, 0, 10));
        byte[] d = ascii("2022-3-15");
        assertEquals(LocalDate.of(2022, 3, 1), CellBytes.date(d, 0, 8), "\"2022-3-1\" followed by \"5\"");
        assertEquals(2022L, CellBytes.count(b, 0, 4));
        assertEquals(3L, CellBytes.count(b, 5, 7));
        byte[] m = ascii("x3.50,1");
        assertEquals(new BigDecimal("3.5"), CellBytes.money(m, 1, 4));
        assertEquals(new BigDecimal("3.50"), CellBytes.money(m, 1, 5));
        assertNull(CellBytes.money(m, 1, 3), "\"3.\" followed by \"50\"");
        byte[] r = ascii("1101011");
        assertTrue(CellBytes.region(r, 0, 6));
        assertFalse(CellBytes.region(r, 0, 7));
        assertFalse(CellBytes.region(r, 0, 5));
        byte[] flags = ascii("yesno");
        assertEquals(1, CellBytes.bool(flags, 0, 3));
        assertEquals(0, CellBytes.bool(flags, 3, 5));
        assertEquals(-1, CellBytes.bool(flags, 0, 5));
    }

    @Example
    void onlyTheLowerCaseAsciiSpellingsArePlain() throws CellException {
        assertEquals(1, CellBytes.bool(ascii("true"), 0, 4));
        assertEquals(-1, CellBytes.bool(ascii("TRUE"), 0, 4));
        assertEquals(-1, CellBytes.bool(ascii("Yes"), 0, 3));
        byte[] shi = "是".getBytes(UTF_8);
        assertEquals(-1, CellBytes.bool(shi, 0, shi.length));
        assertTrue(Cells.bool("TRUE"));
        assertTrue(Cells.bool("是"));
        assertEquals(EntityType.ENTERPRISE, entityType(ascii("enterprise"), 0, 10));
        assertNull(entityType(ascii("Enterprise"), 0, 10));
        assertNull(sizeClass(ascii("小型"), 0, 2));
        assertEquals(LandlordType.STATE_ENTERPRISE, landlordType(ascii("state_enterprise"), 0, 16));
    }

    @Example
    void industryIsASectionLetterAToTAndUpToFourDigits() throws CellException {
        assertTrue(industry("H62"));
        assertTrue(industry("A"));
        assertTrue(industry("T9999"));
        assertFalse(industry("h62"));
        assertFalse(industry("U1"));
        assertFalse(industry("C12345"));
        assertFalse(industry(""));
        assertFalse(industry("H6A"));
        assertEquals("H62", Cells.industry("h62"));
        assertThrows(CellException.class, () -> Cells.industry("U1"));
    }

    @Example
    void aPlainCreditCodeIsUpperCaseAlphabetWithAGoodCheckCharacter() throws CellException {
        assertEquals("91440300708461136T", creditCode("91440300708461136T"));
        assertNull(creditCode("91440300708461136X")); // check character: T
        assertNull(creditCode("91440300708461136t")); // lower case: the slow path reads it
        assertNull(creditCode("914403007I8461136T"));
        assertNull(creditCode("9144030070846113T"));
        assertNull(creditCode("91440300708461136T0"));
        assertNull(creditCode("91440300708461136\u00e9"));
        assertEquals("91440300708461136T", Cells.creditCode("91440300708461136t"));
    }

    // ---------------------------------------------------------------- checking one cell

    /** The fast reader's value, or null for "not plain". */
    private interface Fast<T> {
        T read(byte[] b, int from, int to);
    }

    /** The slow reader: a value, or a CellException saying why not. */
    private interface Slow<T> {
        T read(String text) throws CellException;
    }

    /**
     * The fast reader's verdict on the cell in place, after checking it equals its verdict on the cell alone
     * in an array of its own (so nothing outside [from, to) was looked at; an out-of-bounds read would throw).
     */
    private static <T> T at(Placed cell, Fast<T> fast) {
        T inPlace = fast.read(cell.array(), cell.from(), cell.to());
        byte[] alone = cell.cellBytes();
        T byItself = fast.read(alone, 0, alone.length);
        assertEquals(byItself, inPlace, () -> "the bytes around the cell changed the reading of " + cell);
        return inPlace;
    }

    private static boolean holds(Placed cell, BytePredicate fast) {
        return at(cell, (Fast<Boolean>) (b, from, to) -> fast.test(b, from, to) ? Boolean.TRUE : null) != null;
    }

    private interface BytePredicate {
        boolean test(byte[] b, int from, int to);
    }

    /**
     * Holds the fast reader to the slow one on this cell; returns whether the cell was plain. With a label, it
     * also records that, and asks that at least a tenth of the cells be plain and a tenth not.
     */
    private static <T> boolean agrees(Placed cell, String label, Fast<T> fast, Slow<T> slow) {
        T plain = at(cell, fast);
        if (label != null) {
            Statistics.label(label + " plain").collect(plain != null);
            Statistics.label(label + " plain").coverage(CellBytesProperties::bothSidesCovered);
        }
        if (plain == null) {
            return false;
        }
        String text = cell.decoded();
        T read;
        try {
            read = slow.read(text);
        } catch (CellException e) {
            return fail("CellBytes read " + show(plain) + " from " + cell + ", but the slow reader rejects it: "
                    + e.getMessage());
        }
        assertEquals(read, plain, () -> "CellBytes read " + show(plain) + " from " + cell
                + ", the slow reader " + show(read));
        return true;
    }

    private static void bothSidesCovered(StatisticsCoverage coverage) {
        coverage.check(true).percentage(p -> p >= 10);
        coverage.check(false).percentage(p -> p >= 10);
    }

    private static String show(Object v) {
        return v instanceof BigDecimal d ? d + " (scale " + d.scale() + ")" : String.valueOf(v);
    }

    // ---------------------------------------------------------------- the readers as RowParser combines them

    private static Long count(byte[] b, int from, int to) {
        long v = CellBytes.count(b, from, to);
        if (v != CellBytes.NOT_PLAIN && v < 0) {
            fail("count gave " + v + ", neither a count nor NOT_PLAIN");
        }
        return v == CellBytes.NOT_PLAIN ? null : v;
    }

    private static Boolean bool(byte[] b, int from, int to) {
        int v = CellBytes.bool(b, from, to);
        if (v < -1 || v > 1) {
            fail("bool gave " + v);
        }
        return v < 0 ? null : v == 1;
    }

    private static EntityType entityType(byte[] b, int from, int to) {
        return CellBytes.code(b, from, to, EntityType.values(), EntityType::code);
    }

    private static SizeClass sizeClass(byte[] b, int from, int to) {
        return CellBytes.code(b, from, to, SizeClass.values(), SizeClass::code);
    }

    private static LandlordType landlordType(byte[] b, int from, int to) {
        return CellBytes.code(b, from, to, LandlordType.values(), LandlordType::code);
    }

    private static EntityType parseEntityType(String text) throws CellException {
        return EntityType.parse(text).orElseThrow(() -> new CellException(RejectionCode.UNKNOWN_ENTITY_TYPE, "is not an entity type"));
    }

    private static SizeClass parseSizeClass(String text) throws CellException {
        return SizeClass.parse(text).orElseThrow(() -> new CellException(RejectionCode.UNKNOWN_SIZE_CLASS, "is not a size class"));
    }

    private static LandlordType parseLandlord(String text) throws CellException {
        return LandlordType.parse(text).orElseThrow(() -> new CellException(RejectionCode.UNKNOWN_LANDLORD_TYPE, "is not a landlord type"));
    }

    private String region(byte[] b, int from, int to) {
        return CellBytes.region(b, from, to) ? codes.get(b, from, to) : null;
    }

    private String industry(byte[] b, int from, int to) {
        return CellBytes.industry(b, from, to) ? codes.get(b, from, to) : null;
    }


    private static BigDecimal money(String ascii) {
        return CellBytes.money(ascii(ascii), 0, ascii.length());
    }

    private static Long count(String ascii) {
        return count(ascii(ascii), 0, ascii.length());
    }

    private static LocalDate date(String text) {
        byte[] b = text.getBytes(UTF_8);
        return CellBytes.date(b, 0, b.length);
    }

    private static boolean industry(String ascii) {
        return CellBytes.industry(ascii(ascii), 0, ascii.length());
    }

    private static String creditCode(String text) {
        byte[] b = text.getBytes(UTF_8);
        return CellBytes.creditCode(b, 0, b.length);
    }

    /** 18 characters of the credit code alphabet, upper case, whatever the check character. */
    private static boolean creditCodeCharacters(byte[] b, int from, int to) {
        if (to - from != CreditCode.LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (b[i] < 0 || CreditCode.value((char) b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(ISO_8859_1);
    }

    // ---------------------------------------------------------------- a cell inside a larger array

    /** A cell's bytes at [from, to) of a larger array, and the encoding it is read in. */
    record Placed(byte[] array, int from, int to, Charset charset) {
        byte[] cellBytes() {
            return Arrays.copyOfRange(array, from, to);
        }

        String decoded() {
            return new String(array, from, to - from, charset);
        }

        @Override
        public String toString() {
            HexFormat hex = HexFormat.ofDelimiter(" ");
            return "cell \"" + decoded() + "\" (" + charset + " bytes " + hex.formatHex(array, from, to)
                    + ") at [" + from + ", " + to + ") of [" + hex.formatHex(array) + "]";
        }
    }

    /** Each text encoded in UTF-8 or GB18030, with 0 to 6 noise bytes on either side. */
    private static Arbitrary<Placed> placed(Arbitrary<String> texts) {
        return Combinators.combine(texts, Arbitraries.of(UTF_8, GB18030), noise(), noise()).as((text, cs, before, after) -> {
            byte[] cell = text.getBytes(cs);
            byte[] a = new byte[before.size() + cell.length + after.size()];
            for (int i = 0; i < before.size(); i++) {
                a[i] = before.get(i);
            }
            System.arraycopy(cell, 0, a, before.size(), cell.length);
            for (int i = 0; i < after.size(); i++) {
                a[before.size() + cell.length + i] = after.get(i);
            }
            return new Placed(a, before.size(), before.size() + cell.length, cs);
        });
    }

    /** Bytes that would change a reading if a reader strayed onto them: mostly digits, separators, letters. */
    private static Arbitrary<List<Byte>> noise() {
        return noiseByte().list().ofMaxSize(6);
    }

    private static Arbitrary<Byte> noiseByte() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(bytesOf("0123456789"))),
                Tuple.of(2, Arbitraries.of(bytesOf("-/.,eE +"))),
                Tuple.of(2, Arbitraries.of(bytesOf("ATHZaeinorstuy_"))),
                Tuple.of(1, Arbitraries.bytes()));
    }

    private static Byte[] bytesOf(String ascii) {
        Byte[] b = new Byte[ascii.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ascii.charAt(i);
        }
        return b;
    }

    @Provide
    Arbitrary<Placed> anyBytes() {
        return Combinators.combine(noiseByte().list().ofMaxSize(30), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 30)).as((list, x, y) -> {
                    byte[] a = new byte[list.size()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = list.get(i);
                    }
                    int from = Math.min(Math.min(x, y), a.length);
                    int to = Math.min(Math.max(x, y), a.length);
                    return new Placed(a, from, to, UTF_8);
                });
    }

    // ---------------------------------------------------------------- cells near each spelling's edges

    @Provide
    Arbitrary<Placed> countCells() {
        return placed(numberText(false));
    }

    @Provide
    Arbitrary<Placed> moneyCells() {
        return placed(numberText(true));
    }

    /** Numbers as spreadsheets write them, right and wrong; for money, more of them with dots. */
    private static Arbitrary<String> numberText(boolean money) {
        Arbitrary<String> plain = Arbitraries.frequencyOf(
                Tuple.of(3, digits(0, 20)),
                Tuple.of(3, digits(1, 10)),
                Tuple.of(2, Arbitraries.longs().between(Cells.MAX_COUNT - 20, Cells.MAX_COUNT + 20)
                        .map(String::valueOf)),
                Tuple.of(2, Combinators.combine(Arbitraries.strings().withChars('0').ofMaxLength(3),
                        digits(1, 9)).as(String::concat)),
                Tuple.of(1, Arbitraries.of("0", "00", "99999999", "100000000", "100000001", "999999999",
                        "1000000000", "0100000000", "000000000", "0000000001", "999999999999999999",
                        "9999999999999999999", "9223372036854775807", "9223372036854775808", "18446744073709551616")));
        Arbitrary<String> dotted = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(digits(0, 12), digits(0, 12)).as((a, b) -> a + "." + b)),
                Tuple.of(2, Combinators.combine(digits(1, 20), Arbitraries.integers().between(0, 20))
                        .as((d, at) -> d.substring(0, Math.min(at, d.length())) + "." + d.substring(Math.min(at, d.length())))),
                Tuple.of(1, Combinators.combine(digits(0, 4), digits(0, 4), digits(0, 4))
                        .as((a, b, c) -> a + "." + b + "." + c)),
                Tuple.of(1, Arbitraries.of("0.0", "0.00", "3500.50", "0.10", "1.", ".5", ".", "..", "1..2",
                        "99999999999999999.9", "9999999999999999999.9", "0.000000000000000001", "1.0000000000000000000")));
        Arbitrary<String> simple = Arbitraries.oneOf(plain, dotted);
        Arbitrary<String> decorated = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("+", "-", "−", "－", "＋"), simple).as(String::concat),
                spaced(simple),
                simple.map(CellBytesProperties::fullWidth),
                grouped(),
                Arbitraries.of("1e5", "1E5", "1.5e3", "-2e-3", "1e+5", "1e", "e5", "1153040291108147E8", "NaN",
                        "Infinity", "0x10", "1_000", "1'000", "1 000"),
                Combinators.combine(simple, Arbitraries.of("元", "yuan", "人", "abc", "%", "万", "\0", "\uFFFD"))
                        .as(String::concat),
                Arbitraries.strings().withChars("0123456789.,+-eE /１２．元a").ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(10));
        return Arbitraries.frequencyOf(
                Tuple.of(money ? 3 : 6, plain),
                Tuple.of(money ? 5 : 2, dotted),
                Tuple.of(4, decorated));
    }

    /** Thousands separators, well and badly placed. */
    private static Arbitrary<String> grouped() {
        Arbitrary<String> generated = Combinators.combine(Arbitraries.integers().between(1, 999),
                Arbitraries.integers().between(0, 999).map(g -> String.format(Locale.ROOT, "%03d", g)).list().ofMinSize(1)
                        .ofMaxSize(3),
                Arbitraries.of("", ".5", ".50", "."))
                .as((head, groups, tail) -> head + "," + String.join(",", groups) + tail);
        return Arbitraries.oneOf(generated, Arbitraries.of("1,000", "12,345", "1,000,000", "1,00", "1,0000", ",100",
                "100,", "1,000.50", "100,000,001", "1,000,000,000", "１,０００"));
    }

    @Provide
    Arbitrary<Placed> dateCells() {
        Arbitrary<String> year = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(1900, 2100).map(y -> Integer.toString(y))),
                Tuple.of(2, Arbitraries.integers().between(0, 9999)
                        .map(y -> String.format(Locale.ROOT, "%04d", y))),
                Tuple.of(1, digits(0, 6)));
        Arbitrary<String> month = part(12, 13);
        Arbitrary<String> day = part(31, 32);
        Arbitrary<String> sep = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of("-", "/")),
                Tuple.of(1, Arbitraries.of(".", " ", "年", "", "--", "\\", "－", "／", "_")));
        Arbitrary<String> built = Combinators.combine(year, sep, month, sep, day)
                .as((y, s1, m, s2, d) -> y + s1 + m + s2 + d);
        Arbitrary<String> known = Arbitraries.of("2022-3-1", "2022/03/01", "2022-02-30", "2022-13-01", "2022-1-001",
                "2022-001-1", "2022-3/1", "2020-02-29", "2021-02-29", "1900-02-29", "2000-02-29", "0000-01-01",
                "9999-12-31", "2022-03-01T00:00", "2022年3月1日", "２０２２-03-01", "20220301", "22-3-1", "2022-3-",
                "2022--1", "-2022-3-1", "+2022-3-1", "02022-3-1", "2022-3-1-", "2022/3/1/1", "2022-03-01Z");
        Arbitrary<String> decorated = Arbitraries.oneOf(
                spaced(built),
                built.map(CellBytesProperties::fullWidth),
                Combinators.combine(built, Arbitraries.of(" 00:00", "T00:00", "日", "x", "0", "/1")).as(String::concat),
                Arbitraries.strings().withChars("0123456789-/ .年月日").ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(10));
        return placed(Arbitraries.frequencyOf(
                Tuple.of(8, built),
                Tuple.of(2, known),
                Tuple.of(3, decorated)));
    }

    /** A month or day: mostly 1..usual in one or two digits, sometimes 0..beyond or up to three digits. */
    private static Arbitrary<String> part(int usual, int beyond) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(Arbitraries.integers().between(1, usual), Arbitraries.of(1, 2))
                        .as((v, w) -> String.format(Locale.ROOT, "%0" + w + "d", v))),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, beyond), Arbitraries.of(1, 2, 3))
                        .as((v, w) -> String.format(Locale.ROOT, "%0" + w + "d", v))),
                Tuple.of(1, digits(0, 3)));
    }

    @Provide
    Arbitrary<Placed> boolCells() {
        Arbitrary<String> word = Arbitraries.of("true", "false", "yes", "no", "1", "0", "是", "否", "t", "f", "y", "n",
                "2", "on", "off", "tru", "yess", "01", "00", "1.0", "truefalse", "none", "真", "假");
        Arbitrary<String> cased = Combinators.combine(word, Arbitraries.integers().between(0, 31))
                .as(CellBytesProperties::withCase);
        return placed(Arbitraries.frequencyOf(
                Tuple.of(4, word),
                Tuple.of(3, cased),
                Tuple.of(1, spaced(word)),
                Tuple.of(1, word.map(CellBytesProperties::fullWidth)),
                Tuple.of(1, Arbitraries.strings().withChars("truefalsyn01 是否").ofMaxLength(6)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(6))));
    }

    @Provide
    Arbitrary<String> enumWord() {
        return Arbitraries.of(ENUM_WORDS);
    }

    @Provide
    Arbitrary<Placed> enumCells() {
        Arbitrary<String> word = enumWord();
        return placed(Arbitraries.frequencyOf(
                Tuple.of(5, word),
                Tuple.of(3, Combinators.combine(word, Arbitraries.integers().between(0, 31))
                        .as(CellBytesProperties::withCase)),
                Tuple.of(1, spaced(word)),
                Tuple.of(1, word.map(CellBytesProperties::fullWidth)),
                Tuple.of(1, Combinators.combine(word, Arbitraries.integers().between(0, 20))
                        .as((w, n) -> w.substring(0, Math.min(n, w.length())))),
                Tuple.of(1, Combinators.combine(word, word).as(String::concat)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12))));
    }

    @Provide
    Arbitrary<Placed> regionCells() {
        Arbitrary<String> six = digits(6, 6);
        return placed(Arbitraries.frequencyOf(
                Tuple.of(6, six),
                Tuple.of(3, Arbitraries.oneOf(digits(5, 5), digits(7, 7), digits(0, 8))),
                Tuple.of(1, spaced(six)),
                Tuple.of(1, six.map(CellBytesProperties::fullWidth)),
                Tuple.of(1, Combinators.combine(digits(5, 5), Arbitraries.of("X", "x", ".", "-", "+", "元"))
                        .as(String::concat)),
                Tuple.of(1, Arbitraries.of("110101.0", "-11010", "+11010", "11 0101", "1.1e5")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(8))));
    }

    @Provide
    Arbitrary<Placed> industryCells() {
        Arbitrary<Character> letter = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().range('A', 'Z')),
                Tuple.of(3, Arbitraries.chars().range('a', 'z')),
                Tuple.of(1, Arbitraries.of('@', '[', '`', '{', '0', 'Ａ', 'ｈ', ' ')));
        Arbitrary<String> code = Combinators.combine(letter, digits(0, 5)).as((l, d) -> l + d);
        return placed(Arbitraries.frequencyOf(
                Tuple.of(8, code),
                Tuple.of(2, Arbitraries.of("H62", "h62", "U1", "A", "C12345", "", "CH12", "H 62", "H62.0",
                        "H6A", "62", "T9999", "t9999", "Z1")),
                Tuple.of(1, spaced(code)),
                Tuple.of(1, code.map(CellBytesProperties::fullWidth)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(6))));
    }

    @Provide
    Arbitrary<String> digits0to4() {
        return digits(0, 4);
    }

    @Provide
    Arbitrary<String> validCreditCode() {
        return Arbitraries.strings().withChars(CREDIT_ALPHABET).ofLength(CreditCode.LENGTH - 1)
                .map(body -> body + CreditCode.checkCharacter(body));
    }

    @Provide
    Arbitrary<Placed> creditCells() {
        Arbitrary<String> valid = validCreditCode();
        Arbitrary<Integer> position = Arbitraries.integers().between(0, CreditCode.LENGTH - 1);
        Arbitrary<String> wrongCheck = Combinators.combine(valid, Arbitraries.of(CREDIT_ALPHABET.chars().boxed().toList()))
                .as((c, x) -> c.substring(0, 17) + (char) (int) x);
        Arbitrary<String> outside = Combinators.combine(valid, position,
                Arbitraries.of('I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z', '-', ' ', '９', 'Ａ', '\u00C0'))
                .as((c, at, x) -> c.substring(0, at) + x + c.substring(at + 1));
        Arbitrary<String> oneLower = Combinators.combine(valid, position)
                .as((c, at) -> c.substring(0, at) + Character.toLowerCase(c.charAt(at)) + c.substring(at + 1));
        return placed(Arbitraries.frequencyOf(
                Tuple.of(5, valid),
                Tuple.of(3, wrongCheck),
                Tuple.of(2, valid.map(c -> c.toLowerCase(Locale.ROOT))),
                Tuple.of(2, oneLower),
                Tuple.of(2, outside),
                Tuple.of(1, Arbitraries.oneOf(valid.map(c -> c.substring(1)), valid.map(c -> c + "0"),
                        valid.map(c -> c.substring(0, 17)))),
                Tuple.of(1, spaced(valid)),
                Tuple.of(1, valid.map(CellBytesProperties::fullWidth)),
                Tuple.of(1, Arbitraries.of("91440300708461136T", "91310000775785552L", "91440300708461136X",
                        "1153040291108147E8", "9.14403007084611E17", "914403007I8461136T")),
                Tuple.of(2, Arbitraries.strings().withChars(CREDIT_ALPHABET + "IOSVZabcxyz")
                        .ofLength(CreditCode.LENGTH)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20))));
    }

    // ---------------------------------------------------------------- text helpers

    private static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    }

    /** The text with a space (ASCII, tab, no-break or ideographic) before it, after it, or both. */
    private static Arbitrary<String> spaced(Arbitrary<String> text) {
        Arbitrary<String> space = Arbitraries.of(" ", "\t", "\u00A0", "\u3000", "  ");
        return Combinators.combine(space, text, space, Arbitraries.integers().between(1, 3))
                .as((a, t, b, where) -> ((where & 1) != 0 ? a : "") + t + ((where & 2) != 0 ? b : ""));
    }

    /** ASCII letters, digits and punctuation as their full-width forms, which NFKC turns back. */
    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c > ' ' && c < 0x7F ? (char) (c - '!' + '！') : c);
        }
        return b.toString();
    }

    /** The word with its first five characters' case set by the bits of mask (1 = upper). */
    private static String withCase(String word, int mask) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean upper = i < 5 ? (mask >> i & 1) != 0 : (mask & 1) != 0;
            b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return b.toString();
    }

    static {
        // The credit code generators assume this alphabet; say so at once if CreditCode's ever changes.
        for (char c = 0; c < 0x80; c++) {
            if ((CreditCode.value(c) >= 0) != (CREDIT_ALPHABET.indexOf(c) >= 0)) {
                throw new AssertionError("CREDIT_ALPHABET and CreditCode differ at '" + c + "'");
            }
        }
    }
}
