package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.entity.Entity;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;

/** SPEC §2 input reading: headers, encodings, values, line numbers and the duplicate rule. */
class InputFileTest {
    static final String HEADER = "entity_id,name,entity_type,region_code,industry_code";
    static final String A = "91440300708461136T";
    static final String B = "91310000775785552L";

    @TempDir
    Path dir;

    record Seen(List<Entity> accepted, List<Long> lines, List<Rejection> rejected, InputStats stats) {
    }

    Seen read(String content, Charset charset) throws Exception {
        Path f = dir.resolve("in.csv");
        Files.write(f, content.getBytes(charset));
        List<Entity> accepted = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        InputStats stats = new InputFile(f, null).read(new SeenIds(), new RowSink() {
            @Override
            public void accepted(Entity e, String file, long line) {
                accepted.add(e);
                lines.add(line);
            }

            @Override
            public void rejected(Rejection r) {
                rejected.add(r);
            }
        });
        return new Seen(accepted, lines, rejected, stats);
    }

    @Test
    void chineseHeadersAnyCaseAndSpacesAndUnknownColumnsAreAccepted() throws Exception {
        Seen s = read(" 统一社会信用代码 ,名称,主体类型, REGION_CODE ,Industry_Code,备注,出租方类型\n"
                + A.toLowerCase() + ",某某店,个体工商户,530102,h62,随便,国有企业\n", StandardCharsets.UTF_8);
        assertEquals(1, s.accepted().size(), () -> s.rejected().toString());
        Entity e = s.accepted().get(0);
        assertEquals(A, e.entityId());
        assertEquals(EntityType.INDIVIDUAL_BUSINESS, e.type());
        assertEquals("H62", e.industryCode());
        assertEquals(LandlordType.STATE_ENTERPRISE, e.landlordType());
    }

    @Test
    void gbkIsDetectedAndReadsTheSameAsUtf8() throws Exception {
        String csv = HEADER + "\n" + A + ",元江县某某餐饮有限公司,企业,530428,H62\n";
        Seen gbk = read(csv, Charset.forName("GBK"));
        Seen utf8 = read(csv, StandardCharsets.UTF_8);
        assertEquals("GB18030", gbk.stats().encoding());
        assertEquals(utf8.accepted(), gbk.accepted());
    }

    @Test
    void lineNumbersCountPhysicalLinesAcrossQuotedNewlinesAndBlankLines() throws Exception {
        String csv = HEADER + "\r\n" + A + ",\"多行\n名称\",enterprise,530102,M74\r\n\r\n"
                + "bad,x,enterprise,530102,M74\n" + B + ",乙,enterprise,530102,M74\n";
        Seen s = read(csv, StandardCharsets.UTF_8);
        assertEquals(List.of(2L, 6L), s.lines());
        assertEquals(5L, s.rejected().get(0).line());
        assertEquals(3, s.stats().rowsRead());
    }

    @Test
    void everyReasonOfARowIsListedNotJustTheFirst() throws Exception {
        Seen s = read(HEADER + ",employees,monthly_rent\nbad,,shop,5301,Z9,-1,abc\n", StandardCharsets.UTF_8);
        List<String> reasons = s.rejected().get(0).reasons();
        assertEquals(7, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("entity_id: \"bad\""), reasons.get(0));
        assertTrue(reasons.contains("name: required, but blank"), reasons.toString());
    }

    @Test
    void secondAndLaterRowsWithAnIdAreRejectedAsDuplicates() throws Exception {
        Seen s = read(HEADER + "\n" + A + ",甲,enterprise,530102,M74\n" + A.toLowerCase() + ",乙,enterprise,530102,M74\n"
                + A + ",丙,enterprise,530102,M74\n", StandardCharsets.UTF_8);
        assertEquals(1, s.accepted().size());
        assertEquals(List.of(3L, 4L), s.rejected().stream().map(Rejection::line).toList());
        assertTrue(s.rejected().get(0).reasons().get(0).contains("appears on an earlier row"));
    }

