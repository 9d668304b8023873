package subsidy.hire;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import subsidy.Sha256;
import subsidy.entity.CreditCode;
import subsidy.entity.ResidentId;
import subsidy.input.Dates;
import subsidy.input.EncodingDetector;
import subsidy.input.Escape;
import subsidy.input.InputException;
import subsidy.input.IoProblem;
import subsidy.input.Rejection;
import subsidy.input.RejectionCode;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * A hire list ({@code calc --hires}): one row per person a firm hired, held column by column in primitive
 * arrays (about 40 bytes a hire), in the file's order; the rows that cannot be read are kept as
 * rejections with every reason, identity numbers masked in them.
 *
 * <p>Columns (header by id or Chinese name, under title rows if any): entity_id (统一社会信用代码),
 * id_number (公民身份号码), category (人员类别: graduate/youth/hard_to_employ, 高校毕业生/登记失业青年/
 * 就业困难人员), hire_date (招用日期), and optionally contract_months and insured_months. UTF-8 (with or
 * without a byte-order mark) or GBK, comma-separated.
 */
public final class HireList {
    /** Rows searched for the header, as for firm lists. */
    public static final int HEADER_SEARCH = 20;
    static final String[] COLUMNS = {"entity_id", "id_number", "category", "hire_date", "contract_months",
        "insured_months"};
    private static final int REQUIRED = 4;
    private static final int MAX_MONTHS = 1200;

    private final String file;
    private String sha256;
    private String encoding;
    private long headerLine;
    private long emptyRows;
    private int n;
    long[] person = new long[1024];
    long[] firmHigh = new long[1024];
    long[] firmLow = new long[1024];
    int[] date = new int[1024];
    byte[] category = new byte[1024];
    short[] contract = new short[1024];
    short[] insured = new short[1024];
    int[] line = new int[1024];
    private final List<Rejection> rejected = new ArrayList<>();

    private HireList(String file) {
        this.file = file;
    }

    /** A list of no hires (what the covered programs are asked of without one). */
    static HireList empty() {
        HireList l = new HireList("");
        l.sha256 = "";
        l.encoding = "";
        return l;
    }

