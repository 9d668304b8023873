package subsidy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import subsidy.text.Lang;

/**
 * The help texts (command descriptions, option descriptions, headings) in one language, as picocli's
 * resource bundle: {@code subsidy/text/help/help_en.properties} and {@code help_zh.properties}, UTF-8,
 * keys as picocli looks them up ({@code subsidy.calc.usage.description}, {@code subsidy.calc.out}).
 * Read from the file of the language asked for, never through {@link ResourceBundle#getBundle}, which
 * would fall back to the JVM's locale.
 */
final class HelpTexts {
    private HelpTexts() {
    }

    static String resource(Lang lang) {
        return "/subsidy/text/help/help_" + lang.code() + ".properties";
    }

    static ResourceBundle bundle(Lang lang) {
        String name = resource(lang);
        try (InputStream in = HelpTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the help texts " + name + " are missing from the build");
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
