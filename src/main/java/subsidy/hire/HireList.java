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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import subsidy.Sha256;
import subsidy.entity.CreditCode;
import subsidy.entity.ResidentId;
import subsidy.input.Chunk;
import subsidy.input.ChunkReader;
import subsidy.input.CsvSyntaxException;
import subsidy.input.Dates;
import subsidy.input.RecordParser;
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

    /** The arrays cut to the hires read: the run holds them to its end. */
    private void trim() {
        person = Arrays.copyOf(person, n);
        firmHigh = Arrays.copyOf(firmHigh, n);
        firmLow = Arrays.copyOf(firmLow, n);
        date = Arrays.copyOf(date, n);
        category = Arrays.copyOf(category, n);
        contract = Arrays.copyOf(contract, n);
        insured = Arrays.copyOf(insured, n);
        line = Arrays.copyOf(line, n);
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
     * Reads a hire list: a thread of its own cuts the file into chunks of whole records (and hashes it)
     * while this one reads their cells with the product's byte-level CSV reader and checks each row.
     *
     * @param shown    the file's name as messages and outputs give it
     * @param encoding the encoding to read it in, or null to detect UTF-8 or GBK
     * @throws InputException when the file has no usable header or cannot be read as CSV
     */
    public static HireList read(Path path, String shown, Charset encoding) throws InputException, IOException {
        HireList list = new HireList(shown);
        MessageDigest digest = Sha256.digest();
        try (InputStream in = Files.newInputStream(path); ChunkReader chunks = new ChunkReader(in, encoding, digest)) {
            Charset cs = chunks.charset();
            list.encoding = cs == EncodingDetector.GBK ? "GBK" : cs.name();
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
            Thread t = new Thread(() -> cut(chunks, queue), "subsidy-hires-reader");
            t.setDaemon(true);
            t.start();
            try {
                list.readRows(queue, new RecordParser(cs));
            } finally {
                t.interrupt();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        list.sha256 = Sha256.hex(digest);
        list.trim();
        return list;
    }

    private static final Object END = new Object();

    /** The chunk-cutting thread: chunks, then END, or the failure that stopped it. */
    private static void cut(ChunkReader chunks, BlockingQueue<Object> queue) {
        try {
            try {
                for (Chunk c = chunks.next(); c != null; c = chunks.next()) {
                    queue.put(c);
                }
                queue.put(END);
            } catch (IOException | CsvSyntaxException | RuntimeException e) {
                queue.put(e);
            }
        } catch (InterruptedException stopped) {
            // the reading thread gave up
        }
    }

    private void readRows(BlockingQueue<Object> queue, RecordParser p) throws InputException, IOException {
        int[] at = null; // column index of each of COLUMNS, -1 when absent
        int width = 0;
        int rows = 0;
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the hire list", e);
            }
            if (next == END) {
                break;
            }
            if (next instanceof CsvSyntaxException e) {
                throw new InputException(Msg.of("hires.unreadable", Escape.controls(file), e.text()));
            }
            if (next instanceof IOException e) {
                throw e;
            }
            if (next instanceof RuntimeException e) {
                throw e;
            }
            p.reset((Chunk) next);
            while (p.next()) {
                if (p.blank()) {
                    continue; // a blank line
                }
                String[] cells = p.cells();
                if (at == null) {
                    rows++;
                    at = header(cells, p.line());
                    if (at == null) {
                        if (rows >= HEADER_SEARCH) {
                            throw new InputException(Msg.of("hires.no_header", Escape.controls(file), HEADER_SEARCH));
                        }
                        continue;
                    }
                    headerLine = p.line();
                    width = cells.length;
                    List<String> missing = new ArrayList<>();
                    for (int c = 0; c < REQUIRED; c++) {
                        if (at[c] < 0) {
                            missing.add(COLUMNS[c]);
                        }
                    }
                    if (!missing.isEmpty()) {
                        throw new InputException(Msg.of("hires.missing_columns", Escape.controls(file), p.line(),
                                String.join(", ", missing)));
                    }
                    continue;
                }
                if (p.emptyCells()) {
                    emptyRows++;
                    continue;
                }
                row(cells, p.line(), at, width, p.problemText());
            }
        }
        if (at == null) {
            throw new InputException(Msg.of("hires.no_header", Escape.controls(file), HEADER_SEARCH));
        }
    }

    /** The columns a record names, or null when it names none (a title row). */
    private int[] header(String[] r, long line) throws InputException {
        int[] at = new int[COLUMNS.length];
        Arrays.fill(at, -1);
        boolean any = false;
        for (int i = 0; i < r.length; i++) {
            String cell = r[i];
            if (i == 0 && !cell.isEmpty() && cell.charAt(0) == '\uFEFF') {
                cell = cell.substring(1);
            }
            int c = Headers.column(cell);
            if (c < 0) {
                continue;
            }
            if (at[c] >= 0) {
                throw new InputException(Msg.of("hires.column_twice", Escape.controls(file), COLUMNS[c],
                        line));
            }
            at[c] = i;
            any = true;
        }
        return any ? at : null;
    }

    private void row(String[] r, long first, int[] at, int width, Msg quoting) {
        List<Text> why = new ArrayList<>(2);
        List<String> codes = new ArrayList<>(2);
        String firmCell = r.length > at[0] ? r[at[0]].strip().toUpperCase(java.util.Locale.ROOT) : "";
        if (quoting != null) {
            why.add(quoting);
            codes.add(RejectionCode.TEXT_AFTER_QUOTE.code());
        }
        if (r.length != width) {
            why.add(Msg.of("hires.cells", r.length, width));
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
                why.add(Msg.of("hires.bad_entity_id", quotedFirm(firmCell), bad));
                codes.add(RejectionCode.BAD_CREDIT_CODE.code());
            }
        }
        // id_number
        String id = ResidentId.normalize(r[at[1]]);
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
        String catCell = r[at[2]].strip();
        Category cat = null;
        if (catCell.isEmpty()) {
            missing(why, codes, 2);
        } else {
            cat = Category.ofCode(catCell);
            cat = cat != null ? cat : Category.of(catCell);
            if (cat == null) {
                why.add(Msg.of("hires.bad_category", quoted(catCell)));
                codes.add(RejectionCode.UNKNOWN_CODE.code());
            }
        }
        // hire_date
        String dateCell = r[at[3]].strip();
        LocalDate d = null;
        if (dateCell.isEmpty()) {
            missing(why, codes, 3);
        } else {
            try {
                d = isoDate(dateCell);
                d = d != null ? d : Dates.parse(dateCell);
            } catch (IllegalArgumentException e) {
                why.add(Msg.of("hires.bad_date", quoted(dateCell), Msg.of("input.cell.not_date")));
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

    /** A date written 2022-03-01, read without the forms' patterns (most cells); null for any other form. */
    private static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 28) {
            return null; // the 29th to the 31st: the full check says whether the month has it
        }
        return LocalDate.of(y, m, d);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static void missing(List<Text> why, List<String> codes, int column) {
        why.add(Msg.of("hires.missing", COLUMNS[column]));
        codes.add(RejectionCode.MISSING_VALUE.code());
    }

    private static int months(String[] r, int at, int column, List<Text> why, List<String> codes) {
        if (at < 0) {
            return -1;
        }
        String cell = r[at].strip();
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
            why.add(Msg.of("hires.bad_months", COLUMNS[column], quoted(cell)));
            codes.add(RejectionCode.NOT_A_NUMBER.code());
            return -1;
        }
        return v;
    }

    private void reject(String[] r, long first, String firmCell, List<Text> why, List<String> codes) {
        rejected.add(Rejection.of(file, first, firmCell, List.of(r), why, codes));
    }

    /** Says an I/O failure of the hire list as the other inputs' are said. */
    public static String problem(IOException e, Texts texts) {
        return IoProblem.describe(e, texts);
    }

    /**
     * The firm's cell as a reason quotes it ({@link Escape#quoted}): as written (a credit code may start with
     * 17 digits, which the clerk must see to correct), unless it is a valid identity number (the columns
     * swapped): masked.
     */
    private static String quotedFirm(String cell) {
        return Escape.quoted(ResidentId.valid(ResidentId.normalize(cell)) ? ResidentId.mask(cell) : cell);
    }

    /** A cell as a reason quotes it ({@link Escape#quoted}), a run of digits that may be an identity number masked. */
    private static String quoted(String cell) {
        return Escape.quoted(ResidentId.maskRuns(cell));
    }
}
