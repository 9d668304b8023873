package subsidy.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import subsidy.Version;
import subsidy.config.Configuration;
import subsidy.input.Escape;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.text.Lang;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * The {@code subsidy} command: subcommands only, each a thin class over the core. They are added by
 * {@link #commandLine}, in {@link #SUBCOMMANDS}' order: all of them, or — when the arguments name one
 * exactly — that one alone, since picocli reads every command's annotations as it adds it, and for a
 * county's batch of a few thousand rows that reading of seven commands was a third of the run. For the
 * same reason every command says {@code addMethodSubcommands = false}: none of ours is a method, and
 * picocli would otherwise read the annotations of every method of every command class to look.
 */
@Command(name = "subsidy", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Computes 2020-2022 relief for small and micro firms and individual businesses.")
public final class Main implements Runnable {
    /** The subcommands by name, in the help's order; {@code help} lists them all, so it needs them all. */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("calc", CalcCommand.class);
        m.put("explain", ExplainCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("policy", PolicyCommand.class);
        m.put("test", TestCommand.class);
        m.put("ledger", LedgerCommand.class);
        m.put("generate-completion", GenerateCompletionCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LangOption lang;

    /** Standard output and error, for the subcommands (picocli hands them this object as their parent). */
    final Std std;

    /**
     * The language the command line asks for, looked for before it is parsed ({@link LangOption#prescan}),
     * else the configuration's, else English: the help's, a usage error's, and that of any command not
     * given its own --lang.
     */
    final Texts texts;

    /** The configuration read before the command line was parsed ({@link Configuration}); the manifest records it. */
    final Configuration configuration;

    private Main(Std std, Texts texts, Configuration configuration) {
        this.std = std;
        this.texts = texts;
        this.configuration = configuration;
    }

    public static void main(String[] args) {
        // picocli otherwise looks for Groovy's closure class on the class path on every start, and throws and
        // catches the ClassNotFoundException: a few milliseconds of each run (issue 21).
        System.setProperty("picocli.disable.closures", "true");
        // The descriptors themselves, not System.out: a PrintStream swallows write errors.
        System.exit(run(new Std(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err)),
                Configuration.Locations.system(), args));
    }

    /**
     * Runs the command line and returns the exit code; tests call this instead of main. It reads no
     * configuration (as if none existed), so that a test does not depend on the machine's files and
     * variables; {@link #run(Configuration.Locations, String...)} reads one.
     */
    public static int run(String... args) {
        return run(Configuration.Locations.NONE, args);
    }

    /** As {@link #main}, reading the configuration from {@code where} rather than this process's places. */
    public static int run(Configuration.Locations where, String... args) {
        return run(new Std(System.out, System.err), where, args);
    }

    private static int run(Std std, Configuration.Locations where, String... args) {
        Configuration configuration = Configuration.read(where);
        Lang language = LangOption.prescan(configuration, args);
        Texts texts = Texts.of(language);
        if (!configuration.problems().isEmpty()) {
            // Never run on a configuration half read: a default silently dropped would change the report.
            for (Text problem : configuration.problems()) {
                std.messages.println(texts.get("cli.error", Escape.controls(problem.in(texts))));
            }
            std.messages.println(texts.get("cli.config.hint"));
            return std.failed() ? ExitCode.UNUSABLE : ExitCode.USAGE;
        }
        CommandLine cl = model(std, configuration, language, args);
        cl.setOut(std.text);
        cl.setErr(std.errorText);
        // Colours would be escaped like any control character from an input.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.registerConverter(Path.class, name -> path(texts, name));
        // A usage error is one line and a hint, not the whole help text, which would bury the line.
        cl.setParameterExceptionHandler((e, args1) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(texts.get("cli.usage_error", usageMessage(e, texts)));
            cmd.getErr().println(texts.get("cli.usage_hint", cmd.getCommandSpec().qualifiedName()));
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> internalError(std, texts, e));
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            std.messages.println(texts.get("cli.out_of_memory"));
            code = ExitCode.UNUSABLE;
        } catch (RuntimeException | Error e) {
            code = internalError(std, texts, e);
        }
        if (std.failed() && code != ExitCode.UNUSABLE) {
            // Help, a policy shown, an explanation or a message was cut short: never exit 0 on it.
            std.messages.println(texts.get("cli.std_failed"));
            return ExitCode.UNUSABLE;
        }
        return code;
    }

    /** The command tree, its help and --version in {@code language}; {@code helpTexts} false: the annotations'. */
    static CommandLine commandLine(Std std, Lang language) {
        return commandLine(std, language, true);
    }

    static CommandLine commandLine(Std std, Lang language, boolean helpTexts) {
        return commandLine(std, Configuration.NONE, language, helpTexts);
    }

    /** As {@link #commandLine(Std, Lang, boolean)}, its commands handed {@code configuration} (for the manifest). */
    static CommandLine commandLine(Std std, Configuration configuration, Lang language, boolean helpTexts) {
        return commandLine(std, configuration, language, helpTexts, null);
    }

    /**
     * As {@link #commandLine(Std, Configuration, Lang, boolean)}, with only the subcommand {@code only} when
     * it names one (other than help), every subcommand when null.
     */
    static CommandLine commandLine(Std std, Configuration configuration, Lang language, boolean helpTexts,
            String only) {
        Texts texts = Texts.of(language);
        CommandLine cl = new CommandLine(new Main(std, texts, configuration));
        for (java.util.Map.Entry<String, Class<?>> c : SUBCOMMANDS.entrySet()) {
            if (only == null || only.equals(c.getKey())) {
                cl.addSubcommand(c.getKey(), c.getValue());
            }
        }
        if (only == null) {
            // picocli's help command is not ours to annotate: it takes --lang as the others do.
            cl.getSubcommands().get("help").addMixin("lang", new LangOption());
        }
        if (helpTexts) {
            // Help texts in the language asked for, read from its own file (never the locale's).
            cl.setResourceBundle(HelpTexts.bundle(language));
        }
        versions(cl, texts);
        return cl;
    }

    /**
     * The command tree for {@code args}: built from the build's record of it ({@link #fromRecord}) for a run
     * of calc, explain or verify that shows no help, else from the annotations, with only the subcommand
     * named when one is, and the help texts' file when help may show.
     */
    static CommandLine model(Std std, Configuration configuration, Lang language, String[] args) {
        String named = named(args);
        boolean help = helpMayShow(named, args);
        if (!help) {
            try {
                if (recorded(named, args)) {
                    return fromRecord(std, configuration, language, named);
                }
            } catch (RuntimeException | LinkageError e) {
                // a record the classes have outgrown in a way its fingerprints do not show: the annotations
            }
        }
        return commandLine(std, configuration, language, help, named);
    }

    /**
     * The top command and {@code only}, built from the build's record of their model ({@link CommandTable})
     * rather than from their annotations: for a run that shows no help.
     */
    static CommandLine fromRecord(Std std, Configuration configuration, Lang language, String only) {
        Texts texts = Texts.of(language);
        CommandLine cl = CommandTable.commandLine(new Main(std, texts, configuration), only);
        versions(cl, texts);
        return cl;
    }

    /**
     * Whether the model may be built from the record ({@link CommandTable}) for this command line: a command it
     * holds, and no argument that could ask for help in a way {@link #helpMayShow} does not look for — a
     * cluster of short options ({@code -Vh}) or an argument file ({@code @args.txt}), which may hold anything.
     */
    static boolean recorded(String named, String[] args) {
        if (!CommandTable.has(named)) {
            return false;
        }
        for (String a : args) {
            if (a.equals("--")) {
                return true;
            }
            if (a.startsWith("@") || a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this command line may print help: the help texts' file is then read (picocli takes the
     * descriptions from it), and only then — a calc, explain, verify or test run without --help never
     * shows one, and its usage errors are one line and a hint. Usage help is otherwise printed by the
     * top command, help, and policy and ledger without a subcommand.
     */
    static boolean helpMayShow(String named, String[] args) {
        if (named == null || !java.util.Set.of("calc", "explain", "verify", "test").contains(named)) {
            return true;
        }
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--help") || a.startsWith("--help=") || a.startsWith("-h")) { // -h, -hV, --help=true
                return true;
            }
        }
        return false;
    }

    /**
     * The subcommand the arguments name, when it is one of ours other than {@code help}: the first
     * argument that is not one of the top command's options (or --lang's value); null otherwise, and then
     * every subcommand is added (a misspelt one gets its "did you mean", help lists them all).
     */
    static String named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang")) {
                i++;
            } else if (!a.startsWith("-")) {
                return SUBCOMMANDS.containsKey(a) && !a.equals("help") ? a : null;
            } else if (a.equals("--")) {
                return null;
            }
        }
        return null;
    }

    /**
     * A usage error's line. Ours are worded in the run's language where they are thrown; picocli's own are
     * English, and the common ones (an option missing, one unknown, a bad --lang) are said again in Chinese.
     */
    static String usageMessage(CommandLine.ParameterException e, Texts texts) {
        if (e instanceof CommandLine.MissingParameterException && !e.getCommandLine().isUnmatchedArgumentsAllowed()
                && !e.getCommandLine().getUnmatchedArguments().isEmpty()) {
            // calc --inpt firms.csv: the misspelt option is the mistake, not the --input it leaves out
            // (its value, unmatched too, is left out of the line)
            List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
            List<String> options = unmatched.stream().filter(a -> a.startsWith("-") && a.length() > 1).toList();
            e = new CommandLine.UnmatchedArgumentException(e.getCommandLine(), options.isEmpty() ? unmatched : options);
        }
        String line = usageLine(e, texts);
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            // A misspelt option or command: the closest of the command's own, as picocli finds it.
            List<String> close = u.getSuggestions();
            if (!close.isEmpty()) {
                return line + texts.get("cli.usage.did_you_mean", close.get(0));
            }
        }
        return line;
    }

    private static String usageLine(CommandLine.ParameterException e, Texts texts) {
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec o && LangOption.NAME.equals(o.longestName())
                && e.getValue() != null) {
            return texts.get("cli.lang_bad", e.getValue());
        }
        if (texts.lang() == Lang.EN) {
            return e.getMessage();
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            return texts.get("cli.usage.missing", String.join(", ", m.getMissing().stream().map(a ->
                    a instanceof CommandLine.Model.OptionSpec o ? "'" + o.longestName()
                            + (o.typeInfo().isBoolean() ? "" : "=" + o.paramLabel()) + "'"
                            : "'" + a.paramLabel() + "'").toList()));
        }
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec o && o.type() == java.time.LocalDate.class
                && e.getValue() != null) {
            try { // DateConverter has no language: the date's problem said again in the run's
                subsidy.input.Dates.parse(e.getValue(), texts);
            } catch (IllegalArgumentException why) {
                return texts.get("cli.usage.invalid_value", o.longestName(), why.getMessage());
            }
        }
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec o && e.getValue() != null
                && (o.type().isEnum() || o.type() == int.class || o.type() == long.class || o.type() == Integer.class
                        || o.type() == Long.class)) {
            // picocli's own conversions: a whole number, or one of an enum's values
            Class<?> t = o.type();
            java.util.List<String> allowed = new java.util.ArrayList<>();
            if (o.completionCandidates() != null) {
                o.completionCandidates().forEach(allowed::add);
            }
            return !allowed.isEmpty()
                    ? texts.get("cli.usage.bad_value_one_of", o.longestName(), e.getValue(), String.join(texts.get("cli.usage.list_separator"), allowed))
                    : t == int.class || t == long.class || t == Integer.class || t == Long.class
                    ? texts.get("cli.usage.bad_whole_number", o.longestName(), e.getValue())
                    : texts.get("cli.usage.bad_value", o.longestName(), e.getValue());
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException c
                && e.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
            return texts.get("cli.usage.invalid_value", o.longestName(), c.getMessage());
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return texts.get("cli.usage.unmatched", String.join(", ", u.getUnmatched().stream()
                    .map(a -> "'" + a + "'").toList()));
        }
        return e.getMessage();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), texts.get("cli.name_subcommand"));
    }

    /** --version in the run's language, on every command that has it. */
    private static void versions(CommandLine cl, Texts texts) {
        if (cl.getCommandSpec().versionProvider() instanceof VersionProvider) {
            cl.getCommandSpec().versionProvider(new VersionProvider(texts));
        }
        cl.getSubcommands().values().forEach(sub -> versions(sub, texts));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        private final Texts texts;

        VersionProvider() {
            this(Texts.EN);
        }

        VersionProvider(Texts texts) {
            this.texts = texts;
        }

        @Override
        public String[] getVersion() {
            String policy;
            try {
                // Its id, title and SHA-256 whatever the date: read as policy check reads it.
                Policy p = PolicyLoader.bundled(subsidy.policy.Resolution.CHECK);
                policy = texts.get("cli.version.policy", p.id(), p.title(), p.sha256().substring(0, 12));
            } catch (PolicyException e) {
                policy = texts.get("cli.version.unusable", e.message(texts));
            }
            return new String[] {texts.get("cli.version", Version.get(), Version.commit()), texts.get("cli.version.bundled", policy)};
        }
    }

    /**
     * A file name from the command line. Java decodes the command line in the locale's encoding, so under
     * {@code LC_ALL=C} a Chinese name arrives as question marks: say that, and what to do, in one line.
     */
    private static Path path(Texts texts, String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            String encoding = System.getProperty("sun.jnu.encoding", "");
            throw new CommandLine.TypeConversionException(encoding.toUpperCase(java.util.Locale.ROOT).contains("UTF")
                    ? texts.get("cli.file_name_unusable", name)
                    : texts.get("cli.file_name_unusable_locale", name, encoding));
        }
    }

    /**
     * A defect of ours, in one line without a class name or stack trace; {@code SUBSIDY_DEBUG=1} prints the
     * stack trace for the report of it.
     */
    private static int internalError(Std std, Texts texts, Throwable e) {
        std.messages.println(texts.get("cli.internal_error",
                e.getMessage() == null ? texts.get("cli.internal_error.no_detail") : e.getMessage()));
        if ("1".equals(System.getenv("SUBSIDY_DEBUG"))) {
            e.printStackTrace(std.messages);
        }
        return ExitCode.UNUSABLE;
    }

    /** Prints a problem the user can act on, without a stack trace. */
    static void fail(PrintWriter err, Texts texts, String message) {
        err.println(texts.get("cli.error", message));
        err.flush();
    }

    /** {@link #fail(PrintWriter, Texts, String)} in English. */
    static void fail(PrintWriter err, String message) {
        fail(err, Texts.EN, message);
    }
}
