package subsidy.input;

import subsidy.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import subsidy.entity.Entity;
import subsidy.entity.InputSchema;
import subsidy.text.Msg;
import subsidy.text.Text;

/**
 * One entity CSV (SPEC §2): its encoding, its header, and its data rows. The rows can be read in
 * order by one thread ({@link #read}), or as chunks that several threads parse at once
 * ({@link #open}, {@link Reading#rows}). Either way only a chunk of the file is in memory at a time.
 */
public final class InputFile {
    /** How many records a header may be below the first: title rows and notes clerks put above it. */
    static final int HEADER_SEARCH = 20;
    private final Path path;
    private final Charset forced;
    private final Byte delimiter;
    private final InputSchema schema;
    /** The file's bytes when it is held in memory (a test case's rows), else null. */
    private final byte[] content;
    private Header header;
    /** A pipe's reading, opened for its header and not yet handed out. */
    private Reading kept;
    /** The sheet to read when the file is a workbook (--sheet); null for its first. */
    private String sheet;
    /** Standard input, for {@code --input -}, until it is opened (it is read once); else null. */
    private InputStream standardInput;
    /** Whether this input is standard input ({@link #STANDARD_INPUT}), whose name is no file's. */
    private boolean isStandardInput;

    /** The name standard input has on the command line ({@code --input -}), in messages and in the manifest. */
    public static final String STANDARD_INPUT = "-";

    /** @param forced the encoding to use, or null to detect UTF-8 or GBK */
    public InputFile(Path path, Charset forced) {
        this(path, forced, InputSchema.DEFAULT);
    }

    /** @param schema the columns the policy reads beyond SPEC §2 */
    public InputFile(Path path, Charset forced, InputSchema schema) {
        this(path, forced, schema, (Byte) null);
    }

    /** @param delimiter the byte between cells (--delimiter), or null to find it in the first lines */
    public InputFile(Path path, Charset forced, InputSchema schema, Byte delimiter) {
        this(path, forced, schema, null, delimiter);
    }

    private InputFile(Path path, Charset forced, InputSchema schema, byte[] content, Byte delimiter) {
        this.path = path;
        this.forced = forced;
        this.schema = schema;
        this.content = content;
        this.delimiter = delimiter;
    }

    /**
     * Rows held in memory, read exactly as a file of those bytes would be ({@code subsidy test} builds one
     * CSV per case); {@code name} stands for the file in every message.
     */
    public static InputFile inMemory(Path name, byte[] content, InputSchema schema) {
        return new InputFile(name, null, schema, content.clone(), null);
    }

    /**
     * Standard input ({@code --input -}), read once as a pipe is; named {@value #STANDARD_INPUT} in every
     * message, in rejected.csv and in the manifest, which records the SHA-256 of the bytes read.
     */
    public static InputFile standardInput(InputStream in, Charset forced, InputSchema schema, Byte delimiter) {
        InputFile f = new InputFile(Path.of(STANDARD_INPUT), forced, schema, null, delimiter);
        f.standardInput = in;
        f.isStandardInput = true;
        return f;
    }

    /** Whether this is standard input rather than a file. */
    public boolean isStandardInput() {
        return isStandardInput;
    }

    /** Reads the sheet {@code name} when the file is a workbook (--sheet); null for its first sheet. */
    public InputFile sheet(String name) {
        this.sheet = name;
        return this;
    }

    public Path path() {
        return path;
    }