    @Test
    void valuesInEveryAcceptedSpellingAreRead() throws Exception {
        Seen s = read(HEADER + ",serious_dishonesty,severely_affected,revenue,lease_start,lease_end,employees\n"
                + A + ",甲,enterprise,530102,M74,是,YES,\"12,345.67\",2022/3/1,2022-05-31,１２\n",
                StandardCharsets.UTF_8);
        Entity e = s.accepted().get(0);
        assertTrue(e.seriousDishonesty());
        assertTrue(e.severelyAffected());
        assertEquals(new java.math.BigDecimal("12345.67"), e.revenue());
        assertEquals(java.time.LocalDate.of(2022, 3, 1), e.leaseStart());
        assertEquals(12L, e.employees());
    }

    /** A bad input names file, line, column and value: the column as the file's header spells it. */
    @Test
    void textAfterAClosingQuoteNamesTheColumnAndTheCellAsWritten() throws Exception {
        Seen s = read("entity_id,名称,entity_type,region_code,industry_code\n"
                + A + ",\"甲公司\" 昆明分公司,enterprise,530102,M74\n", StandardCharsets.UTF_8);
        assertEquals(List.of("名称: \"\"甲公司\" 昆明分公司\" has text after its closing quote; a cell holding a"
                + " quote must be quoted whole, with the quote doubled"), s.rejected().get(0).reasons());
    }

    /** The encoding is detected from the file's start; a GBK name far below it says how to read the file right. */
    @Test
    void bytesThatAreNotTextSayWhichEncodingWasDetectedAndHowToChooseTheOther() throws Exception {
        // 20,000 plain rows (one entity, so the rest are duplicates), then a GBK name on line 20,002.
        String ascii = HEADER + "\n" + (B + ",name,enterprise,530102,M74\n").repeat(20_000);
        Path f = dir.resolve("late.csv");
        Files.write(f, ascii.getBytes(StandardCharsets.US_ASCII));
        Files.write(f, (A + ",甲公司,enterprise,530102,M74\n").getBytes(EncodingDetector.GBK),
                java.nio.file.StandardOpenOption.APPEND);
        List<Rejection> rejected = new ArrayList<>();
        new InputFile(f, null).read(new SeenIds(), new RowSink() {
            @Override
            public void accepted(Entity e, String file, long line) {
            }

            @Override
            public void rejected(Rejection r) {
                if (r.line() == 20_002) {
                    rejected.add(r);
                }
            }
        });
        assertEquals(1, rejected.size());
        String reason = rejected.get(0).reasons().get(0);
        assertTrue(reason.startsWith("name: ") && reason.endsWith(" holds bytes that are not text in UTF-8, the"
                + " encoding detected from the start of the file; if the file is GBK, read it as GBK (--encoding GBK)"),
                reason);
    }

    /**
     * A batch script may pipe a file in (`--input /dev/stdin`, `--input <(zcat firms.csv.gz)`): a pipe
     * can be read once, so the header checked before any output is written must not cost the rows.
     */
    @Test
    void aPipeIsReadOnceForItsHeaderAndItsRows() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        Thread writer = new Thread(() -> {
            try (java.io.OutputStream pipe = Files.newOutputStream(fifo)) {
                Files.copy(Path.of("samples/firms.csv"), pipe);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        InputFile input = new InputFile(fifo, null);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            assertEquals("entity_id", input.header().cells().get(0));
            List<Entity> accepted = new ArrayList<>();
            input.read(new SeenIds(), new RowSink() {
                @Override
                public void accepted(Entity e, String file, long line) {
                    accepted.add(e);
                }

                @Override
                public void rejected(Rejection r) {
                }
            });
            assertEquals(47, accepted.size());
        });
        writer.join();
    }

