package subsidy.run;

import subsidy.text.Msg;
import subsidy.text.TextIOException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import subsidy.Sha256;

/**
 * One file written under a temporary name beside its target and renamed onto it only by {@link #commit()}:
 * a reader finds the old file or the new one, never half of one. The public-notice list outside --out is
 * one; a file inside --out is part of {@link OutputDir}'s set instead.
 *
 * <p>A symbolic link is written through: the file it names is replaced, the link stays (replacing the
 * link itself once replaced the system's {@code /dev/stdout}). Anything but a regular file at the end of
 * the links, a device, a pipe or a directory, is refused.
 */
public final class AtomicFile {
    private final Path target;
    private final OutputDir.Opener opener;
    private Path temp;
    private MessageDigest digest;
    private boolean committed;
    private boolean abandoned;

    private AtomicFile(Path target, OutputDir.Opener opener) {
        this.target = target;
        this.opener = opener;
    }

    /**
     * Checks the place, touching nothing but the directories on its way, which are made.
     *
     * @throws FileAlreadyExistsException when the file exists and {@code force} is false
     * @throws NotAFile when what the path names is not a regular file
     */
    public static AtomicFile prepare(Path file, boolean force, OutputDir.Opener opener) throws IOException {
        Path target = check(file, force);
        Files.createDirectories(target.getParent());
        return new AtomicFile(target, opener);
    }

    /** The file to be replaced, links followed; checks as {@link #prepare} does and makes nothing. */
    public static Path check(Path file, boolean force) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target)) {
            if (!Files.exists(target)) {
                throw new NotAFile(file, Msg.of("run.dangling_link", file));
            }
            target = target.toRealPath();
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target)) {
                throw new NotAFile(file,
                        Msg.of(Files.isDirectory(target) ? "run.is_a_directory" : "run.not_a_regular_file", file));
            }
            if (!force) {
                throw new FileAlreadyExistsException(file.toString());
            }
        }
        OutputDir.nearestAncestorIsADirectory(target.getParent());
        return target;
    }

    /** The file that {@link #commit()} replaces (the end of any links). */
    public Path target() {
        return target;
    }

    /** Opens the temporary file; the stream buffers and hashes what is written. */
    public synchronized OutputStream open(boolean bom) throws IOException {
        if (abandoned) {
            throw new TextIOException(Msg.of("run.stopped_not_written", target));
        }
        digest = Sha256.digest();
        temp = OutputDir.createTemp(target.getParent(), target.getFileName().toString());
        OutputStream out = new BufferedOutputStream(new DigestOutputStream(opener.open(temp), digest), 1 << 16);
        if (bom) {
            out.write(OutputDir.BOM);
        }
        return out;
    }

    /** SHA-256 of what was written, once its stream is closed. */
    public String sha256() {
        return Sha256.hex(OutputDir.copy(digest));
    }

    /** Puts the file in place: synced to disk first, so a crash after the rename cannot leave it empty. */
    public synchronized void commit() throws IOException {
        if (abandoned) {
            throw new TextIOException(Msg.of("run.stopped_not_written", target));
        }
        OutputDir.sync(temp);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        OutputDir.syncDirectory(target.getParent());
        committed = true;
    }

    /** Deletes the temporary file unless committed; nothing can be written or committed after. */
    public synchronized void abandon() {
        if (committed) {
            return;
        }
        abandoned = true;
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: a leftover .partial file is harmless and clearly named
            }
        }
    }

    /** A place that cannot be written as a file: a device, a pipe, a directory, a dangling link. */
    public static final class NotAFile extends TextIOException {
        private final Path path;

        NotAFile(Path path, Msg what) {
            super(what);
            this.path = path;
        }

        public Path path() {
            return path;
        }
    }
}
