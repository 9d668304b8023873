package subsidy.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import subsidy.Version;
import subsidy.config.Configuration;
import subsidy.text.Lang;
import subsidy.text.Texts;

/**
 * The man page, {@code subsidy(1)}, made from the command tree as {@code --help} shows it: every command's
 * synopsis, description, options, parameters, exit codes and the help's footer (examples, input columns),
 * in man(7) markup, in English or Chinese (the help texts of that language). The release archive ships
 * both ({@code man/man1/subsidy.1}, {@code man/zh/man1/subsidy.1}); the build makes them with {@link #main}.
 *
 * <p>picocli's own ManPageGenerator writes AsciiDoc, which needs Asciidoctor (Ruby, or JRuby from Maven
 * Central, some 40 MB) to become a man page; the markup of man(7) is small enough to write directly.
 */
public final class ManPage {
    private final Texts texts;
    private final StringBuilder out = new StringBuilder();

    private ManPage(Texts texts) {
        this.texts = texts;
    }

    /** The page in {@code language}. */
    public static String of(Lang language) {
        CommandLine root = Main.commandLine(new Std(new ByteArrayOutputStream(), new ByteArrayOutputStream()),
                Configuration.NONE, language, true);
        root.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return new ManPage(Texts.of(language)).page(root);
    }

    private String page(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        // No date: the same sources make the same page (the version names the build).
        line(".TH SUBSIDY 1 \"\" \"subsidy " + Version.get() + "\" \"" + escape(texts.get("cli.man.manual")) + "\"");
        if (texts.lang() == Lang.ZH) {
            line(".ad l"); // left-aligned: a line of Chinese has no spaces to stretch
        }
        section(texts.get("cli.man.name"));
        text("subsidy \\- " + escape(String.join(" ", spec.usageMessage().description())));
        section(texts.get("cli.man.synopsis"));
        synopsis(root);
        section(texts.get("cli.man.options"));
        options(spec);
        section(texts.get("cli.man.commands"));
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help")) {
                command(sub);
            }
        }
        section(texts.get("cli.man.environment"));
        for (String v : List.of("SUBSIDY_LANG", "SUBSIDY_POLICY", "SUBSIDY_LEDGER", "SUBSIDY_OUT", "SUBSIDY_DEBUG",
                "SUBSIDY_CDS", "SUBSIDY_SMALL_JIT")) {
            line(".TP");
            line("\\fB" + v + "\\fR");
            text(escape(texts.get("cli.man.env." + v.toLowerCase(java.util.Locale.ROOT))));
        }
        section(texts.get("cli.man.files"));
        line(".TP");
        line("\\fI~/.config/subsidy/config.yaml\\fR, \\fI./.subsidy.yaml\\fR");
        text(escape(texts.get("cli.man.files.config")));
        section(texts.get("cli.man.see_also"));
        text(escape(texts.get("cli.man.see_also.text")));
        return out.toString();
    }

    /** One command, and its own subcommands after it: synopsis, description, options, exit codes, footer. */
    private void command(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        line(".SS \"" + escape(spec.qualifiedName()) + "\"");
        synopsis(cl);
        text(escape(String.join(" ", spec.usageMessage().description())));
        options(spec);
        Map<String, String> codes = spec.usageMessage().exitCodeList();
        if (!codes.isEmpty()) {
            line(".PP");
            line("\\fB" + escape(texts.get("cli.man.exit_codes")) + "\\fR");
            for (Map.Entry<String, String> c : codes.entrySet()) {
                line(".TP");
                line(escape(c.getKey().strip()));
                text(escape(c.getValue().strip()));
            }
        }
        String footer = cl.getHelp().footer();
        if (!footer.isBlank()) {
            line(".PP");
            line(".nf");
            text(escape(footer.strip()));
            line(".fi");
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            command(sub);
        }
    }

    private void synopsis(CommandLine cl) {
        line(".nf");
        text(escape(cl.getHelp().synopsis(0).strip()));
        line(".fi");
    }

    private void options(CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            line(".TP");
            StringBuilder names = new StringBuilder();
            for (String n : o.names()) {
                if (names.length() > 0) {
                    names.append(", ");
                }
                names.append("\\fB").append(escape(n)).append("\\fR");
            }
            if (o.arity().max() > 0) {
                names.append("=\\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            line(names.toString());
            text(escape(String.join(" ", o.description())));
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            line(".TP");
            line("\\fI" + escape(p.paramLabel()) + "\\fR");
            text(escape(String.join(" ", p.description())));
        }
    }

    private void section(String name) {
        line(".SH \"" + escape(name) + "\"");
    }

    /** A paragraph's text, a line of it starting with a dot or quote kept from being read as a request. */
    private void text(String s) {
        s.lines().forEach(l -> line(l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l));
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    /**
     * Text as man(7) prints it literally: a backslash as \e, a hyphen as \-, picocli's %n a line, and
     * every character beyond ASCII as \[uXXXX], so that the page is ASCII and any troff reads it; after a
     * Chinese character \: (a place a line may break, as Chinese writes no spaces).
     */
    static String escape(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-").replace("%n", "\n");
        StringBuilder b = new StringBuilder(t.length());
        t.codePoints().forEach(c -> {
            if (c < 128) {
                b.appendCodePoint(c);
            } else {
                b.append("\\[u").append(String.format("%04X", c)).append(']');
                if (c >= 0x2E80) {
                    b.append("\\:"); // Chinese has no spaces: a place troff may break the line
                }
            }
        });
        return b.toString();
    }

    /**
     * The build's step: writes the English page to the first path and the Chinese one to the second.
     *
     * @param args the English page's file, the Chinese page's file
     */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), of(Lang.EN));
        write(Path.of(args[1]), of(Lang.ZH));
    }

    private static void write(Path file, String page) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, page.getBytes(StandardCharsets.UTF_8));
    }
}
