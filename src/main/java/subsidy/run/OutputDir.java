package subsidy.run;

import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.TextIOException;
import subsidy.text.Texts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import subsidy.Sha256;
import subsidy.input.IoProblem;
import subsidy.report.Manifest;
import subsidy.report.Outputs;

/**
 * The --out directory, replaced as a whole set of files in one step.
 *
 * <p>Beside {@code reports/2022-05} lives {@code reports/.2022-05.subsidy}, subsidy's own room (a name
 * that {@code reports/*}{@code /report.csv} does not match):
 * <pre>
 *   lock                     held by the run writing this --out, for the whole run
 *   run-TIME-RANDOM/         the new set, written here while the run goes on
 *   commit                   present only while a set is being swapped in: which, and where the old one goes
 *   previous/TIME/           the sets that --force replaced, newest {@code keep} kept
 * </pre>
 * A commit syncs every new file to disk, writes {@code commit}, renames --out to {@code previous/TIME},
 * renames the new set to --out and deletes {@code commit}. A reader of --out therefore finds the whole
 * previous set or the whole new one, or for the instant between the two renames no directory at all. A
 * run killed in the middle leaves {@code commit} behind; the next run to take the lock finishes the swap
 * and says so. With a ledger, its transaction is to be committed after {@code commit} is written and
 * before the first rename, and {@code commit} names the batch, so the next run can tell which happened.
 *
 * <p>--out holds only what subsidy wrote: a directory with other files in it is refused, since a commit
 * moves all of it away. Files are created as any other file of the process is, so the umask decides who
 * may read a report.
 */
public final class OutputDir implements AutoCloseable {
    /** Opens the byte stream for a new file; tests pass one that fails like a full disk. */
    @FunctionalInterface
    public interface Opener {
        OutputStream open(Path file) throws IOException;
    }

    /**
     * What a ledger says of a batch a stopped run's journal names: whether it was recorded. Null when
     * this run cannot tell (it has no ledger, or another one): the journal is then left for a run that can.
     */
    @FunctionalInterface
    public interface LedgerCheck {
        Boolean recorded(String ledgerId, long batch, String run) throws IOException;

        LedgerCheck NONE = (ledgerId, batch, run) -> null;
    }

    /** Called by {@link #commit} after the journal is written and before the first rename: the ledger's commit. */
    @FunctionalInterface
    public interface BeforeSwap {
        void run() throws IOException;
    }

