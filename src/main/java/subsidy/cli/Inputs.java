package subsidy.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import subsidy.entity.InputSchema;
import subsidy.input.Escape;
import subsidy.input.InputException;
import subsidy.policy.Resolution;
import subsidy.input.InputFile;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.text.Texts;

/** Option handling the subcommands share. */
final class Inputs {
    private Inputs() {
    }

    /**
     * The policy (the bundled one when {@code file} is null) as in force on {@code asOf}. Without a date
     * (no --as-of, no --period): a policy with no dated values is read as it is, undated (manifest
     * {@code as_of} empty), and one with dated values or periods of force as in force today, the
     * clerk's local date — or, when all its programs ended before today (the 2022 plans read in 2026), as
     * in force on its last day, which its {@link Policy#asOf} then says and the command tells
     * ({@link #ended}). A file that is not a regular one (a pipe) is read once, then parsed.
     */
    static Policy policy(Path file, LocalDate asOf) throws PolicyException {
        return policy(file, asOf, Texts.EN);
    }

    static Policy policy(Path file, LocalDate asOf, Texts texts) throws PolicyException {
        return policy(file, asOf, LocalDate::now, texts);
    }

    static Policy policy(Path file, LocalDate asOf, java.util.function.Supplier<LocalDate> today)
            throws PolicyException {
        return policy(file, asOf, today, Texts.EN);
    }

    static Policy policy(Path file, LocalDate asOf, java.util.function.Supplier<LocalDate> today, Texts texts)
            throws PolicyException {
        if (asOf != null) {
            Resolution r = Resolution.on(asOf);
            return file == null ? PolicyLoader.bundled(r) : PolicyLoader.load(file, r);
        }
        if (file == null) {
            return undatedOr(r -> PolicyLoader.bundled(r), today);
        }
        if (Files.isRegularFile(file) || Files.isDirectory(file)) {
            return undatedOr(r -> PolicyLoader.load(file, r), today);
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(PolicyLoader.MAX_BYTES + 1);
        } catch (java.io.IOException e) {
            throw PolicyException.of(file.toString(),
                    subsidy.text.Msg.of("cli.policy_unreadable", subsidy.input.IoProblem.problem(e)));
        }
        Path dir = file.getParent() == null ? Path.of("") : file.getParent();
        return undatedOr(r -> PolicyLoader.parse(bytes, file.toString(), r, dir), today);
    }

    private interface Reader {
        Policy read(Resolution r) throws PolicyException;
    }

    /**
     * Read undated first: a policy that needs no date is taken as it is. One that does (or one with problems,
     * which are then the problems it has on today's date) is read again as in force today; one none of whose
     * programs is in force today, all having ended before, as in force on its last day. When that too fails,
     * the problems told are today's.
     */
    private static Policy undatedOr(Reader reader, java.util.function.Supplier<LocalDate> today)
            throws PolicyException {
        try {
            return reader.read(Resolution.UNDATED);
        } catch (PolicyException needsADate) {
            LocalDate day = today.get();
            try {
                return reader.read(Resolution.on(day));
            } catch (PolicyException onToday) {
                LocalDate last = onToday.inForce().endedBefore(day);
                if (last == null) {
                    throw onToday;
                }
                try {
                    return reader.read(Resolution.on(last));
                } catch (PolicyException onLastDay) {
                    throw onToday;
                }
            }
        }
    }

    /**
     * The warning for a policy read with no date given on a day before {@code today}: its programs had all
     * ended, and it was read as in force on its last day; null when it was read on today (or undated).
     */
    static String ended(Policy policy, LocalDate today, Texts texts) {
        if (today == null || policy.asOf() == null || !policy.asOf().isBefore(today)) {
            return null;
        }
        return texts.get("cli.warning", texts.get("cli.policy_ended", Escape.controls(String.valueOf(policy.id())),
                today, policy.asOf()));
    }

