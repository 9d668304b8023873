package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import subsidy.text.Lang;

/**
 * The help texts' two files: every text the help shows has its key in both languages, with the same
 * picocli variables and line breaks. (That English reads as before is {@link EnglishHelpTest}.)
 * help_en.properties was written from the annotations (their texts as they were), with picocli's
 * ${DEFAULT-VALUE} put back where the annotations have it.
 */
class HelpTextsTest {
    private static final String STANDARD_HELP = "Show this help message and exit.";
    private static final String STANDARD_VERSION = "Print version information and exit.";
    private static final String HELP = "mixinStandardHelpOptions.help";
    private static final String VERSION = "mixinStandardHelpOptions.version";

    /** Every help text of the command tree as the annotations have it, by the key picocli looks it up with. */
    /** The default value of the option a key describes, for the ${DEFAULT-VALUE} its description shows. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static Map<String, String> annotated() {
        CommandLine cl = Main.commandLine(new Std(new ByteArrayOutputStream(), new ByteArrayOutputStream()), Lang.EN,
                false);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("usage.synopsisHeading", "Usage: ");
        keys.put("usage.commandListHeading", "Commands:%n");
        keys.put(HELP, STANDARD_HELP);
        keys.put(VERSION, STANDARD_VERSION);
        collect(cl, keys);
        return keys;
    }

    private static void collect(CommandLine cl, Map<String, String> keys) {
        CommandSpec spec = cl.getCommandSpec();
        String q = spec.qualifiedName(".") + ".";
        CommandLine.Model.UsageMessageSpec u = spec.usageMessage();
        lines(keys, q + "usage.header", u.header());
        lines(keys, q + "usage.description", u.description());
        if (!"Usage: ".equals(u.synopsisHeading())) {
            keys.put(q + "usage.synopsisHeading", u.synopsisHeading());
        }
        if (!u.descriptionHeading().isEmpty()) {
            keys.put(q + "usage.descriptionHeading", u.descriptionHeading());
        }
        if (!u.exitCodeListHeading().isEmpty()) {
            keys.put(q + "usage.exitCodeListHeading", u.exitCodeListHeading());
            int i = 0;
            for (Map.Entry<String, String> e : u.exitCodeList().entrySet()) {
                keys.put(q + "usage.exitCodeList." + i++, e.getKey().strip() + ":" + e.getValue());
            }
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            String key = o.descriptionKey().isEmpty() ? o.longestName().replaceFirst("^-+", "") : o.descriptionKey();
            String text = String.join("%n", o.description());
            if (key.equals(HELP) && text.equals(STANDARD_HELP) || key.equals(VERSION)
                    && text.equals(STANDARD_VERSION)) {
                continue;
            }
            keys.put(q + key, text);
            if (o.defaultValue() != null) {
                DEFAULTS.put(q + key, o.defaultValue());
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            String key = p.descriptionKey().isEmpty() ? p.paramLabel() + "[" + p.index() + "]" : p.descriptionKey();
            keys.put(q + key, String.join("%n", p.description()));
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, keys));
    }

    private static void lines(Map<String, String> keys, String key, String[] lines) {
        if (lines.length == 1) {
            keys.put(key, lines[0]);
        } else {
            for (int i = 0; i < lines.length; i++) {
                keys.put(key + "." + i, lines[i]);
            }
        }
    }

    static Properties read(Lang lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = HelpTexts.class.getResourceAsStream(HelpTexts.resource(lang))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyHelpTextHasItsKeyInEnglishAndInChinese() throws IOException {
        Set<String> wanted = annotated().keySet();
        for (Lang lang : Lang.values()) {
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(read(lang).stringPropertyNames());
            assertTrue(missing.isEmpty(), "help_" + lang.code() + " lacks " + missing);
        }
    }

    @Test
    void theTwoLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(read(Lang.EN).stringPropertyNames()), new TreeSet<>(read(Lang.ZH).stringPropertyNames()));
    }

    /** The annotations keep the English texts beside the options, for the reader of the code: the two must agree. */
    @Test
    void englishHelpTextsAreTheAnnotationsTexts() throws IOException {
        Properties en = read(Lang.EN);
        annotated().forEach((k, v) -> assertEquals(v, en.getProperty(k, "").replace("${DEFAULT-VALUE}",
                DEFAULTS.getOrDefault(k, "${DEFAULT-VALUE}")), k));
    }

    private static final Pattern SPECIAL = Pattern.compile("\\$\\{[A-Z-]+}|%n|%%");

    @Test
    void eachTextHasTheSameVariablesAndLineBreaksInBothLanguages() throws IOException {
        Properties en = read(Lang.EN);
        Properties zh = read(Lang.ZH);
        for (String k : en.stringPropertyNames()) {
            assertEquals(special(en.getProperty(k)), special(zh.getProperty(k, "")), k);
        }
    }

    private static List<String> special(String s) {
        List<String> found = new ArrayList<>();
        Matcher m = SPECIAL.matcher(s);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