    public static final Opener FILES = file -> Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);

    /** How many replaced sets are kept by default. */
    public static final int KEEP = 5;

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final String LOCK = "lock";
    static final String JOURNAL = "commit";
    static final String PREVIOUS = "previous";
    private static final String RUN = "run-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Temporary names need only differ from whatever else is in the directory, not be secret. */
    private static final java.util.Random RANDOM = new java.util.Random();

    private final Path out;
    private final Path home;
    private final Path staging;
    private final Opener opener;
    private final int keep;
    private final Clock clock;
    private final FileChannel lockFile;
    private final List<String> notes;
    /** Where notes go as they happen (standard error), the stop signal's among them. */
    private final Consumer<String> say;
    /** The language notes, warnings and the stop signal's words are said in. */
    private final Texts texts;
    private final Map<String, MessageDigest> digests = new LinkedHashMap<>();
    private final List<AtomicFile> attached = new ArrayList<>();
    private final List<Text> warnings = new ArrayList<>();
    /** Where the set this commit replaced went; null before a commit, or when there was none or it was deleted. */
    private Path replaced;
    private boolean replacedDeleted;
    private boolean committed;
    private boolean abandoned;
    /** A commit that could neither finish nor undo its first rename: the new set stays for the next run. */
    private boolean stranded;
    /** Tests stop a commit at a step ("journal", "old moved") as a kill or a failed rename would. */
    interface Step {
        void reached(String step) throws IOException;
    }

    /**
     * A crash at an exact step, for the tests that run subsidy as a process: with the system property
     * {@code subsidy.test.halt-at=STEP} the JVM halts there as SIGKILL would stop it (exit 137).
     */
    private static final String HALT_AT = System.getProperty("subsidy.test.halt-at");
    private Step step = name -> {
        if (name.equals(HALT_AT)) {
            Runtime.getRuntime().halt(137);
        }
    };
    /** On SIGINT or SIGTERM the JVM runs this, so a stopped run leaves nothing half-written behind. */
    private final Thread onShutdown = new Thread(this::stopped, "subsidy-output-cleanup");

    private OutputDir(Path out, Path home, Path staging, Opener opener, int keep, Clock clock, FileChannel lockFile,
            List<String> notes, Consumer<String> say, Texts texts) {
        this.say = say;
        this.texts = texts;
        this.out = out;
        this.home = home;
        this.staging = staging;
        this.opener = opener;
        this.keep = keep;
        this.clock = clock;
        this.lockFile = lockFile;
        this.notes = List.copyOf(notes);
    }

    /**
     * Takes --out for this run: locks it, finishes a commit an earlier run left interrupted, and opens an
     * empty set to write.
     *
     * @param dir   --out; a symbolic link is followed, and the directory it names is replaced
     * @param force replace an existing report (the replaced set is kept under {@code previous/})
     * @param keep  how many replaced sets to keep
     * @throws FileAlreadyExistsException naming the report that exists when {@code force} is false
     * @throws Busy when another run holds --out
     * @throws NotOurs when --out holds a file subsidy did not write
     */
    public static OutputDir prepare(Path dir, boolean force, int keep, Opener opener, Clock clock,
            Consumer<String> say) throws IOException {
        return prepare(dir, force, keep, opener, clock, say, LedgerCheck.NONE);
    }

    /** @param ledger asked about a batch that a stopped run's journal names */
    public static OutputDir prepare(Path dir, boolean force, int keep, Opener opener, Clock clock,
            Consumer<String> say, LedgerCheck ledger) throws IOException {
        return prepare(dir, force, keep, opener, clock, say, ledger, Texts.EN);
    }

    /** @param texts the language of the notes said and of the warnings */
    public static OutputDir prepare(Path dir, boolean force, int keep, Opener opener, Clock clock,
            Consumer<String> say, LedgerCheck ledger, Texts texts) throws IOException {
        Path out = resolve(dir);
        check(out, force);
        Path home = homeOf(out);
        Files.createDirectories(home);
        FileChannel lockFile = lock(home, clock);
        try {
            // Said as it happens: a run that then stops (an existing report without --force) has still
            // finished an earlier run's commit, and the clerk must hear of it.
            List<String> notes = new ArrayList<>();
            Consumer<Text> note = t -> {
                String n = t.in(texts);
                notes.add(n);
                say.accept(n);
            };
            recover(out, home, note, ledger);
            removeKilledRuns(home, note);
            check(out, force); // again, now that no one else can change it
            Path staging = home.resolve(RUN + STAMP.format(clock.instant()) + "-"
                    + Long.toUnsignedString(RANDOM.nextLong(), 36));
            Files.createDirectory(staging);
            OutputDir d = new OutputDir(out, home, staging, opener, keep, clock, lockFile, notes, say, texts);
            Runtime.getRuntime().addShutdownHook(d.onShutdown);
            return d;
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    public static OutputDir prepare(Path dir, boolean force) throws IOException {
        return prepare(dir, force, KEEP, FILES, Clock.systemUTC(), note -> { });
    }

    /**
     * What {@link #prepare} checks, touching nothing: a run with two places to write (the report's
     * directory and the notice's) checks both before it creates either.
     */
    public static void check(Path dir, boolean force) throws IOException {
        Path out = resolve(dir);
        nearestAncestorIsADirectory(out);
        if (!Files.exists(out)) {
            return;
        }
        Path report = null;
        java.util.Set<String> listed = Manifest.outputsListed(out.resolve(Outputs.MANIFEST));
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                boolean ours = Outputs.OUTPUTS.contains(name) || name.startsWith(".") && name.endsWith(".partial")
                        || listed.contains(name);
                if (!ours || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw new NotOurs(dir, f.getFileName());
                }
                if (report == null && Outputs.OUTPUTS.contains(name)) {
                    report = f;
                }
            }
        }
        if (report != null && !force) {
            throw new FileAlreadyExistsException(dir.resolve(report.getFileName()).toString());
        }
    }

    /** --out as the file system resolves it: a link to a directory is that directory. */
    static Path resolve(Path dir) throws IOException {
        Path out = dir.toAbsolutePath().normalize();
        if (out.getFileName() == null) {
            throw new NotOurs(null, Msg.of("run.names_no_directory", dir));
        }
        if (Files.isSymbolicLink(out)) {
            if (!Files.exists(out)) {
                throw new NotOurs(null, Msg.of("run.dangling_link_out", dir));
            }
            return out.toRealPath();
        }
        return out;
    }

    /**
     * The path as the file system resolves it, links and all: its nearest existing ancestor's real
     * path with the rest added back, so that a directory not made yet is seen where it will be.
     * Where a run writes is compared with what it reads, and the notice with --out, this way.
     */
    public static Path real(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException notYet) {
                // try its parent
            }
        }
        return absolute;
    }

    /** subsidy's own room beside --out: {@code .NAME.subsidy}. */
    static Path homeOf(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".subsidy");
    }

    /** The nearest part of the path that exists must be a directory, or the path cannot be made. */
    static void nearestAncestorIsADirectory(Path path) throws NotDirectoryException {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new NotDirectoryException(p.toString());
                }
                return;
            }
        }
    }

    /** Takes the lock, or names the run that holds it. */
    private static FileChannel lock(Path home, Clock clock) throws IOException {
        Path file = home.resolve(LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            String holder;
            try {
                holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                holder = "";
            }
            throw new Busy(home, holder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started "
                + STAMP.format(clock.instant()) + "\n").getBytes(StandardCharsets.UTF_8)));
        return channel;
    }

    /**
     * Finishes a swap that a killed run left half done: the new set was whole before {@code commit} was
     * written. A journal that names a ledger's batch is finished only when the ledger recorded the batch;
     * when it did not (the run was stopped before the ledger's commit), the new set is deleted instead.
     */
    private static void recover(Path out, Path home, Consumer<Text> notes, LedgerCheck ledger) throws IOException {
        Path journal = home.resolve(JOURNAL);
        if (!Files.exists(journal)) {
            return;
        }
        Journal j = Journal.read(journal);
        Path staging = home.resolve(j.staging());
        if (j.batch() != null && Files.isDirectory(staging)) {
            Boolean recorded = ledger.recorded(j.ledgerId(), j.batch(), j.staging());
            if (recorded == null) {
                throw new TextIOException(Msg.of("run.stopped_while_recording", out, j.batch(), j.ledgerId()));
            }
            if (!recorded) {
                deleteTree(staging);
                Files.delete(journal);
                syncDirectory(home);
                notes.accept(Msg.of("run.undone_unrecorded", j.batch(), out));
                return;
            }
        }
        if (Files.isDirectory(staging)) {
            if (Files.exists(out)) {
                Files.createDirectories(home.resolve(PREVIOUS));
                // An --out made since by hand (the commit found none) is kept like a replaced set.
                Path previous = home.resolve(j.previous().isEmpty()
                        ? PREVIOUS + "/recovered-" + Long.toUnsignedString(RANDOM.nextLong(), 36) : j.previous());
                Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(out.getParent());
            notes.accept(j.batch() == null ? Msg.of("run.commit_finished", out)
                    : Msg.of("run.commit_finished_batch", out, j.batch()));
        }
        Files.delete(journal);
        syncDirectory(home);
    }

    /** What {@link #settle} found in an output directory a ledger's batch was written to. */
    public enum Settled {
        /** A stopped commit was finished (or undone) now. */
        FINISHED,
        /** No commit was under way there. */
        NOTHING_UNDER_WAY,
        /** Another run holds it now. */
        BUSY
    }

    /**
     * Finishes a commit a stopped run left in {@code dir}, as the next run into it would, without
     * writing anything new: a ledger whose batch's files were not confirmed in place asks this.
     */
    public static Settled settle(Path dir, Clock clock, Consumer<String> notes, LedgerCheck ledger) throws IOException {
        return settle(dir, clock, notes, ledger, Texts.EN);
    }

    /** @param texts the language of the notes */
    public static Settled settle(Path dir, Clock clock, Consumer<String> notes, LedgerCheck ledger, Texts texts)
            throws IOException {
        Path out = dir.toAbsolutePath().normalize();
        Path home = homeOf(out);
        if (!Files.isDirectory(home)) {
            return Settled.NOTHING_UNDER_WAY;
        }
        FileChannel lock;
        try {
            lock = lock(home, clock);
        } catch (Busy busy) {
            return Settled.BUSY;
        }
        try {
            if (!Files.exists(home.resolve(JOURNAL))) {
                return Settled.NOTHING_UNDER_WAY;
            }
            recover(out, home, t -> notes.accept(t.in(texts)), ledger);
            return Settled.FINISHED;
        } finally {
            lock.close();
        }
    }

    /** A run-… directory left while holding the lock is a killed run's half-written set. */
    private static void removeKilledRuns(Path home, Consumer<Text> notes) throws IOException {
        List<Path> runs;
        try (Stream<Path> files = Files.list(home)) {
            runs = files.filter(f -> f.getFileName().toString().startsWith(RUN)).sorted().toList();
        }
        for (Path run : runs) {
            deleteTree(run);
            notes.accept(Msg.of("run.deleted_killed_run", run));
        }
    }

    /** What {@link #prepare} found and did (an interrupted commit finished, a killed run's files deleted). */
    public List<String> notes() {
        return notes;
    }

    /** What went wrong after the new set was in place, which the report does not depend on. */
    public synchronized List<String> warnings() {
        return warnings.stream().map(w -> w.in(texts)).toList();
    }

    /** Where the set the commit replaced is kept, or null (none was there, or no commit yet). */
    public synchronized Path replaced() {
        return replaced;
    }

    /** Whether the commit replaced a set and, keeping none (--keep-previous 0), deleted it. */
    public synchronized boolean replacedDeleted() {
        return replacedDeleted;
    }

    /** This run's own name, its set's directory in subsidy's room: a ledger records it with the batch. */
    public String runName() {
        return staging.getFileName().toString();
    }

    /** --out as it will be replaced (links followed). */
    public Path path() {
        return out;
    }

    /** Where the sets that --force replaced are kept. */
    public Path previous() {
        return home.resolve(PREVIOUS);
    }

    /** A writer for {@code name}; UTF-8, with a byte-order mark if asked, so Excel shows the Chinese text. */
    public Writer open(String name, boolean bom) throws IOException {
        return new java.io.BufferedWriter(new OutputStreamWriter(openStream(name, bom), StandardCharsets.UTF_8),
                1 << 16);
    }

    /**
     * A byte stream for {@code name} in the new set, for text already encoded as UTF-8. The file is
     * created under the lock the stop signal's hook takes, so none is created that it misses.
     */
    public OutputStream openStream(String name, boolean bom) throws IOException {
        MessageDigest digest = Sha256.digest();
        OutputStream file;
        synchronized (this) {
            if (abandoned) {
                throw new TextIOException(Msg.of("run.stopped_not_written", out.resolve(name)));
            }
            file = opener.open(staging.resolve(name));
            digests.put(name, digest);
        }
        // Buffered in front of the digest, so it hashes 64 KiB blocks rather than row by row.
        OutputStream stream = new BufferedOutputStream(new DigestOutputStream(file, digest), 1 << 16);
        if (bom) {
            stream.write(BOM);
        }
        return stream;
    }

    /** A file outside --out committed right after it (the notice list): one commit, one stop signal. */
    public synchronized void attach(AtomicFile file) {
        attached.add(file);
    }

    /** SHA-256 of each file written so far whose writer has been closed, by name. */
    public synchronized Map<String, String> digests() {
        Map<String, String> hex = new LinkedHashMap<>();
        digests.forEach((name, d) -> hex.put(name, Sha256.hex(copy(d))));
        return hex;
    }

    /**
     * Puts the new set in place of the old, then the attached files beside it. A stop signal meanwhile
     * waits for it to finish.
     *
     * @throws Incomplete when the new set is in place but an attached file is not
     * @throws IOException when nothing was changed
     */
    public synchronized void commit() throws IOException {
        commit(null, null, null);
    }

    /**
     * As {@link #commit()}, with a ledger's batch: the journal names it, and {@code ledger} (its commit)
     * runs after the journal is written and before the first rename. When it fails, nothing is moved.
     */
    public synchronized void commit(String ledgerId, Long batch, BeforeSwap ledger) throws IOException {
        if (abandoned) {
            throw new TextIOException(Msg.of("run.stopped_keeps_previous", out));
        }
        for (String name : digests.keySet()) {
            sync(staging.resolve(name));
        }
        syncDirectory(staging);
        if (isEmptyDirectory(out)) {
            Files.delete(out); // nothing to keep
        }
        Path previous = Files.exists(out) ? uniquePrevious() : null;
        Path journal = home.resolve(JOURNAL);
        new Journal(home.relativize(staging).toString(),
                previous == null ? "" : home.relativize(previous).toString(), ledgerId, batch).write(journal);
        boolean recorded = false;
        try {
            step.reached("journal");
            if (ledger != null) {
                ledger.run();
                recorded = batch != null; // a dry run's hook rolls back: nothing recorded
                step.reached("ledger committed");
            }
            if (previous != null) {
                Files.createDirectories(previous.getParent());
                Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            if (recorded) {
                // The ledger has the batch: the journal and the new set stay, and the next run puts it in place.
                stranded = true;
                throw new Stranded(out, staging, null, batch, e);
            }
            Files.deleteIfExists(journal);
            throw e;
        }
        try {
            step.reached("old moved");
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (previous != null) {
                try {
                    Files.move(previous, out, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException stuck) {
                    // Neither set is at --out: the journal stays and the new set with it, for the next run.
                    stranded = true;
                    throw new Stranded(out, staging, previous, batch, e);
                }
            }
            if (recorded) {
                stranded = true;
                throw new Stranded(out, staging, null, batch, e);
            }
            Files.deleteIfExists(journal);
            throw e;
        }
        committed = true;
        replaced = previous;
        // From here on the new set is in place: nothing below may make the run look as if it failed.
        syncDirectory(out.getParent());
        try {
            Files.delete(journal);
            syncDirectory(home);
        } catch (IOException e) {
            warnings.add(Msg.of("run.journal_not_deleted", journal, IoProblem.problem(e)));
        }
        List<String> failed = new ArrayList<>();
        for (AtomicFile f : attached) {
            try {
                f.commit();
            } catch (IOException e) {
                failed.add(f.target() + ": " + IoProblem.describe(e, texts));
            }
        }
        prune();
        if (replaced != null && !Files.exists(replaced, LinkOption.NOFOLLOW_LINKS)) {
            replaced = null; // --keep-previous 0: not kept, and not to be named as kept
            replacedDeleted = true;
        }
        if (!failed.isEmpty()) {
            throw new Incomplete(out, failed);
        }
    }

    /** Keeps the newest {@code keep} replaced sets; one that cannot be deleted is left, not a failed run. */
    private void prune() {
        Path dir = previous();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> sets = Files.list(dir)) {
            List<Path> old = sets.sorted(Comparator.reverseOrder()).skip(keep).toList();
            for (Path p : old) {
                deleteTree(p);
            }
        } catch (IOException e) {
            warnings.add(Msg.of("run.previous_not_deleted", dir, IoProblem.problem(e)));
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private Path uniquePrevious() {
        String stamp = STAMP.format(clock.instant());
        Path p = previous().resolve(stamp);
        for (int i = 2; Files.exists(p); i++) {
            p = previous().resolve(stamp + "-" + i);
        }
        return p;
    }

    /** For tests: stop at a step of the commit. */
    void onStep(Step s) {
        this.step = s;
    }

    /** For tests: what SIGKILL leaves, the files as they are and the lock let go, nothing cleaned up. */
    void killed() throws IOException {
        Runtime.getRuntime().removeShutdownHook(onShutdown);
        lockFile.close();
    }

    @Override
    public void close() {
        abandon();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it does what close() would
        }
        try {
            lockFile.close(); // releases the lock
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }

    /** The stop signal's hook: abandons the run (waiting for a commit under way) and says what stands. */
    private void stopped() {
        boolean before;
        synchronized (this) {
            before = !committed && !stranded;
            abandon();
        }
        say.accept(Msg.of(before ? "run.stopped_nothing_written" : "run.stopped_after_written", out).in(texts));
    }

    /**
     * Deletes the new set unless committed, and refuses to create or commit any more: the stop signal's
     * hook runs beside the main thread, which goes on. A signal during the commit waits for it.
     */
    synchronized void abandon() {
        if (committed || stranded) {
            return;
        }
        abandoned = true;
        attached.forEach(AtomicFile::abandon);
        try {
            deleteTree(staging);
        } catch (IOException ignored) {
            // the next run to take the lock deletes it, and says so
        }
    }

    // ---- file system helpers shared with AtomicFile ----

    /** A new temporary file beside {@code name} in {@code dir}: {@code .NAME.RANDOM.partial}. */
    static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 1;; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".partial");
            if (!Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                return temp;
            }
            if (attempt == 10) {
                throw new FileAlreadyExistsException(temp.toString());
            }
        }
    }

    /** Forces a file's bytes to disk, so that a crash after its rename cannot leave it empty. */
    static void sync(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    /** Forces a directory's entries to disk where the platform can (Linux can; others may refuse). */
    static void syncDirectory(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException notHere) {
            // renames are still atomic; only their durability across a power cut is the file system's
        }
    }

    static MessageDigest copy(MessageDigest d) {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.deleteIfExists(p);
                } catch (DirectoryNotEmptyException raced) {
                    // a file created under it meanwhile; the next run deletes it
                }
            }
        } catch (NoSuchFileException gone) {
            // deleted meanwhile
        }
    }

    /**
     * The journal of a commit under way: the new set's directory, where the old one goes and, with a
     * ledger, which ledger's batch the set is the view of.
     */
    private record Journal(String staging, String previous, String ledgerId, Long batch) {
        /** What a journal may name: a run's directory, and one set under previous/ (or none). */
        private static final Pattern STAGING = Pattern.compile("run-[0-9A-Za-z-]+");
        private static final Pattern PREVIOUS_SET = Pattern.compile("(previous/[0-9A-Za-z-]+)?");
        private static final Pattern BATCH = Pattern.compile("ledger ([0-9a-f]{1,64}) batch ([0-9]{1,18})");

        /**
         * Reads a journal, refusing one that names anything but a plain name in subsidy's own room: a
         * journal edited to name {@code ../../elsewhere} must not make a run move that.
         */
        static Journal read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            java.util.regex.Matcher batch = lines.size() == 3 ? BATCH.matcher(lines.get(2)) : null;
            if (lines.size() < 2 || lines.size() > 3 || !STAGING.matcher(lines.get(0)).matches()
                    || !PREVIOUS_SET.matcher(lines.get(1)).matches() || batch != null && !batch.matches()) {
                throw new TextIOException(Msg.of("run.not_a_journal", file));
            }
            return new Journal(lines.get(0), lines.get(1), batch == null ? null : batch.group(1),
                    batch == null ? null : Long.valueOf(batch.group(2)));
        }

        /** Written under a temporary name and renamed, so a journal is whole or absent. */
        void write(Path file) throws IOException {
            Path temp = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(temp, staging + "\n" + previous + "\n"
                    + (batch == null ? "" : "ledger " + ledgerId + " batch " + batch + "\n"), StandardCharsets.UTF_8);
            sync(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(file.getParent());
        }
    }

    /** Another run holds --out. */
    public static final class Busy extends TextIOException {
        private final String holder;

        Busy(Path home, String holder) {
            super(holder.isEmpty() ? Msg.of("run.locked", home) : Msg.of("run.locked_by", home, holder));
            this.holder = holder;
        }

        /** "pid 1234, started 2022-06-01T080000Z", or empty when the other run has not said. */
        public String holder() {
            return holder;
        }
    }

    /** --out holds something subsidy did not write, or names no directory at all. */
    public static final class NotOurs extends TextIOException {
        private final Path entry;

        NotOurs(Path dir, Path entry) {
            this(entry, Msg.of("run.not_ours", dir, entry));
        }

        NotOurs(Path entry, Text message) {
            super(message);
            this.entry = entry;
        }

        /** The first foreign entry, or null when --out names no directory (the message says why). */
        public Path entry() {
            return entry;
        }
    }

    /**
     * Neither the previous set nor the new one could be put at --out, or a ledger recorded the batch and
     * its set could not be put there: the next run into --out finishes the commit.
     */
    public static final class Stranded extends TextIOException {
        Stranded(Path out, Path staging, Path previous, Long batch, IOException cause) {
            super(previous == null
                    ? Msg.of("run.stranded_recorded", batch, out, IoProblem.problem(cause), staging)
                    : Msg.of("run.stranded", out, IoProblem.problem(cause), staging, previous), cause);
        }
    }

    /** The new set is in place, but a file attached to it (the notice outside --out) is not. */
    public static final class Incomplete extends TextIOException {
        private final List<String> failed;

        Incomplete(Path out, Collection<String> failed) {
            super(Msg.of("run.incomplete", out, String.join("; ", failed)));
            this.failed = List.copyOf(failed);
        }

        /** Each file not written, with the reason. */
        public List<String> failed() {
            return failed;
        }
    }
}