    /** Opens the --input files and reads their headers, so an unusable one stops the run before any output. */
    static List<InputFile> open(List<Path> paths, Charset charset, Byte delimiter, InputSchema schema)
            throws InputException {
        return open(paths, charset, delimiter, schema, null);
    }

    /** @param sheet the sheet to read of a workbook input (--sheet), or null for its first */
    static List<InputFile> open(List<Path> paths, Charset charset, Byte delimiter, InputSchema schema, String sheet)
            throws InputException {
        List<InputFile> files = new ArrayList<>();
        try {
            for (Path p : paths) {
                InputFile f = (isStandardInput(p) ? InputFile.standardInput(System.in, charset, schema, delimiter)
                        : new InputFile(p, charset, schema, delimiter)).sheet(sheet);
                files.add(f);
                f.header();
            }
        } catch (InputException | RuntimeException e) {
            discard(files);
            throw e;
        }
        return files;
    }

    /** Whether an --input names standard input: {@code -}, as other tools read it (a file named so is ./-). */
    static boolean isStandardInput(Path input) {
        return InputFile.STANDARD_INPUT.equals(input.toString());
    }

    /** Standard input can be read once: {@code --input -} given twice is a usage error. */
    static void checkStandardInput(CommandLine cl, Texts texts, List<Path> inputs) {
        if (inputs != null && inputs.stream().filter(Inputs::isStandardInput).count() > 1) {
            throw new CommandLine.ParameterException(cl, texts.get("cli.stdin_twice"));
        }
    }

    /** Lets go of pipes opened for their headers whose rows a command did not read (it stopped first). */
    static void discard(List<InputFile> files) {
        if (files != null) {
            files.forEach(InputFile::discard);
        }
    }

    /**
     * Whether the quote, comma, CR and LF are their ASCII bytes and no other character's bytes contain
     * them: true of UTF-8 and the double-byte Chinese encodings, false of UTF-16/32 and the stateful
     * ISO-2022 and UTF-7 (whose escape sequences are ASCII bytes), and of decode-only charsets.
     */
    static boolean asciiCompatible(Charset charset) {
        String n = charset.name().toUpperCase(java.util.Locale.ROOT);
        if (charset.equals(StandardCharsets.UTF_16) || charset.equals(StandardCharsets.UTF_16LE)
                || charset.equals(StandardCharsets.UTF_16BE)) {
            return true; // read through a conversion to UTF-8 (Excel's "Unicode text")
        }
        if (!charset.canEncode() || n.startsWith("ISO-2022") || n.contains("UTF-7") || n.startsWith("UTF-16")
                || n.startsWith("UTF-32") || n.contains("EBCDIC") || n.startsWith("IBM")) {
            return false;
        }
        return java.util.Arrays.equals("\",\r\n".getBytes(charset), "\",\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The --delimiter option as the byte between cells; null when absent (found in the first lines). */
    static Byte delimiter(CommandLine cl, String name) {
        return delimiter(cl, Texts.EN, name);
    }

    static Byte delimiter(CommandLine cl, Texts texts, String name) {
        if (name == null) {
            return null;
        }
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "comma", ",":
                return (byte) ',';
            case "tab", "\\t":
                return (byte) '\t';
            case "semicolon", ";":
                return (byte) ';';
            case "|", "pipe":
                return (byte) '|';
            default:
                throw new CommandLine.ParameterException(cl, texts.get("cli.delimiter_unknown",
                        subsidy.input.Escape.controls(name)));
        }
    }

    /** The --encoding option as a charset; null when absent (detect). */
    static Charset charset(CommandLine cl, String name) {
        return charset(cl, Texts.EN, name);
    }

    static Charset charset(CommandLine cl, Texts texts, String name) {
        if (name == null) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandLine.ParameterException(cl, texts.get("cli.encoding_unknown", name));
        }
        if (!asciiCompatible(charset)) {
            throw new CommandLine.ParameterException(cl, texts.get("cli.encoding_not_ascii", name));
        }
        return charset;
    }
}
