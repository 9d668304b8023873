package subsidy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import subsidy.config.Configuration;
import subsidy.text.Lang;
import subsidy.text.Texts;

/**
 * {@code --lang zh|en}, on every command: the language of the help, the messages and (once the core takes
 * it) the outputs. When not given, the configuration's ({@code lang:} in a configuration file, or
 * {@code SUBSIDY_LANG}: {@link Configuration}); English when that sets none. Never taken from the locale
 * or LANG/LC_*, so that cron and a clerk's shell write the same bytes.
 *
 * <p>{@link Main} looks at the command line for {@code --lang} before picocli parses it ({@link #prescan}),
 * so that the help, a usage error and the option given to the top command ({@code subsidy --lang zh calc})
 * are in that language too; a subcommand's own {@code --lang} wins.
 */
final class LangOption {
    static final String NAME = "--lang";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = NAME, paramLabel = "LANG", converter = Converter.class,
            description = "The language of the help, the messages and the outputs: zh or en (default: en).")
    Lang lang;

    /**
     * The catalogue of the language asked for here, or on the top command, or by the configuration
     * ({@link Main#texts} holds the last two), or English.
     */
    Texts texts() {
        if (lang != null) {
            return Texts.of(lang);
        }
        return spec != null && spec.root().userObject() instanceof Main m ? m.texts : Texts.EN;
    }

    /** The catalogue of the command's --lang (the {@link LangOption} mixed into it), for its other mixins. */
    static Texts of(CommandLine.Model.CommandSpec command) {
        for (CommandLine.Model.CommandSpec m : command.mixins().values()) {
            if (m.userObject() instanceof LangOption l) {
                return l.texts();
            }
        }
        return command.root().userObject() instanceof Main main ? main.texts : Texts.EN;
    }

    /**
     * The language the command line asks for: the last {@code --lang X} or {@code --lang=X} before a
     * {@code --}, English when none (or an unknown value, which the parse then refuses).
     */
    static Lang prescan(String... args) {
        return prescan(Configuration.NONE, args);
    }

    /**
     * The language of the run before the command line is parsed: the command line's {@code --lang}
     * ({@link #prescan(String...)}), else the configuration's, else English.
     */
    static Lang prescan(Configuration configuration, String... args) {
        Lang asked = asked(args);
        if (asked != null) {
            return asked;
        }
        Lang configured = configuration == null ? null : configuration.lang();
        return configured == null ? Lang.EN : configured;
    }

    /** The last known {@code --lang X} or {@code --lang=X} before a {@code --}; null when none. */
    private static Lang asked(String... args) {
        Lang found = null;
        for (int i = 0; args != null && i < args.length; i++) {
            String a = args[i];
            if (a == null || a.equals("--")) {
                break;
            }
            String value = a.equals(NAME) && i + 1 < args.length ? args[++i]
                    : a.startsWith(NAME + "=") ? a.substring(NAME.length() + 1) : null;
            Lang l = value == null ? null : Lang.parse(value);
            if (l != null) {
                found = l;
            }
        }
        return found;
    }

    /** {@link Lang#parse}; an unknown value is a usage error, worded by Main's handler in the run's language. */
    static final class Converter implements CommandLine.ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            Lang l = Lang.parse(value);
            if (l == null) {
                throw new CommandLine.TypeConversionException(Texts.EN.get("cli.lang_bad", value));
            }
            return l;
        }
    }
}
