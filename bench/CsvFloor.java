import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The floor for calc: read the CSV the way the product does (Commons CSV, CSVFormat.RFC4180, UTF-8
 * through a buffered reader) and touch every field, nothing else.
 *
 * <pre>java -cp target/subsidy.jar bench/CsvFloor.java FILE</pre>
 *
 * Prints "records=N fields=F chars=C" (header included in neither count).
 */
public final class CsvFloor {
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp target/subsidy.jar bench/CsvFloor.java FILE");
            System.exit(2);
        }
        long records = 0;
        long fields = 0;
        long chars = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(Path.of(args[0])), StandardCharsets.UTF_8), 1 << 16);
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build().parse(in)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    header = false;
                    continue;
                }
                records++;
                for (int i = 0, n = record.size(); i < n; i++) {
                    chars += record.get(i).length();
                }
                fields += record.size();
            }
        }
        System.out.println("records=" + records + " fields=" + fields + " chars=" + chars);
    }
}
