package subsidy.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import subsidy.text.Msg;
import subsidy.text.Texts;

/**
 * An .xlsx workbook opened for one of its sheets: the zip read with {@link ZipFile} (its entries in any
 * order), the sheets' names and parts from xl/workbook.xml and its relationships, which cell styles show
 * a date (xl/styles.xml), and the shared strings ({@link XlsxStrings}). Office Open XML, ECMA-376 part 1,
 * §18.2 (workbook), §18.3 (sheet), §18.4 (shared strings), §18.8 (styles).
 */
final class XlsxBook implements AutoCloseable {
    private static final XMLInputFactory FACTORY = factory();
    private static final String DEFAULT_WORKBOOK = "xl/workbook.xml";

    private final ZipFile zip;
    private final String sheetName;
    private final ZipEntry sheet;
    private final boolean date1904;
    private final boolean[] dateStyles;
    private final XlsxStrings strings;

    private XlsxBook(ZipFile zip, String sheetName, ZipEntry sheet, boolean date1904, boolean[] dateStyles,
            XlsxStrings strings) {
        this.zip = zip;
        this.sheetName = sheetName;
        this.sheet = sheet;
        this.date1904 = date1904;
        this.dateStyles = dateStyles;
        this.strings = strings;
    }

    /**
     * Opens {@code file} for the sheet named {@code wanted}, or its first sheet when null.
     *
     * @param shown the file as messages name it
     */
    static XlsxBook open(Path file, String shown, String wanted, Texts texts) throws InputException, IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InputException(Msg.of("workbook.not_a_workbook", shown, e.getMessage()));
        }
        try {
            String workbookPart = officeDocument(zip);
            ZipEntry workbook = entry(zip, workbookPart);
            if (workbook == null) {
                throw new InputException(Msg.of("workbook.not_a_workbook", shown,
                        "no " + workbookPart));
            }
            String dir = workbookPart.contains("/") ? workbookPart.substring(0, workbookPart.lastIndexOf('/') + 1) : "";
            Map<String, String> rels = relationships(zip, dir + "_rels/" + workbookPart.substring(dir.length()) + ".rels",
                    dir);
            List<String[]> sheets = new ArrayList<>(); // name, relationship id
            boolean date1904 = false;
            try (InputStream in = zip.getInputStream(workbook)) {
                XMLStreamReader xml = xml(in);
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String n = xml.getLocalName();
                    if (n.equals("workbookPr")) {
                        String v = attribute(xml, "date1904");
                        date1904 = "1".equals(v) || "true".equals(v);
                    } else if (n.equals("sheet")) {
                        sheets.add(new String[] {attribute(xml, "name"), attribute(xml, "id")});
                    }
                }
            } catch (XMLStreamException e) {
                throw broken(workbookPart, e);
            }
            if (sheets.isEmpty()) {
                throw new InputException(Msg.of("workbook.no_sheets", shown));
            }
            String[] chosen = null;
            if (wanted == null) {
                chosen = sheets.get(0);
            } else {
                for (String[] s : sheets) {
                    if (wanted.equals(s[0])) {
                        chosen = s;
                    }
                }
                if (chosen == null) { // Excel's own names compare without case
                    for (String[] s : sheets) {
                        if (s[0] != null && wanted.equalsIgnoreCase(s[0])) {
                            chosen = s;
                        }
                    }
                }
            }
            if (chosen == null) {
                List<String> names = new ArrayList<>();
                sheets.forEach(s -> names.add("\"" + s[0] + "\""));
                throw new InputException(Msg.of("workbook.no_sheet", shown, wanted, String.join(", ", names)));
            }
            String target = rels.get(chosen[1]);
            ZipEntry sheetEntry = target == null ? null : entry(zip, target);
            if (sheetEntry == null) {
                throw new InputException(Msg.of("workbook.not_a_workbook", shown,
                        "sheet \"" + chosen[0] + "\" has no part"));
            }
            boolean[] dates = dateStyles(zip, rels);
            String sharedPart = null;
            for (Map.Entry<String, String> r : rels.entrySet()) {
                if (r.getKey().startsWith("type:") && r.getKey().endsWith("/sharedStrings")) {
                    sharedPart = r.getValue();
                }
            }
            ZipEntry shared = sharedPart == null ? entry(zip, dir + "sharedStrings.xml") : entry(zip, sharedPart);
            XlsxStrings strings = new XlsxStrings(shared == null ? null : zip.getInputStream(shared));
            return new XlsxBook(zip, chosen[0], sheetEntry, date1904, dates, strings);
        } catch (InputException | IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    String sheetName() {
        return sheetName;
    }

    boolean date1904() {
        return date1904;
    }

    /** Whether cells of style {@code s} (an index into cellXfs) show a date. */
    boolean isDate(int s) {
        return s >= 0 && s < dateStyles.length && dateStyles[s];
    }

    XlsxStrings strings() {
        return strings;
    }

    InputStream sheet() throws IOException {
        return zip.getInputStream(sheet);
    }

    /** The workbook part, from the package's relationships (_rels/.rels); xl/workbook.xml when none says. */
    private static String officeDocument(ZipFile zip) throws IOException {
        Map<String, String> rels = relationships(zip, "_rels/.rels", "");
        for (Map.Entry<String, String> r : rels.entrySet()) {
            if (r.getKey().startsWith("type:") && r.getKey().endsWith("/officeDocument")) {
                return r.getValue();
            }
        }
        return DEFAULT_WORKBOOK;
    }

    /**
     * A relationships part: id → target part (resolved against {@code dir}), and "type:" + type → target,
     * for finding a part by what it is.
     */
    private static Map<String, String> relationships(ZipFile zip, String part, String dir) throws IOException {
        Map<String, String> rels = new HashMap<>();
        ZipEntry e = entry(zip, part);
        if (e == null) {
            return rels;
        }
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader xml = xml(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                    String target = attribute(xml, "Target");
                    if (target == null || "External".equals(attribute(xml, "TargetMode"))) {
                        continue;
                    }
                    String resolved = resolve(dir, target);
                    rels.put(attribute(xml, "Id"), resolved);
                    String type = attribute(xml, "Type");
                    if (type != null) {
                        rels.put("type:" + type, resolved);
                    }
                }
            }
        } catch (XMLStreamException ex) {
            throw broken(part, ex);
        }
        return rels;
    }

    private static String resolve(String dir, String target) {
        String path = target.startsWith("/") ? target.substring(1) : dir + target;
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    /** The entry named {@code name}, compared without case when no entry has exactly that name. */
    private static ZipEntry entry(ZipFile zip, String name) {
        ZipEntry e = zip.getEntry(name);
        if (e != null) {
            return e;
        }
        var all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry x = all.nextElement();
            if (x.getName().equalsIgnoreCase(name)) {
                return x;
            }
        }
        return null;
    }

    /** Per cell style (cellXfs), whether its number format shows a date or time. */
    private static boolean[] dateStyles(ZipFile zip, Map<String, String> rels) throws IOException {
        String part = null;
        for (Map.Entry<String, String> r : rels.entrySet()) {
            if (r.getKey().startsWith("type:") && r.getKey().endsWith("/styles")) {
                part = r.getValue();
            }
        }
        ZipEntry e = entry(zip, part == null ? "xl/styles.xml" : part);
        if (e == null) {
            return new boolean[0];
        }
        Map<Integer, String> formats = new HashMap<>();
        List<Boolean> dates = new ArrayList<>();
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader xml = xml(in);
            boolean inCellXfs = false;
            while (xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = xml.getLocalName();
                    if (n.equals("numFmt")) {
                        try {
                            formats.put(Integer.parseInt(attribute(xml, "numFmtId")), attribute(xml, "formatCode"));
                        } catch (NumberFormatException ignored) {
                            // a format no cell can name
                        }
                    } else if (n.equals("cellXfs")) {
                        inCellXfs = true;
                    } else if (n.equals("xf") && inCellXfs) {
                        String id = attribute(xml, "numFmtId");
                        int fmt;
                        try {
                            fmt = id == null ? 0 : Integer.parseInt(id);
                        } catch (NumberFormatException ex) {
                            fmt = 0;
                        }
                        dates.add(isDateFormat(fmt, formats.get(fmt)));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
        } catch (XMLStreamException ex) {
            throw broken(e.getName(), ex);
        }
        boolean[] out = new boolean[dates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dates.get(i);
        }
        return out;
    }

    /**
     * Whether a number format shows a date: the built-in ones of ECMA-376 §18.8.30 (14–22, 45–47) and of
     * the East Asian versions (27–36, 50–58: 2022年4月15日 and the like), and a custom format with a
     * year, month, day, hour or second code outside its quoted text, [brackets] and escaped characters.
     */
    static boolean isDateFormat(int id, String code) {
        if (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58) {
            return code == null || isDateCode(code);
        }
        return code != null && isDateCode(code);
    }

    private static boolean isDateCode(String code) {
        String c = code;
        int semicolon = c.indexOf(';'); // the positive numbers' section says what the cell is
        boolean quoted = false;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (quoted) {
                quoted = ch != '"';
                continue;
            }
            if (semicolon >= 0 && i >= semicolon) {
                break;
            }
            switch (ch) {
                case '"' -> quoted = true;
                case '\\', '_', '*' -> i++;
                case '[' -> {
                    int end = c.indexOf(']', i);
                    String inside = end < 0 ? "" : c.substring(i + 1, end).toLowerCase(Locale.ROOT);
                    if (inside.matches("h+|m+|s+")) {
                        return true; // elapsed time
                    }
                    i = end < 0 ? c.length() : end;
                }
                default -> {
                    char l = Character.toLowerCase(ch);
                    if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's') {
                        return !c.regionMatches(true, i, "general", 0, 7);
                    }
                }
            }
        }
        return false;
    }

    static XMLStreamReader xml(InputStream in) throws IOException {
        try {
            return FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** An attribute by its local name, whatever its namespace (r:id is "id"). */
    static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(name)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    static IOException broken(String part, XMLStreamException e) {
        return new IOException("the workbook's " + part + " is not well-formed XML: " + e.getMessage(), e);
    }

    /**
     * Office's escapes in text: {@code _x000D_} is a carriage return, {@code _x005F_} an underscore
     * (ECMA-376 §22.9.2.19, ST_Xstring).
     */
    static String unescape(CharSequence s) {
        String t = s.toString();
        int at = t.indexOf("_x");
        if (at < 0) {
            return t;
        }
        StringBuilder b = new StringBuilder(t.length());
        int from = 0;
        while (at >= 0) {
            if (at + 7 <= t.length() && t.charAt(at + 6) == '_' && hex(t, at + 2, at + 6)) {
                b.append(t, from, at).append((char) Integer.parseInt(t.substring(at + 2, at + 6), 16));
                from = at + 7;
                at = t.indexOf("_x", from);
            } else {
                at = t.indexOf("_x", at + 1);
            }
        }
        return b.append(t, from, t.length()).toString();
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    @Override
    public void close() throws IOException {
        try {
            strings.close();
        } finally {
            zip.close();
        }
    }
}
