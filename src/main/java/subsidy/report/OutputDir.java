package subsidy.report;

import subsidy.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The --out directory. Each file is written under a temporary name and renamed into place only by
 * {@link #commit()}, in the order opened (manifest.json last), so an interrupted run leaves the
 * previous report or none, never half of one. Closing without committing deletes the temporaries.
 * Files are created as any other file of the process is, so the umask, not this class, decides who
 * may read a report ({@link Files#createTempFile} would make them readable by their owner alone).
 */
public final class OutputDir implements AutoCloseable {
    /** Opens the byte stream for a temporary file; tests pass one that fails like a full disk. */
    @FunctionalInterface
    public interface Opener {
        OutputStream open(Path file) throws IOException;
    }

    public static final Opener FILES = file -> Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);

    /** Temporary names need only differ from whatever else is in the directory, not be secret. */
    private static final java.util.Random RANDOM = new java.util.Random();

    private final Path dir;
    private final Opener opener;
    private final List<String> retired;
    private final List<Pending> pending = new ArrayList<>();
    private boolean committed;
    private boolean abandoned;
    private final List<Path> leftovers = new ArrayList<>();
    /** On SIGINT or SIGTERM the JVM runs this, so a stopped run leaves no half-written temporaries. */
    private final Thread onShutdown = new Thread(this::abandon, "subsidy-output-cleanup");

    private record Pending(String name, Path temp, MessageDigest digest) {
    }

    private OutputDir(Path dir, List<String> retired, Opener opener) {
        this.dir = dir;
        this.retired = List.copyOf(retired);
        this.opener = opener;
    }

    /**
     * Prepares {@code dir}, creating it if needed.
     *
     * @param names   the files the run will write; if any exists and {@code force} is false, nothing is touched
     * @param retired files an earlier run may have left that this one does not write (details.csv of a run
     *                with --details): they would no longer belong to the report, so {@link #commit()} deletes
     *                them, and like {@code names} they need {@code force}
     * @throws FileAlreadyExistsException naming the first file that would be overwritten or deleted
     */
    public static OutputDir prepare(Path dir, List<String> names, List<String> retired, boolean force)
            throws IOException {
        return prepare(dir, names, retired, force, FILES);
    }

    public static OutputDir prepare(Path dir, List<String> names, List<String> retired, boolean force,
            Opener opener) throws IOException {
        check(dir, names, retired, force);
        Files.createDirectories(dir);
        OutputDir out = new OutputDir(dir, retired, opener);
        Runtime.getRuntime().addShutdownHook(out.onShutdown);
        return out;
    }

    /**
     * What {@link #prepare} checks, touching nothing: a run with two places to write (the report's
     * directory and the notice's) checks both before it creates either.
     */
    public static void check(Path dir, List<String> names, List<String> retired, boolean force) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) { // the nearest that exists must be a directory, or dir cannot be made
                if (!Files.isDirectory(p)) {
                    throw new java.nio.file.NotDirectoryException(p + " exists and is not a directory");
                }
                break;
            }
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(retired);
        for (String n : all) {
            // Renaming onto a directory would fail with some files already in place: refuse first.
            Path target = dir.resolve(n);
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                throw new IOException(target + " exists and is not a file");
            }
        }
        if (!force) {
            for (String n : all) {
                if (Files.exists(dir.resolve(n))) {
                    throw new FileAlreadyExistsException(dir.resolve(n).toString());
                }
            }
        }
    }

    /** A writer for {@code name}; UTF-8, with a byte-order mark if asked, so Excel shows the Chinese text. */
    public Writer open(String name, boolean bom) throws IOException {
        return new java.io.BufferedWriter(new OutputStreamWriter(openStream(name, bom), StandardCharsets.UTF_8),
                1 << 16);
    }

    /**
     * A byte stream for {@code name}, for text already encoded as UTF-8. The file is created and
     * registered under the lock the stop signal's hook takes, so none is created that it misses.
     */
    public OutputStream openStream(String name, boolean bom) throws IOException {
        MessageDigest digest = Sha256.digest();
        OutputStream file;
        synchronized (this) {
            if (abandoned) {
                throw new IOException("stopped: " + dir.resolve(name) + " is not written");
            }
            Path temp;
            for (int attempt = 1;; attempt++) {
                temp = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".partial");
                try {
                    file = opener.open(temp);
                    break;
                } catch (FileAlreadyExistsException e) {
                    if (attempt == 10) {
                        throw e;
                    }
                }
            }
            pending.add(new Pending(name, temp, digest));
        }
        // Buffered in front of the digest, so it hashes 64 KiB blocks rather than row by row.
        OutputStream out = new BufferedOutputStream(new DigestOutputStream(file, digest), 1 << 16);
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        return out;
    }

    /** SHA-256 of each file written so far whose writer has been closed, by name. */
    public Map<String, String> digests() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Pending p : pending) {
            out.put(p.name(), Sha256.hex((MessageDigest) cloneOf(p.digest())));
        }
        return out;
    }

    /**
     * Renames every file into place, then deletes the retired ones: an interruption leaves either the
     * previous report whole or the new one, never the new one without a file it listed.
     */
    public synchronized void commit() throws IOException {
        if (abandoned) {
            throw new IOException("stopped: " + dir + " keeps the previous report");
        }
        for (Pending p : pending) {
            Path target = dir.resolve(p.name());
            try {
                Files.move(p.temp(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(p.temp(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
        for (String name : retired) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                leftovers.add(dir.resolve(name)); // the new report stands; the caller names what stayed
            }
        }
    }

    /** Retired files that {@link #commit()} could not delete: they stay beside the new report. */
    public synchronized List<Path> leftovers() {
        return List.copyOf(leftovers);
    }

    @Override
    public void close() {
        abandon();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it does what close() would
        }
    }

    /**
     * Deletes the temporaries unless committed, and refuses to create or commit any more: the stop
     * signal's hook runs beside the main thread, which goes on. A signal during commit waits for it.
     */
    synchronized void abandon() {
        if (!committed) {
            abandoned = true;
            for (Pending p : pending) {
                try {
                    Files.deleteIfExists(p.temp());
                } catch (IOException ignored) {
                    // best effort: a leftover .partial file is harmless and clearly named
                }
            }
        }
    }

    private static Object cloneOf(MessageDigest d) {
        try {
            return d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }

}
