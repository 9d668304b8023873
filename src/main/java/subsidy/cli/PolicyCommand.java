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
import subsidy.text.Texts;

/** {@code subsidy policy check|show}: validate a policy table, or print the table in force on a date. */
@Command(name = "policy", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Check or show a policy table.",
        subcommands = {PolicyCommand.Check.class, PolicyCommand.Show.class})
final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LangOption lang;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), lang.texts().get("cli.policy.name_subcommand"));
    }

    @Command(name = "check", addMethodSubcommands = false, mixinStandardHelpOptions = true,
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

        @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "The policy YAML.")
        Path file;

        @CommandLine.Mixin
        LangOption lang;

        @Option(names = "--sources", paramLabel = "DIR",
                description = "The folder of the documents the policy cites (seeds/ in this repository): each "
                        + "cited passage must stand in its document at its offset. Not checked without it.")
        Path sources;

        @Override
        public Integer call() {
            Texts texts = lang.texts();
            if (sources != null && !Files.isDirectory(sources)) {
                throw new CommandLine.ParameterException(spec.commandLine(), texts.get(Files.exists(sources)
                        ? "cli.policy.sources_not_directory" : "cli.policy.sources_missing",
                        Escape.controls(sources.toString())));
            }
            PrintWriter out = spec.commandLine().getOut();
            try {
                Policy p = PolicyLoader.load(file, Resolution.CHECK);
                p.warnings(texts).forEach(w -> out.println(texts.get("cli.policy.warning", w)));
                if (sources != null) {
                    out.flush();
                    Citations.require(p, sources, texts);
                }
                p.includes().forEach(inc -> out.println(texts.get("cli.policy.includes", inc.name(), inc.where())));
                out.println(texts.get("cli.policy.usable", file, p.id(), p.programs().size(), p.warnings().size(),
                        sources == null ? "" : texts.get("cli.policy.citations_found", p.citations().size(),
                                Escape.controls(sources.toString()))));
                if (sources == null) {
                    out.println(texts.get("cli.policy.citations_not_checked"));
                }
                out.flush();
                return ExitCode.OK;
            } catch (PolicyException e) {
                out.flush();
                Main.fail(spec.commandLine().getErr(), texts, e.message(texts));
                return ExitCode.UNUSABLE;
            }
        }
    }

    @Command(name = "show", addMethodSubcommands = false, mixinStandardHelpOptions = true,
            description = "Print the policy in force on a date, as a clerk reads it.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..1", descriptionKey = "file",
                description = "The policy YAML; default: the configuration's policy, else the bundled one.")
        Path file;

        @CommandLine.Mixin
        LangOption lang;

        @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
                description = "The date whose values to show (2023-06-30 or 2023/6/30).")
        LocalDate asOf;

        @Override
        public Integer call() {
            Texts texts = lang.texts();
            try {
                LocalDate[] today = new LocalDate[1];
                Policy p = Inputs.policy(file != null ? file : RunOptions.configuration(spec).policy(), asOf,
                        () -> today[0] = LocalDate.now(), texts);
                String ended = Inputs.ended(p, today[0], texts);
                if (ended != null) {
                    spec.commandLine().getErr().println(ended);
                }
                PrintWriter out = spec.commandLine().getOut();
                out.print(PolicyText.render(p, texts));
                out.flush();
                return ExitCode.OK;
            } catch (PolicyException e) {
                Main.fail(spec.commandLine().getErr(), texts, e.message(texts));
                return ExitCode.UNUSABLE;
            }
        }
    }
}