    /** The file's name as the run shows it. */
    public String file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }

    /** The encoding the file was read in: UTF-8 or GBK. */
    public String encoding() {
        return encoding;
    }

    /** Hires read (valid rows). */
    public int size() {
        return n;
    }

    /** Data rows read: the valid ones and the rejected ones (empty rows aside). */
    public long rowsRead() {
        return n + rejected.size();
    }

    public List<Rejection> rejected() {
        return rejected;
    }

    public long emptyRows() {
        return emptyRows;
    }

    public long headerLine() {
        return headerLine;
    }

    public long person(int i) {
        return person[i];
    }

    public String idNumber(int i) {
        return Keys.idNumber(person[i]);
    }

    public String firm(int i) {
        return Keys.firm(firmHigh[i], firmLow[i]);
    }

    public LocalDate hireDate(int i) {
        return LocalDate.ofEpochDay(date[i]);
    }

    public Category category(int i) {
        return Category.values()[category[i]];
    }

    /** Months of the contract, or -1 when not given. */
    public int contractMonths(int i) {
        return contract[i];
    }

    /** Months insured, or -1 when not given. */
    public int insuredMonths(int i) {
        return insured[i];
    }

    /** The line of the file the hire is on (its first line). */
    public int line(int i) {
        return line[i];
    }

    private void add(long p, String firm, int d, Category c, int contractMonths, int insuredMonths, long at) {
        if (n == person.length) {
            int m = n + (n >> 1);
            person = Arrays.copyOf(person, m);
            firmHigh = Arrays.copyOf(firmHigh, m);
            firmLow = Arrays.copyOf(firmLow, m);
            date = Arrays.copyOf(date, m);
            category = Arrays.copyOf(category, m);
            contract = Arrays.copyOf(contract, m);
            insured = Arrays.copyOf(insured, m);
            line = Arrays.copyOf(line, m);
        }
        person[n] = p;
        firmHigh[n] = Keys.firmHigh(firm);
        firmLow[n] = Keys.firmLow(firm);
        date[n] = (int) d;
        category[n] = (byte) c.ordinal();
        contract[n] = (short) contractMonths;
        insured[n] = (short) insuredMonths;
        line[n] = (int) Math.min(Integer.MAX_VALUE, at);
        n++;
    }

    /**
     * Reads a hire list.
     *
     * @param shown    the file's name as messages and outputs give it
     * @param encoding the encoding to read it in, or null to detect UTF-8 or GBK
     * @throws InputException when the file has no usable header or cannot be read as CSV
     */
    public static HireList read(Path path, String shown, Charset encoding) throws InputException, IOException {
        HireList list = new HireList(shown);
        MessageDigest digest = Sha256.digest();
        try (InputStream raw = Files.newInputStream(path);
                BufferedInputStream in = new BufferedInputStream(new DigestInputStream(raw, digest), 1 << 16)) {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 16);
            in.reset();
            Charset cs = encoding != null ? encoding : EncodingDetector.detect(head, head.length);
            if (EncodingDetector.hasBom(head, head.length) && cs == StandardCharsets.UTF_8) {
                in.skipNBytes(3);
            }
            list.encoding = cs == EncodingDetector.GBK ? "GBK" : cs.name();
            CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (Reader reader = new InputStreamReader(in, decoder);
                    CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build().parse(reader)) {
                list.readRows(parser);
                in.transferTo(java.io.OutputStream.nullOutputStream()); // the digest covers the whole file
            } catch (UncheckedIOException e) {
                // Commons CSV says a syntax error (an unclosed quote) as an IOException, through its iterator.
                throw new InputException(Msg.of("hires.unreadable", Escape.controls(shown),
                        Escape.controls(String.valueOf(e.getCause().getMessage()))));
            }
        }
        list.sha256 = Sha256.hex(digest);
        return list;
    }

    private void readRows(CSVParser parser) throws InputException {
        Iterator<CSVRecord> it = parser.iterator();
        int[] at = null; // column index of each of COLUMNS, -1 when absent
        int width = 0;
        Map<String, Category> seen = new HashMap<>();
        long before = 0; // lines consumed before the record being read
        int rows = 0;
        while (it.hasNext()) {
            CSVRecord r = it.next();
            long first = before + 1;
            before = parser.getCurrentLineNumber();
            if (at == null) {
                rows++;
                at = header(r);
                if (at == null) {
                    if (rows >= HEADER_SEARCH) {
                        throw new InputException(Msg.of("hires.no_header", Escape.controls(file), HEADER_SEARCH));
                    }
                    continue;
                }
                headerLine = first;
                width = r.size();
                List<String> missing = new ArrayList<>();
                for (int c = 0; c < REQUIRED; c++) {
                    if (at[c] < 0) {
                        missing.add(COLUMNS[c]);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new InputException(Msg.of("hires.missing_columns", Escape.controls(file), first,
                            String.join(", ", missing)));
                }
                continue;
            }
            row(r, first, at, width);
        }
        if (at == null) {
            throw new InputException(Msg.of("hires.no_header", Escape.controls(file), HEADER_SEARCH));
        }
    }

    /** The columns a record names, or null when it names none (a title row). */
    private int[] header(CSVRecord r) throws InputException {
        int[] at = new int[COLUMNS.length];
        Arrays.fill(at, -1);
        boolean any = false;
        for (int i = 0; i < r.size(); i++) {
            String cell = r.get(i);
            if (i == 0 && !cell.isEmpty() && cell.charAt(0) == '\uFEFF') {
                cell = cell.substring(1);
            }
            int c = Headers.column(cell);
            if (c < 0) {
                continue;
            }
            if (at[c] >= 0) {
                throw new InputException(Msg.of("hires.column_twice", Escape.controls(file), COLUMNS[c],
                        r.getParser() == null ? 0 : r.getRecordNumber()));
            }
            at[c] = i;
            any = true;
        }
        return any ? at : null;
    }

    private void row(CSVRecord r, long first, int[] at, int width) {
        boolean empty = true;
        for (int i = 0; i < r.size() && empty; i++) {
            empty = r.get(i).isBlank();
        }
        if (empty) {
            emptyRows++;
            return;
        }
        List<Text> why = new ArrayList<>(2);
        List<String> codes = new ArrayList<>(2);
        String firmCell = r.size() > at[0] ? r.get(at[0]).strip().toUpperCase(java.util.Locale.ROOT) : "";
        if (r.size() != width) {
            why.add(Msg.of("hires.cells", r.size(), width));
            codes.add(RejectionCode.CELLS_COUNT_MISMATCH.code());
            reject(r, first, firmCell, why, codes);
            return;
        }
        // entity_id
        if (firmCell.isEmpty()) {
            missing(why, codes, 0);
        } else {
            Msg bad = CreditCode.why(firmCell);
            if (bad != null) {
                why.add(Msg.of("hires.bad_entity_id", Escape.controls(firmCell), bad));
                codes.add(RejectionCode.BAD_CREDIT_CODE.code());
            }
        }
        // id_number
        String id = ResidentId.normalize(r.get(at[1]));
        if (id.isEmpty()) {
            missing(why, codes, 1);
        } else {
            Msg bad = ResidentId.why(id);
            if (bad != null) {
                why.add(Msg.of("hires.bad_id_number", Escape.controls(ResidentId.mask(id)), bad));
                codes.add(RejectionCode.BAD_ID_NUMBER.code());
            }
        }
        // category
        String catCell = r.get(at[2]).strip();
        Category cat = null;
        if (catCell.isEmpty()) {
            missing(why, codes, 2);
        } else {
            cat = Category.of(catCell);
            if (cat == null) {
                why.add(Msg.of("hires.bad_category", Escape.controls(catCell)));
                codes.add(RejectionCode.UNKNOWN_CODE.code());
            }
        }
        // hire_date
        String dateCell = r.get(at[3]).strip();
        LocalDate d = null;
        if (dateCell.isEmpty()) {
            missing(why, codes, 3);
        } else {
            try {
                d = Dates.parse(dateCell);
            } catch (IllegalArgumentException e) {
                why.add(Msg.of("hires.bad_date", Escape.controls(dateCell), Msg.of("input.cell.not_date")));
                codes.add(RejectionCode.BAD_DATE.code());
            }
        }
        int contractMonths = months(r, at[4], 4, why, codes);
        int insuredMonths = months(r, at[5], 5, why, codes);
        if (!why.isEmpty()) {
            reject(r, first, firmCell, why, codes);
            return;
        }
        add(Keys.person(id), firmCell, (int) d.toEpochDay(), cat, contractMonths, insuredMonths, first);
    }

    private static void missing(List<Text> why, List<String> codes, int column) {
        why.add(Msg.of("hires.missing", COLUMNS[column]));
        codes.add(RejectionCode.MISSING_VALUE.code());
    }

    private static int months(CSVRecord r, int at, int column, List<Text> why, List<String> codes) {
        if (at < 0) {
            return -1;
        }
        String cell = r.get(at).strip();
        if (cell.isEmpty()) {
            return -1;
        }
        int v = 0;
        boolean ok = cell.length() <= 4;
        for (int i = 0; i < cell.length() && ok; i++) {
            char c = cell.charAt(i);
            ok = c >= '0' && c <= '9';
            v = v * 10 + (c - '0');
        }
        if (!ok || v > MAX_MONTHS) {
            why.add(Msg.of("hires.bad_months", COLUMNS[column], Escape.controls(cell)));
            codes.add(RejectionCode.NOT_A_NUMBER.code());
            return -1;
        }
        return v;
    }

    private void reject(CSVRecord r, long first, String firmCell, List<Text> why, List<String> codes) {
        List<String> cells = new ArrayList<>(r.size());
        r.forEach(cells::add);
        rejected.add(Rejection.of(file, first, firmCell, cells, why, codes));
    }

    /** Says an I/O failure of the hire list as the other inputs' are said. */
    public static String problem(IOException e, Texts texts) {
        return IoProblem.describe(e, texts);
    }
}
