package subsidy.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes appended to a temporary file and read back at any position, so that what a workbook holds
 * whole (its shared strings) is on disk, not on the heap. The bytes are gathered in a block of
 * {@link #BLOCK} bytes; a full block is written to the file and mapped for reading, so a read costs
 * no system call. The file is deleted when closed (or when the process ends).
 */
final class XlsxSpill implements AutoCloseable {
    static final int BLOCK = 1 << 22;
    private final FileChannel channel;
    private final List<MappedByteBuffer> mapped = new ArrayList<>();
    private final byte[] current = new byte[BLOCK];
    private int used;
    /** Bytes before {@link #current}: the ones in the file. */
    private long flushed;

    XlsxSpill(String name) throws IOException {
        Path file = Files.createTempFile("subsidy-" + name, ".spill");
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Where the next byte appended goes. */
    long size() {
        return flushed + used;
    }

    void append(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, BLOCK - used);
            System.arraycopy(b, off, current, used, n);
            used += n;
            off += n;
            len -= n;
            if (used == BLOCK) {
                flush();
            }
        }
    }

    void appendLong(long v) throws IOException {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        append(b, 0, 8);
    }

    private void flush() throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(current, 0, used);
        long at = flushed;
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
        mapped.add(channel.map(FileChannel.MapMode.READ_ONLY, flushed, BLOCK));
        flushed += BLOCK;
        used = 0;
    }

    /** Copies {@code len} bytes from {@code pos} into {@code to} at {@code off}. */
    void read(long pos, byte[] to, int off, int len) {
        while (len > 0) {
            int n;
            if (pos >= flushed) {
                n = len;
                System.arraycopy(current, (int) (pos - flushed), to, off, n);
            } else {
                int block = (int) (pos / BLOCK);
                int in = (int) (pos % BLOCK);
                n = Math.min(len, BLOCK - in);
                mapped.get(block).get(in, to, off, n);
            }
            pos += n;
            off += n;
            len -= n;
        }
    }

    long readLong(long pos) {
        byte[] b = new byte[8];
        read(pos, b, 0, 8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[i] & 0xFF);
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        mapped.clear();
        channel.close();
    }
}
