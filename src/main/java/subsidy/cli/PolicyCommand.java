package subsidy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import subsidy.input.Escape;
import subsidy.policy.Citations;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.policy.PolicyText;
import subsidy.policy.Resolution;

/** {@code subsidy policy check|show}: validate a policy table, or print the table in force on a date. */
@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Check or show a policy table.",
        subcommands = {PolicyCommand.Check.class, PolicyCommand.Show.class})
final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: check or show");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a policy file: every problem with its key path and line (exit 3), and "
                    + "warnings about the rules: tiers that overlap or leave a gap, dated periods that overlap, "
                    + "conditions no entity can meet. With --sources, also that every passage the policy cites "
                    + "stands in its document at its offset.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:usable (warnings may be printed)", "2:usage error",
                    "3:unusable: problems listed (with --sources, citations too)"})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The policy YAML.")
        Path file;

        @Option(names = "--sources", paramLabel = "DIR",
                description = "The folder of the documents the policy cites (seeds/ in this repository): each "
                        + "cited passage must stand in its document at its offset. Not checked without it.")
        Path sources;

        @Override
        public Integer call() {
            if (sources != null && !Files.isDirectory(sources)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sources " + Escape.controls(
                        sources.toString()) + ": " + (Files.exists(sources) ? "not a directory" : "no such directory"));
            }
            PrintWriter out = spec.commandLine().getOut();
            try {
                Policy p = PolicyLoader.load(file, Resolution.CHECK);
                p.warnings().forEach(w -> out.println("warning: " + w));
                if (sources != null) {
                    out.flush();
                    Citations.require(p, sources);
                }
                p.includes().forEach(inc -> out.println("includes " + inc.name() + " from " + inc.where()));
                out.println(file + ": usable — policy " + p.id() + ", " + p.programs().size() + " program(s), "
                        + p.warnings().size() + " warning(s)" + (sources == null ? ""
                                : ", " + p.citations().size() + " citation(s) found at their offsets in "
                                        + Escape.controls(sources.toString())));
                if (sources == null) {
                    out.println("citations not checked: add --sources DIR, the folder of the documents the policy "
                            + "cites (seeds in this repository)");
                }
                out.flush();
                return ExitCode.OK;
            } catch (PolicyException e) {
                out.flush();
                Main.fail(spec.commandLine().getErr(), e.getMessage());
                return ExitCode.UNUSABLE;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the policy in force on a date, as a clerk reads it.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "The policy YAML; default: the bundled one.")
        Path file;

        @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
                description = "The date whose values to show (2023-06-30 or 2023/6/30).")
        LocalDate asOf;

        @Override
        public Integer call() {
            try {
                Policy p = Inputs.policy(file, asOf);
                PrintWriter out = spec.commandLine().getOut();
                out.print(PolicyText.render(p));
                out.flush();
                return ExitCode.OK;
            } catch (PolicyException e) {
                Main.fail(spec.commandLine().getErr(), e.getMessage());
                return ExitCode.UNUSABLE;
            }
        }
    }
}
