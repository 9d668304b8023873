import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code java -Xmx4g bench/XlsxFromCsv.java IN.csv OUT.xlsx OUT.csv} — a CSV (as bench/Generate.java writes it)
 * as Excel saves a workbook: every text cell an index into one shared-strings table (xl/sharedStrings.xml,
 * each distinct text once, in the order the cells first use them — a million distinct codes and a million
 * distinct names for a million rows), figures as number cells, dates (2022-04-15 and 2022/3/1) as date
 * serials with a date style, true/false as boolean cells, a {@code <dimension>} giving the used range.
 * Each name gets its row's number (某某公司 #17), so that the names are distinct as the codes are; OUT.csv
 * is the same rows with those names, the CSV to compare the workbook with. Not measured: it holds the distinct strings in a map to number them.
 */
public final class XlsxFromCsv {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,13})(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Writer csvOut = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8);
        int nameColumn = -1;
        Map<String, Integer> strings = new HashMap<>(1 << 22);
        List<String> order = new ArrayList<>(1 << 21);
        int width = 0;
        long rows = 0;
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            width = parse(first).size();
            nameColumn = parse(first).indexOf("name");
        }
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.setLevel(6);
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\""
                    + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\""
                    + " ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd"
                    + ".openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1"
                    + ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd"
                    + ".openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns="
                    + "\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target="
                    + "\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns="
                    + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org"
                    + "/officeDocument/2006/relationships\"><workbookPr/><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id="
                    + "\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + "worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship"
                    + " Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
                    + " Target=\"sharedStrings.xml\"/></Relationships>");
            put(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns="
                    + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"1\"><font><sz val=\"11\"/>"
                    + "<name val=\"等线\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill>"
                    + "</fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/>"
                    + "</cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" xfId=\"0\""
                    + " applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            long lines = Files.lines(in).count();
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas."
                    + "openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:" + column(width - 1) + lines
                    + "\"/><sheetData>");
            try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    line.setLength(0);
                    line.append(l);
                    while (quotes(line) % 2 == 1) { // a quoted cell with a line break
                        String more = r.readLine();
                        if (more == null) {
                            break;
                        }
                        line.append('\n').append(more);
                    }
                    rows++;
                    List<String> cells = parse(line.toString());
                    if (rows > 1) {
                        cells.set(nameColumn, cells.get(nameColumn) + " #" + (rows - 1));
                    }
                    for (int c = 0; c < cells.size(); c++) {
                        String v = cells.get(c);
                        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0;
                        csvOut.write((c > 0 ? "," : "") + (quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v));
                    }
                    csvOut.write("\n");
                    w.write("<row r=\"" + rows + "\">");
                    for (int c = 0; c < cells.size(); c++) {
                        String v = cells.get(c);
                        if (v.isEmpty()) {
                            continue;
                        }
                        String ref = column(c) + rows;
                        var d = DATE.matcher(v);
                        if (rows > 1 && c > 0 && NUMBER.matcher(v).matches() && v.length() < 15) {
                            w.write("<c r=\"" + ref + "\"><v>" + v + "</v></c>");
                        } else if (rows > 1 && d.matches()) {
                            long serial = ChronoUnit.DAYS.between(EPOCH, LocalDate.of(Integer.parseInt(d.group(1)),
                                    Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3))));
                            w.write("<c r=\"" + ref + "\" s=\"1\"><v>" + serial + "</v></c>");
                        } else if (rows > 1 && (v.equals("true") || v.equals("false"))) {
                            w.write("<c r=\"" + ref + "\" t=\"b\"><v>" + (v.equals("true") ? 1 : 0) + "</v></c>");
                        } else {
                            Integer i = strings.get(v);
                            if (i == null) {
                                i = order.size();
                                strings.put(v, i);
                                order.add(v);
                            }
                            w.write("<c r=\"" + ref + "\" t=\"s\"><v>" + i + "</v></c>");
                        }
                    }
                    w.write("</row>");
                }
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();
            strings.clear();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas."
                    + "openxmlformats.org/spreadsheetml/2006/main\" count=\"" + order.size() + "\" uniqueCount=\""
                    + order.size() + "\">");
            for (String s : order) {
                w.write("<si><t>" + s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</t></si>");
            }
            w.write("</sst>");
            w.flush();
            zip.closeEntry();
        }
 csvOut.close();
        System.out.println("rows=" + rows + " shared_strings=" + order.size() + " bytes=" + Files.size(out));
    }

    private static int quotes(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    /** One RFC 4180 record's cells. */
    private static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String column(int i) {
        StringBuilder b = new StringBuilder();
        for (int n = i + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0));
        zip.putNextEntry(e);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
