package subsidy.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import subsidy.Sha256;
import subsidy.text.Texts;

/**
 * A sheet of a workbook as UTF-8 CSV, for a reader of tables other than the input's (verify reading a
 * report.xlsx): the same conversion as an input's ({@link XlsxInput}). Amounts come back as Excel keeps
 * them (4200, not 4200.00), so compare them as numbers.
 */
public final class XlsxSheets {
    private XlsxSheets() {
    }

    /** Whether the file's first bytes are a workbook's (an .xlsx, or an .xls, which {@link #csv} refuses). */
    public static boolean isWorkbook(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return XlsxInput.isWorkbook(head, head.length);
        }
    }

    /** The sheet {@code sheet} (the first when null) of the workbook {@code file} as CSV; close it when done. */
    public static InputStream csv(Path file, String sheet, Texts texts) throws InputException, IOException {
        return XlsxInput.open(Files.newInputStream(file), file, Files.isRegularFile(file), file.toString(), sheet,
                Sha256.digest(), texts);
    }
}