    /** The size of the file in bytes, for progress; 0 when it cannot be told. */
    public long size() {
        if (content != null) {
            return content.length;
        }
        if (isStandardInput) {
            return 0;
        }
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Reads just the header, so every input can be checked before any output is written. A pipe
     * ({@code --input /dev/stdin}, {@code <(zcat …)}) can be read only once, so its reading is kept
     * open, past the header, for the next {@link #open()}; a file is opened again.
     */
    public Header header() throws InputException {
        if (header == null) {
            Reading reading = open();
            if (content != null || !isStandardInput && Files.isRegularFile(path)) {
                try {
                    reading.close();
                } catch (IOException e) {
                    throw unreadable(e);
                }
            } else {
                kept = reading;
            }
        }
        return header;
    }

    /** Reads every row in order, deciding duplicates against {@code seen}, into {@code sink}. */
    public InputStats read(SeenIds seen, RowSink sink) throws InputException, IOException {
        long read = 0;
        long accepted = 0;
        try (Reading reading = open()) {
            for (Chunk chunk = reading.next(); chunk != null; chunk = reading.next()) {
                for (ParsedRow row : reading.rows(chunk)) {
                    read++;
                    Rejection rejected = row.rejection(seen);
                    if (rejected != null) {
                        sink.rejected(rejected);
                    } else {
                        accepted++;
                        sink.accepted(row.entity(), row.file(), row.line());
                    }
                }
            }
            return reading.stats(read, accepted);
        }
    }

    /** Closes a pipe's reading kept from {@link #header()} and never handed out (a run that did not start). */
    public void discard() {
        if (kept != null) {
            try {
                kept.close();
            } catch (IOException ignored) {
                // nothing was read from it that anyone needs
            }
            kept = null;
        }
    }

    /** Opens the file for reading chunk by chunk; the header has been read when this returns. */
    public Reading open() throws InputException {
        if (kept != null) {
            Reading reading = kept;
            kept = null;
            return reading;
        }
        if (isStandardInput && standardInput == null) {
            throw new IllegalStateException("standard input is read once"); // the command line lets - be given once
        }
        if (content == null && !isStandardInput && Files.isDirectory(path)) {
            throw new InputException(Msg.of("input.file.directory", path));
        }
        InputStream in;
        try {
            in = content != null ? new java.io.ByteArrayInputStream(content) : isStandardInput ? standardInput
                    : Files.newInputStream(path);
            standardInput = null;
        } catch (NoSuchFileException e) {
            throw new InputException(Msg.of("input.file.missing", path));
        } catch (IOException e) {
            throw unreadable(e);
        }
        try {
            MessageDigest digest = Sha256.digest();
            // UTF-16 (a byte-order mark FF FE or FE FF, or --encoding UTF-16): read as UTF-8 made from it, the
            // SHA-256 still of the file's own bytes.
            java.io.PushbackInputStream head = new java.io.PushbackInputStream(in, 4);
            in = head;
            byte[] mark = new byte[4];
            int got = head.readNBytes(mark, 0, 4);
            head.unread(mark, 0, got);
            Charset utf16 = forced != null && Utf16Input.isUtf16(forced) ? forced : forced == null
                    ? Utf16Input.bomCharset(mark, got) : null;
            XlsxInput workbook = !XlsxInput.isWorkbook(mark, got) ? null : XlsxInput.open(head, path,
                    content == null && !isStandardInput && Files.isRegularFile(path), path.toString(), sheet, digest, subsidy.text.Texts.EN);
            Msg unsupported = forced == null || utf16 != null || workbook != null ? null : ChunkReader.unsupported(forced);
            if (unsupported != null) {
                throw new InputException(Msg.of("input.file.problem", path, unsupported));
            }
            Reading reading = workbook != null ? new Reading(new ChunkReader(workbook, StandardCharsets.UTF_8,
                    Sha256.digest(), ChunkReader.TARGET, (byte) ','), digest, "xlsx (" + workbook.sheetName() + ")")
                    : utf16 == null ? new Reading(new ChunkReader(in, forced, digest, ChunkReader.TARGET, delimiter), digest, null)
                    : new Reading(new ChunkReader(new Utf16Input(new java.security.DigestInputStream(in, digest), utf16),
                            StandardCharsets.UTF_8, Sha256.digest(), ChunkReader.TARGET, delimiter), digest,
                            utf16.equals(StandardCharsets.UTF_16) ? "UTF-16" : utf16.name());
            reading.readHeader();
            header = reading.header();
            return reading;
        } catch (InputException | RuntimeException e) {
            close(in);
            throw e;
        } catch (IOException e) {
            close(in);
            throw unreadable(e);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }

    /**
     * An open input past its header. {@link #next} hands out chunks in order on one thread;
     * {@link #rows} may be called on any thread, for any chunk, at the same time.
     */
    public final class Reading implements AutoCloseable {
        private final ChunkReader chunks;
        private final MessageDigest digest;
        private Header fileHeader;
        private long headerLine;
        /** Records above the header (a title row, notes) that were skipped. */
        private long aboveHeader;
        private final java.util.concurrent.atomic.AtomicLong emptyRows = new java.util.concurrent.atomic.AtomicLong();
        private Chunk pending;
        /** Each thread that parses chunks keeps its parsers, and with them what they have learned. */
        private final ThreadLocal<Parsers> parsers = ThreadLocal.withInitial(
                () -> new Parsers(new RecordParser(charset()), new RowParser(fileHeader, notText())));

        /** The encoding the file is in when the reader reads it transcoded (UTF-16), else null. */
        private final String transcoded;

        private Reading(ChunkReader chunks, MessageDigest digest, String transcoded) {
            this.chunks = chunks;
            this.digest = digest;
            this.transcoded = transcoded;
        }

        public Header header() {
            return fileHeader;
        }

        private Charset charset() {
            return chunks.charset();
        }

        /**
         * The encoding as the clerk named it, or as detected: a detected GBK file is read with
         * GB18030, which decodes it the same, but is GBK to the clerk.
         */
        private String encodingName() {
            return transcoded != null ? transcoded : forced != null ? forced.name() : charset().equals(EncodingDetector.GBK) ? "GBK" : charset().name();
        }

        /** Why a header that lacks its columns may only have been read in the wrong encoding. */
        private Optional<Text> wrongEncoding(String[] header) {
            String name = encodingName();
            if (chunks.bom() && !charset().equals(StandardCharsets.UTF_8)) {
                return Optional.of(Msg.of("input.header.bom_not_utf8", name));
            }
            for (String cell : header) {
                if (cell.indexOf('\uFFFD') >= 0) {
                    return Optional.of(Msg.of("input.header.not_text", name));
                }
            }
            return Optional.empty();
        }

        /** A GBK name below the part of the file the encoding was guessed from is the usual cause. */
        private Text notText() {
            String name = encodingName();
            if (forced != null) {
                return Msg.of("input.cell.not_text_given", name);
            }
            return Msg.of("input.cell.not_text_detected", name, name.equals("GBK") ? "UTF-8" : "GBK");
        }

        public String file() {
            return path.toString();
        }

        /** The file's size in bytes, for progress. */
        public long size() {
            return InputFile.this.size();
        }

        /**
         * The header is the first record that is not a blank line — or, when that one names no columns, the
         * first of the next records that does, within {@link #HEADER_SEARCH} records: a title row
         * (2022年5月稳岗返还申报表) or notes above the header are skipped and counted. When none is a header,
         * the first record's problems are said, as for a file whose header is wrong.
         */
        private void readHeader() throws InputException, IOException {
            RecordParser parser = new RecordParser(chunks.charset());
            List<Text> firstProblems = null;
            long firstLine = 0;
            String[] firstCells = null;
            int seen = 0;
            for (Chunk chunk = nextChunk(); chunk != null; chunk = nextChunk()) {
                parser.reset(chunk);
                while (parser.next()) {
                    if (parser.blank()) {
                        continue;
                    }
                    List<Text> problems = new ArrayList<>();
                    if (parser.problemText() != null) {
                        problems.add(parser.problemText());
                    }
                    Header h = Header.of(List.of(parser.cells()), schema, problems);
                    if (problems.isEmpty()) {
                        fileHeader = h;
                        headerLine = parser.line();
                        aboveHeader = seen;
                        pending = parser.rest(chunk);
                        return;
                    }
                    if (firstProblems == null) {
                        firstProblems = problems;
                        firstLine = parser.line();
                        firstCells = parser.cells();
                    }
                    if (++seen >= HEADER_SEARCH || !namesNoColumn(parser.cells())) {
                        throw badHeader(firstProblems, firstLine, firstCells);
                    }
                }
            }
            if (firstProblems != null) {
                throw badHeader(firstProblems, firstLine, firstCells);
            }
            throw new InputException(Msg.of("input.file.empty", path));
        }

        /** A record that names no input column at all: a title or a note, not a header gone wrong. */
        private boolean namesNoColumn(String[] cells) {
            for (String c : cells) {
                if (schema.names(c)) {
                    return false;
                }
            }
            return true;
        }

        private InputException badHeader(List<Text> problems, long line, String[] cells) {
            wrongEncoding(cells).ifPresent(problems::add);
            return new InputException(Msg.of("input.file.bad_header", path, line, InputTexts.semicolons(problems)));
        }

        /** The next chunk of data rows, or null after the last. */
        public Chunk next() throws InputException, IOException {
            if (pending != null) {
                Chunk c = pending;
                pending = null;
                return c;
            }
            return nextChunk();
        }

        private Chunk nextChunk() throws InputException, IOException {
            try {
                return chunks.next();
            } catch (CsvSyntaxException e) {
                throw new InputException(Msg.of("input.file.not_csv", path, e.text()));
            } catch (UncheckedIOException e) {
                throw unreadable(e.getCause());
            } catch (IOException e) {
                // A read that fails part way (a disk error, a pipe's writer gone) names the input and why.
                throw unreadable(e);
            }
        }

        /** The data rows of a chunk, blank lines left out. Safe to call from several threads at once. */
        public List<ParsedRow> rows(Chunk chunk) {
            Parsers p = parsers.get();
            RecordParser records = p.records();
            RowParser rows = p.rows();
            String file = file();
            List<ParsedRow> out = new ArrayList<>();
            records.reset(chunk);
            while (records.next()) {
                if (records.blank()) {
                    continue;
                }
                if (records.emptyCells()) {
                    emptyRows.incrementAndGet();
                    continue;
                }
                Entity entity = rows.parse(records);
                List<Text> reasons = rows.reasons().isEmpty() ? List.of() : List.copyOf(rows.reasons());
                List<String> codes = rows.codes().isEmpty() ? List.of() : List.copyOf(rows.codes());
                // A valid code is already trimmed and upper case: only a rejected row needs its cell redone.
                out.add(new ParsedRow(file, records.line(), records.record(chunk), charset(),
                        entity == null ? records.cells() : null, entity, reasons, codes, rows.id(),
                        entity == null ? rows.rawId() : rows.id(), schema.households(), rows.person()));
            }
            return out;
        }

        /** What reading gave, once {@link #next} has returned null (so every byte is in the digest). */
        public InputStats stats(long read, long accepted) {
            return new InputStats(file(), Sha256.hex(digest), transcoded != null ? transcoded : chunks.charset().name(),
                    read, accepted,
                    read - accepted, fileHeader, aboveHeader, headerLine, emptyRows.get(), chunks.delimiterName());
        }

        @Override
        public void close() throws IOException {
            chunks.close();
        }
    }

    private record Parsers(RecordParser records, RowParser rows) {
    }

    /** The path and why it cannot be read, in words: "permission denied", "not a directory", … */
    private InputException unreadable(IOException e) {
        return new InputException(Msg.of("input.file.unreadable", path, IoProblem.problem(e)));
    }
}
