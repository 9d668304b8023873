package subsidy.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * One language's message catalogue: every text a user reads, by key. The catalogue is a set of
 * UTF-8 properties files under {@code subsidy/text/}, one per area of the code and language
 * ({@code reasons_en.properties}, {@code reasons_zh.properties}); each key starts with its area's name
 * ({@code reasons.no_rent}). A value is a template whose {@code {0}}, {@code {1}} … are replaced by the
 * arguments: a {@link Text} rendered in this language, a {@link BigDecimal} as plain digits, null as
 * nothing, anything else as {@link String#valueOf(Object)}. Nothing else is special: no quoting rules,
 * no number formats, so an English template renders the bytes it shows.
 *
 * <p>The catalogue is read once per language, when a message of it is first asked for, and is then
 * immutable; any thread may use it.
 * {@code TextsTest} fails when a key exists in one language only or their placeholders differ.
 */
public final class Texts {
    /** The areas, one pair of files each. A new area is a line here and its two files. */
    public static final List<String> AREAS = List.of("reasons", "input", "policy", "cli", "run", "ledger",
            "audit", "cases", "report", "workbook", "citations", "household", "hires");

    public static final Texts EN = new Texts(Lang.EN);
    public static final Texts ZH = new Texts(Lang.ZH);

    private final Lang lang;
    /**
     * Each area's messages, read when a key of that area is first asked for: a run in one language never
     * reads the other's files, and a calc run never reads the ledger's or the cases' (start-up).
     */
    private final Map<String, Area> areas = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Each message compiled, by key, when first used: a report row asks for a dozen notes, so a key is
     * looked up once here rather than cut into its area and looked up twice (the catalogue was some 4%
     * of a 100,000-row run's CPU under a profiler).
     */
    private final Map<String, Template> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    /** One area's messages as its file holds them. */
    private record Area(Map<String, String> raw) {
    }

    private Texts(Lang lang) {
        this.lang = lang;
    }

    /** The area of {@code key} (what precedes its first dot), read if it was not; null when no area is named so. */
    private Area area(String key) {
        int dot = key.indexOf('.');
        String name = dot < 0 ? key : key.substring(0, dot);
        return AREAS.contains(name) ? named(name) : null;
    }

    /** The area {@code name} (one of {@link #AREAS}), read if it was not. */
    private Area named(String name) {
        return areas.computeIfAbsent(name, a -> {
            Map<String, String> values = new HashMap<>();
            read(a, lang, values);
            return new Area(Collections.unmodifiableMap(values));
        });
    }

    private Template template0(String key) {
        Template t = compiled.get(key);
        if (t == null) {
            String raw = template(key);
            if (raw == null) {
                return null;
            }
            t = Template.compile(raw); // two threads may both compile it: the same immutable template
            compiled.put(key, t);
        }
        return t;
    }

    /** Every message of every area. */
    private Map<String, String> all() {
        Map<String, String> out = new HashMap<>();
        for (String a : AREAS) {
            out.putAll(named(a).raw());
        }
        return out;
    }

    public static Texts of(Lang lang) {
        return lang == Lang.ZH ? ZH : EN;
    }

    public Lang lang() {
        return lang;
    }

    /** The message {@code key} with its arguments put in. A key the catalogue lacks is a defect. */
    public String get(String key, Object... args) {
        Template t = template0(key);
        if (t == null) {
            throw new IllegalStateException("no message " + key + " in the " + lang.code() + " catalogue");
        }
        return t.render(this, args);
    }

    public boolean has(String key) {
        return template0(key) != null;
    }

    /** Every key, sorted. */
    public Set<String> keys() {
        return new TreeSet<>(all().keySet());
    }

    /** The template as the catalogue holds it, placeholders unfilled. */
    public String template(String key) {
        Area a = area(key);
        return a == null ? null : a.raw().get(key);
    }

    /** How an argument is written into a message. */
    public String arg(Object a) {
        if (a == null) {
            return "";
        }
        if (a instanceof Text t) {
            return t.in(this);
        }
        if (a instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(a);
    }

    private static void read(String area, Lang lang, Map<String, String> into) {
        String name = "/subsidy/text/" + area + "_" + lang.code() + ".properties";
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the message catalogue " + name + " is missing from the build");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String k : p.stringPropertyNames()) {
                if (!k.startsWith(area + ".")) {
                    throw new IllegalStateException(name + ": key " + k + " does not start with " + area + ".");
                }
                into.put(k, p.getProperty(k));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template cut once into literal pieces and argument numbers. */
    static final class Template {
        private final String[] pieces; // literal text; between two pieces, the argument args[index[i]]
        private final int[] index;

        private Template(String[] pieces, int[] index) {
            this.pieces = pieces;
            this.index = index;
        }

        static Template compile(String s) {
            List<String> pieces = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            StringBuilder lit = new StringBuilder();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '{') {
                    int j = i + 1;
                    while (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
                        j++;
                    }
                    if (j > i + 1 && j < s.length() && s.charAt(j) == '}' && j - i <= 3) {
                        pieces.add(lit.toString());
                        lit.setLength(0);
                        index.add(Integer.parseInt(s.substring(i + 1, j)));
                        i = j + 1;
                        continue;
                    }
                }
                lit.append(c);
                i++;
            }
            pieces.add(lit.toString());
            return new Template(pieces.toArray(String[]::new), index.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The argument numbers the template uses, sorted, each once. */
        Set<Integer> placeholders() {
            Set<Integer> s = new TreeSet<>();
            for (int i : index) {
                s.add(i);
            }
            return s;
        }

        String render(Texts texts, Object[] args) {
            if (index.length == 0) {
                return pieces[0];
            }
            StringBuilder b = new StringBuilder(pieces[0]);
            for (int i = 0; i < index.length; i++) {
                int n = index[i];
                b.append(args != null && n < args.length ? texts.arg(args[n]) : "{" + n + "}");
                b.append(pieces[i + 1]);
            }
            return b.toString();
        }
    }

    /** For the catalogue's test: the argument numbers {@code key}'s template uses. */
    public Set<Integer> placeholders(String key) {
        Template t = template0(key);
        return t == null ? Set.of() : t.placeholders();
    }
}
