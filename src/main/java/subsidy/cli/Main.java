package subsidy.cli;

import java.io.PrintWriter;
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
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; tests call this instead of main. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("subsidy: internal error: " + e);
            return ExitCode.UNUSABLE;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("subsidy: out of memory; run java with a larger -Xmx (nothing written)");
            return ExitCode.UNUSABLE;
        } catch (RuntimeException | Error e) {
            System.err.println("subsidy: internal error: " + e);
            return ExitCode.UNUSABLE;
        }
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
                Policy p = PolicyLoader.bundled();
                policy = p.id() + " — " + p.title() + " (sha256 " + p.sha256().substring(0, 12) + ")";
            } catch (PolicyException e) {
                policy = "unusable: " + e.getMessage();
            }
            return new String[] {"subsidy " + Version.get(), "bundled policy: " + policy};
        }
    }

    /** Prints a problem the user can act on, without a stack trace. */
    static void fail(PrintWriter err, String message) {
        err.println("subsidy: " + message);
        err.flush();
    }
}
