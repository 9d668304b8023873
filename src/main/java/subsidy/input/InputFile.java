package subsidy.input;

import subsidy.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import subsidy.entity.Entity;
import subsidy.entity.InputSchema;

/**
 * Streams one entity CSV (SPEC §2): detects its encoding, hashes its bytes for the manifest,
 * reads its header and hands every data row to a {@link RowSink}. Only one row is held at a time.
 */
public final class InputFile {
    private static final int SNIFF = 64 * 1024;
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false) // blank lines are skipped here, so line numbers stay exact
            .build();

    private final Path path;
    private final Charset forced;
    private final InputSchema schema;
    private Header header;

    /** @param forced the encoding to use, or null to detect UTF-8 or GBK */
    public InputFile(Path path, Charset forced) {
        this(path, forced, InputSchema.DEFAULT);
    }

    /** @param schema the columns the policy reads beyond SPEC §2 */
    public InputFile(Path path, Charset forced, InputSchema schema) {
        this.path = path;
        this.forced = forced;
        this.schema = schema;
    }

    public Path path() {
        return path;
    }

    /** Reads just the header, so every input can be checked before any output is written. */
    public Header header() throws InputException {
        if (header != null) {
            return header; // callers check it up front and read it again for their tables
        }
        try (Opened opened = open(Sha256.digest())) {
            header = readHeader(opened.parser().iterator());
            return header;
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    public InputStats read(SeenIds seen, RowSink sink) throws InputException, IOException {
        MessageDigest digest = Sha256.digest();
        String file = path.toString();
        long read = 0;
        long accepted = 0;
        Header fileHeader;
        String encoding;
        try (Opened opened = open(digest)) {
            CSVParser parser = opened.parser();
            encoding = opened.encoding();
            Iterator<CSVRecord> rows = parser.iterator();
            fileHeader = readHeader(rows);
            header = fileHeader;
            RowParser rowParser = new RowParser(fileHeader);
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                if (!hasNext(rows)) {
                    break;
                }
                CSVRecord record = rows.next();
                if (isBlank(record)) {
                    continue;
                }
                read++;
                Entity entity = rowParser.parse(record);
                List<String> reasons = rowParser.reasons();
                String id = rowParser.id();
                if (id != null && !seen.add(id)) {
                    reasons.add("entity_id " + id + " appears on an earlier row; only the first is computed");
                    entity = null;
                }
                if (entity != null) {
                    String refused = sink.accepted(entity, file, line);
                    if (refused == null) {
                        accepted++;
                        continue;
                    }
                    reasons.add(refused);
                }
                sink.rejected(new Rejection(file, line, rowParser.rawId(), record.toList(), reasons));
            }
            // The digest must cover every byte, even any the parser did not need.
            opened.bytes().transferTo(OutputStream.nullOutputStream());
        }
        return new InputStats(file, Sha256.hex(digest), encoding, read, accepted,
                read - accepted, fileHeader);
    }

    /** An open file: the parser, the byte stream under it (for the digest) and the encoding used. */
    private record Opened(CSVParser parser, InputStream bytes, String encoding) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private Opened open(MessageDigest digest) throws InputException, IOException {
        if (Files.isDirectory(path)) {
            throw new InputException(path + ": is a directory, not a CSV file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new InputException(path + ": no such file");
        } catch (IOException e) {
            throw unreadable(e);
        }
        BufferedInputStream buffered = new BufferedInputStream(new DigestInputStream(in, digest), SNIFF * 2);
        buffered.mark(SNIFF);
        byte[] head = buffered.readNBytes(SNIFF);
        buffered.reset();
        Charset charset = forced != null ? forced : EncodingDetector.detect(head, head.length);
        if (EncodingDetector.hasBom(head, head.length) && charset.name().equals("UTF-8")) {
            buffered.skipNBytes(3);
        }
        // Undecodable bytes become U+FFFD and reject their row instead of stopping the batch.
        Reader reader = new InputStreamReader(buffered, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        return new Opened(CSVParser.parse(reader, FORMAT), buffered, charset.name());
    }

    private Header readHeader(Iterator<CSVRecord> rows) throws InputException {
        CSVRecord first = null;
        while (hasNext(rows)) {
            first = rows.next();
            if (!isBlank(first)) {
                break;
            }
            first = null;
        }
        if (first == null) {
            throw new InputException(path + ": the file is empty; a header row is needed");
        }
        List<String> problems = new ArrayList<>();
        Header header = Header.read(first.toList(), schema, problems);
        if (!problems.isEmpty()) {
            throw new InputException(path + ": line " + first.getRecordNumber() + " (header): "
                    + String.join("; ", problems));
        }
        return header;
    }

    /** Parsing errors (an unclosed quote, say) come out of the iterator unchecked; name the place. */
    private boolean hasNext(Iterator<CSVRecord> rows) throws InputException {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InputException(path + ": cannot be read as CSV: " + cause.getMessage());
        }
    }

    private static boolean isBlank(CSVRecord r) {
        return r.size() == 1 && r.get(0).isEmpty();
    }

    private InputException unreadable(Exception e) {
        return new InputException(path + ": cannot be read: " + e.getMessage());
    }

}