    /** SPEC §2: a count is an integer ≥ 0 however many zeros lead it; full-width digits are digits. */
    @Test
    void countsWithLeadingZerosAndFullWidthDigitsAreRead() throws Exception {
        Seen s = read(HEADER + ",employees,insured_employees,revenue\n"
                + A + ",甲,enterprise,530102,M74,0000000005,００００００００１２,０１２３.５\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), s.rejected().stream().map(Rejection::reasons).toList());
        assertEquals(5L, s.accepted().get(0).employees());
        assertEquals(12L, s.accepted().get(0).insuredEmployees());
        assertEquals(new java.math.BigDecimal("123.5"), s.accepted().get(0).revenue());
    }

    /** The small forms of comma, point and minus that Chinese input methods also type are read like ASCII ones. */
    @Test
    void smallFormCommaPointAndMinusAreReadLikeAscii() throws Exception {
        Seen s = read(HEADER + ",revenue,employees\n" + A + ",甲,enterprise,530102,M74,79﹐236﹒50,12\n"
                + B + ",乙,enterprise,530102,M74,100,﹣36\n", StandardCharsets.UTF_8);
        assertEquals(new java.math.BigDecimal("79236.50"), s.accepted().get(0).revenue());
        assertEquals(List.of("employees: \"﹣36\" must be a whole number ≥ 0"), s.rejected().get(0).reasons());
    }

    /**
     * Only full-width forms are read as their ASCII twins: a superscript, circled or bold digit is
     * not a digit (10² is not 102), so the row is rejected naming the cell, not computed.
     */
    @Test
    void lookalikeDigitsAreRejectedNotRead() throws Exception {
        Seen s = read(HEADER + ",employees,revenue\n" + A + ",甲,enterprise,530102,M74,1²,100\n"
                + B + ",乙,enterprise,530102,M74,10,①⓪\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), s.accepted());
        assertEquals(List.of(List.of("employees: \"1²\" is not a whole number"),
                List.of("revenue: \"①⓪\" is not an amount in yuan")),
                s.rejected().stream().map(Rejection::reasons).toList());
    }

    @Test
    void wrongCellCountIsRejected() throws Exception {
        Seen s = read(HEADER + "\n" + A + ",甲,enterprise,530102\n" + B + ",乙,enterprise,530102,M74,extra\n",
                StandardCharsets.UTF_8);
        assertEquals(2, s.rejected().size());
        assertEquals("row has 4 cells, the header has 5", s.rejected().get(0).reasons().get(0));
    }

    /** A header read in the wrong encoding says so, besides the columns it cannot find. */
    @Test
    void aHeaderReadInTheWrongEncodingSaysSo() throws Exception {
        RowSink none = new RowSink() {
            @Override
            public void accepted(Entity e, String file, long line) {
            }

            @Override
            public void rejected(Rejection r) {
            }
        };
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, ("\uFEFF" + HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        InputException asGbk = assertThrows(InputException.class,
                () -> new InputFile(bom, Charset.forName("GBK")).read(new SeenIds(), none));
        assertTrue(asGbk.getMessage().endsWith("; the file starts with UTF-8's byte-order mark, but was read as GBK"),
                asGbk.getMessage());
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, "entity_id,名称,entity_type,region_code,industry_code\n".getBytes(EncodingDetector.GBK));
        InputException asUtf8 = assertThrows(InputException.class,
                () -> new InputFile(gbk, StandardCharsets.UTF_8).read(new SeenIds(), none));
        assertTrue(asUtf8.getMessage().contains("name (名称)") && asUtf8.getMessage().endsWith(
                "; the header holds bytes that are not text in UTF-8, so the file may be in another encoding"),
                asUtf8.getMessage());
    }

    @Test
    void aFileWithoutUsableHeaderIsUnusable() {
        assertThrows(InputException.class, () -> read("", StandardCharsets.UTF_8));
        InputException missing = assertThrows(InputException.class,
                () -> read("entity_id,name\n", StandardCharsets.UTF_8));
        assertTrue(missing.getMessage().contains("entity_type (主体类型)"), missing.getMessage());
        InputException twice = assertThrows(InputException.class,
                () -> read(HEADER + ",名称\n", StandardCharsets.UTF_8));
        assertTrue(twice.getMessage().contains("column name appears twice"), twice.getMessage());
    }

    @Test
    void digestCoversTheWholeFile() throws Exception {
        Seen a = read(HEADER + "\n", StandardCharsets.UTF_8);
        Seen b = read(HEADER + "\n\n", StandardCharsets.UTF_8);
        assertFalse(a.stats().sha256().equals(b.stats().sha256()));
        assertEquals(64, a.stats().sha256().length());
    }

    /** An unclosed quote early in a big file must not pull the rest of the file into memory. */
    @Test
    void aRecordPast16MiBStopsTheFileNamingWhereTheQuoteOpened() throws Exception {
        Path f = dir.resolve("runaway.csv");
        try (var out = Files.newOutputStream(f)) {
            out.write((HEADER + "\n" + A + ",\"甲公司,enterprise,530102,M74\n").getBytes(StandardCharsets.UTF_8));
            byte[] line = (B + ",乙公司,enterprise,530102,M74\n").getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= ChunkReader.MAX_RECORD + (1 << 20); written += line.length) {
                out.write(line);
            }
        }
        InputException e = assertThrows(InputException.class,
                () -> new InputFile(f, null).read(new SeenIds(), new RowSink() {
                    @Override
                    public void accepted(Entity entity, String file, long line) {
                    }

                    @Override
                    public void rejected(Rejection r) {
                    }
                }));
        assertTrue(e.getMessage().contains("line 2: a record runs on past 16 MiB without ending; the quoted cell"
                + " that opens on line 2 is probably never closed"), e.getMessage());
    }

    /**
     * A cell's control characters reach a message escaped: ESC, BEL, CR, LF, other C0 controls, DEL, C1
     * controls and the bidirectional overrides could otherwise retitle, clear or reorder a clerk's terminal.
     */
    @Test
    void controlCharactersInACellAreEscapedInTheReason() throws Exception {
        Seen s = read(HEADER + ",employees,landlord_type\n"
                + A + ",甲,enterprise,530102,M74,\"\u001b]0;title\u0007\u001b[2J\",\"a\r\nb\u007f\u009b\u202ec\\d\"\n",
                StandardCharsets.UTF_8);
        assertEquals(List.of("employees: \"\\x1b]0;title\\x07\\x1b[2J\" is not a whole number",
                "landlord_type: \"a\\x0d\\x0ab\\x7f\\x9b\\u202ec\\d\" is not state_enterprise, government, "
                        + "public_institution or private"), s.rejected().get(0).reasons());
    }

    /** The header cell a reason names is the file's own, so it is escaped like a value. */
    @Test
    void controlCharactersInAHeaderCellAreEscapedInTheReason() throws Exception {
        Seen s = read("entity_id,name,entity_type,region_code,industry_code,\"\u001b[31m\u202eevil\"\n"
                + A + ",甲,enterprise,530102,M74,\"x\" y\n", StandardCharsets.UTF_8);
        assertEquals(List.of("\\x1b[31m\\u202eevil: \"\"x\" y\" has text after its closing quote; a cell holding a"
                + " quote must be quoted whole, with the quote doubled"), s.rejected().get(0).reasons());
    }

    /** A credit code's bad character is quoted in the reason, escaped too. */
    @Test
    void controlCharacterInACreditCodeIsEscapedInTheReason() throws Exception {
        Seen s = read(HEADER + "\n9144030070846\u001b136T,甲,enterprise,530102,M74\n", StandardCharsets.UTF_8);
        String reason = s.rejected().get(0).reasons().get(0);
        assertTrue(reason.contains("\\x1b") && reason.chars().noneMatch(c -> c < 0x20), reason);
    }

    /** NUL is a character UTF-8 and GBK both encode: the row names the cell holding it, not the encoding. */
    @Test
    void aNulCharacterInACellIsNamedNotBlamedOnTheEncoding() throws Exception {
        Seen s = read(HEADER + ",employees\n" + A + ",甲\u0000公司,enterprise,530102,M74,1\u00002\n", StandardCharsets.UTF_8);
        assertEquals(2L, s.rejected().get(0).line());
        assertEquals(List.of("name: \"甲\\x00公司\" holds a NUL character (byte 0), which is not part of any text",
                "employees: \"1\\x002\" holds a NUL character (byte 0), which is not part of any text"),
                s.rejected().get(0).reasons());
        Seen gbk = read(HEADER + "\n" + A + ",甲\u0000公司,enterprise,530102,M74\n", EncodingDetector.GBK);
        assertEquals(List.of("name: \"甲\\x00公司\" holds a NUL character (byte 0), which is not part of any text"),
                gbk.rejected().get(0).reasons());
    }

    /**
     * The other causes keep their own message: bytes that are not text blame the encoding; a replacement
     * character written as such (valid UTF-8) says an earlier conversion lost a character there.
     */
    @Test
    void notTextAndAWrittenReplacementCharacterEachGetTheirOwnReason() throws Exception {
        Path f = dir.resolve("bad.csv");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes((HEADER + "\n" + A + ",\"甲").getBytes(StandardCharsets.UTF_8));
        b.write(0xFF);
        b.writeBytes(("\",enterprise,530102,M74\n" + B + ",乙\uFFFD公司,enterprise,530102,M74\n").getBytes(StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());
        List<Rejection> rejected = new ArrayList<>();
        new InputFile(f, StandardCharsets.UTF_8).read(new SeenIds(), new RowSink() {
            @Override
            public void accepted(Entity e, String file, long line) {
            }

            @Override
            public void rejected(Rejection r) {
                rejected.add(r);
            }
        });
        assertEquals(List.of("name: \"甲\uFFFD\" holds bytes that are not text in UTF-8, the encoding given"),
                rejected.get(0).reasons());
        assertEquals(List.of("name: \"乙\uFFFD公司\" holds U+FFFD, the replacement character an earlier conversion"
                + " left where it lost a character; write the name again"), rejected.get(1).reasons());
    }

    /** A message about the file names its path, which the clerk gave and may hold a control character too. */
    @Test
    void aPathWithAControlCharacterIsEscapedInTheMessage() {
        Path f = dir.resolve("a\u001b[2J.csv");
        InputException e = assertThrows(InputException.class, () -> new InputFile(f, null).header());
        assertEquals(dir + "/a\\x1b[2J.csv: no such file", e.getMessage());
    }

    /** An input without read permission names the path and the reason in words, not an exception's class. */
    @Test
    void anUnreadableInputSaysPermissionDenied() throws Exception {
        Path f = Files.writeString(dir.resolve("locked.csv"), HEADER + "\n");
        Files.setPosixFilePermissions(f, java.util.Set.of());
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "this user reads anything (root)");
            InputException e = assertThrows(InputException.class, () -> new InputFile(f, null).header());
            assertEquals(f + ": cannot be read: permission denied", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(f, java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        }
    }

    /** A path through a file: "not a directory", said once, without the path again or an exception's name. */
    @Test
    void anInputUnderAFileSaysNotADirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path f = file.resolve("in.csv");
        InputException e = assertThrows(InputException.class, () -> new InputFile(f, null).header());
        assertEquals(f + ": cannot be read: not a directory", e.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> new InputFile(dir.resolve("none/in.csv"), null).header());
        assertEquals(dir.resolve("none/in.csv") + ": no such file", missing.getMessage());
    }

    /**
     * A lease dated before 1949 or after 2100 is a placeholder (9999-12-31 for "no end") or a typo, not a
     * lease of a 2020-2022 programme: the row is rejected naming the column and the value as written.
     */
    @Test
    void implausibleLeaseDatesAreRejectedNamingColumnAndValue() throws Exception {
        String h = HEADER + ",landlord_type,monthly_rent,lease_start,lease_end\n";
        Seen s = read(h + A + ",甲,individual_business,530102,F52,state_enterprise,5000,2022-01-01,9999-12-31\n"
                + B + ",乙,individual_business,530102,F52,state_enterprise,5000,9999/12/31,\n"
                + "915301022674397173,丙,individual_business,530102,F52,state_enterprise,5000,1900-01-01,2100-12-31\n"
                + "9153040225581193XN,丁,individual_business,530102,F52,state_enterprise,5000,1949-01-01,2100-12-31\n",
                StandardCharsets.UTF_8);
        assertEquals(List.of(2L, 3L, 4L), s.rejected().stream().map(Rejection::line).toList());
        assertEquals(List.of("lease_end: \"9999-12-31\" is not a plausible lease date (a year from 1949 to 2100);"
                + " leave lease_end blank for a lease without an end date"), s.rejected().get(0).reasons());
        assertEquals(List.of("lease_start: \"9999/12/31\" is not a plausible lease date (a year from 1949 to 2100)"),
                s.rejected().get(1).reasons());
        assertEquals(List.of("lease_start: \"1900-01-01\" is not a plausible lease date (a year from 1949 to 2100)"),
                s.rejected().get(2).reasons());
        assertEquals(1, s.accepted().size());
        assertEquals(java.time.LocalDate.of(2100, 12, 31), s.accepted().get(0).leaseEnd());
    }
}
