package subsidy.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import subsidy.Version;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;

/** The {@code subsidy} command: subcommands only, each a thin class over the core. */
@Command(name = "subsidy", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Computes 2020-2022 relief for small and micro firms and individual businesses.",
        subcommands = {CalcCommand.class, ExplainCommand.class, VerifyCommand.class, PolicyCommand.class,
            TestCommand.class, LedgerCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard output and error, for the subcommands (picocli hands them this object as their parent). */
    final Std std;

    private Main(Std std) {
        this.std = std;
    }

    public static void main(String[] args) {
        // The descriptors themselves, not System.out: a PrintStream swallows write errors.
        System.exit(run(new Std(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err)),
                args));
    }

    /** Runs the command line and returns the exit code; tests call this instead of main. */
    public static int run(String... args) {
        return run(new Std(System.out, System.err), args);
    }

    private static int run(Std std, String... args) {
        CommandLine cl = new CommandLine(new Main(std));
        cl.setOut(std.text);
        cl.setErr(std.errorText);
        // Colours would be escaped like any control character from an input.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.registerConverter(Path.class, Main::path);
        // A usage error is one line and a hint, not the whole help text, which would bury the line.
        cl.setParameterExceptionHandler((e, args1) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("subsidy: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> internalError(std, e));
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            std.messages.println("subsidy: out of memory; run java with a larger -Xmx (nothing written)");
            code = ExitCode.UNUSABLE;
        } catch (RuntimeException | Error e) {
            code = internalError(std, e);
        }
        if (std.failed() && code != ExitCode.UNUSABLE) {
            // Help, a policy shown, an explanation or a message was cut short: never exit 0 on it.
            std.messages.println("subsidy: could not write to standard output or standard error");
            return ExitCode.UNUSABLE;
        }
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand, e.g. calc");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String policy;
            try {
                // Its id, title and SHA-256 whatever the date: read as policy check reads it.
                Policy p = PolicyLoader.bundled(subsidy.policy.Resolution.CHECK);
                policy = p.id() + " — " + p.title() + " (sha256 " + p.sha256().substring(0, 12) + ")";
            } catch (PolicyException e) {
                policy = "unusable: " + e.getMessage();
            }
            return new String[] {"subsidy " + Version.get(), "bundled policy: " + policy};
        }
    }

    /**
     * A file name from the command line. Java decodes the command line in the locale's encoding, so under
     * {@code LC_ALL=C} a Chinese name arrives as question marks: say that, and what to do, in one line.
     */
    private static Path path(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            String encoding = System.getProperty("sun.jnu.encoding", "");
            throw new CommandLine.TypeConversionException("the file name " + name + " cannot be used"
                    + (encoding.toUpperCase(java.util.Locale.ROOT).contains("UTF") ? ""
                            : " under this locale's encoding (" + encoding + "); run subsidy through its launcher, "
                                    + "which reads names as UTF-8, or set LC_ALL=C.UTF-8"));
        }
    }

    /**
     * A defect of ours, in one line without a class name or stack trace; {@code SUBSIDY_DEBUG=1} prints the
     * stack trace for the report of it.
     */
    private static int internalError(Std std, Throwable e) {
        std.messages.println("subsidy: internal error (a defect of subsidy; please report it with the command "
                + "line): " + (e.getMessage() == null ? "no detail" : e.getMessage()));
        if ("1".equals(System.getenv("SUBSIDY_DEBUG"))) {
            e.printStackTrace(std.messages);
        }
        return ExitCode.UNUSABLE;
    }

    /** Prints a problem the user can act on, without a stack trace. */
    static void fail(PrintWriter err, String message) {
        err.println("subsidy: " + message);
        err.flush();
    }
}
