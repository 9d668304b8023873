package subsidy.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A workbook's shared-strings table (xl/sharedStrings.xml), kept on disk: Excel saves every text cell
 * as an index into it, so a sheet of a million distinct codes and names has two million strings in it,
 * more than a small heap holds. The table is read as far as the sheet has asked, no further (Excel
 * writes the strings in the order the cells first use them, so reading the sheet reads the table
 * along with it), each string's UTF-8 bytes appended to one {@link XlsxSpill} and its offset to another.
 */
final class XlsxStrings implements AutoCloseable {
    private final XMLStreamReader xml;
    private final InputStream in;
    private final XlsxSpill bytes;
    private final XlsxSpill offsets;
    private int count;
    private boolean done;
    private final StringBuilder text = new StringBuilder();

    /** @param in the part's XML, or null when the workbook has no shared strings */
    XlsxStrings(InputStream in) throws IOException {
        this.in = in;
        if (in == null) {
            xml = null;
            bytes = null;
            offsets = null;
            done = true;
            return;
        }
        xml = XlsxBook.xml(in);
        bytes = new XlsxSpill("strings");
        offsets = new XlsxSpill("offsets");
        offsets.appendLong(0);
    }

    /** The string at {@code index} as UTF-8 bytes. */
    byte[] get(int index) throws IOException {
        while (count <= index && !done) {
            readOne();
        }
        if (index < 0 || index >= count) {
            throw new IOException("the sheet names shared string " + index + ", but the workbook has " + count);
        }
        long from = offsets.readLong(8L * index);
        long to = offsets.readLong(8L * index + 8);
        byte[] b = new byte[(int) (to - from)];
        bytes.read(from, b, 0, b.length);
        return b;
    }

    /** Reads the next {@code <si>}: its text, or its runs' texts joined; phonetic runs ({@code <rPh>}) left out. */
    private void readOne() throws IOException {
        try {
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                    text.setLength(0);
                    readItem(xml, text);
                    byte[] b = XlsxBook.unescape(text).getBytes(StandardCharsets.UTF_8);
                    bytes.append(b, 0, b.length);
                    offsets.appendLong(bytes.size());
                    count++;
                    return;
                }
            }
            done = true;
        } catch (XMLStreamException e) {
            throw XlsxBook.broken("xl/sharedStrings.xml", e);
        }
    }

    /**
     * The text of a string item ({@code <si>} or a cell's {@code <is>}), the reader on its start tag: the
     * {@code <t>} elements' text, except those inside a phonetic run. Leaves the reader on its end tag.
     */
    static void readItem(XMLStreamReader xml, StringBuilder out) throws XMLStreamException {
        int depth = 1;
        boolean inText = false;
        int phonetic = 0;
        while (depth > 0) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String n = xml.getLocalName();
                if (n.equals("rPh")) {
                    phonetic++;
                } else if (n.equals("t") && phonetic == 0) {
                    inText = true;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
                String n = xml.getLocalName();
                if (n.equals("rPh")) {
                    phonetic--;
                } else if (n.equals("t")) {
                    inText = false;
                }
            } else if (inText && (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                    || e == XMLStreamConstants.SPACE)) {
                out.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the stream below is closed next
            }
            in.close();
            bytes.close();
            offsets.close();
        }
    }
}
