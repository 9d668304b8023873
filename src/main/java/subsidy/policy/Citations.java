package subsidy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import subsidy.input.Escape;
import subsidy.input.IoProblem;
import subsidy.text.Msg;
import subsidy.text.Texts;

/**
 * Checks that every passage a policy cites stands, word for word, in its source document at its
 * offset: {@code {seed: seed003, at: 10666, words: "…"}} means the text of seed003's file, from its
 * 10,666th character (counted from 0), begins with those words. Every citation the file holds is
 * checked ({@link Policy#citations()}: all versions and dated values, the firm-size table, groups
 * and region lists, whichever is in force).
 *
 * <p>Offsets count characters (Unicode code points) of the UTF-8 text, not bytes. The shipped
 * sources hold no character beyond U+FFFF, so this is also the index of a Java string, as the
 * earlier tests computed it.
 *
 * <p>A source's {@code file} ({@code seeds/003_….txt}, relative to the repository root) is looked
 * for by its name in the folder given ({@code seeds/}, or a copy of it elsewhere).
 */
public final class Citations {
    /** Characters quoted either side of what stands at a wrong offset. */
    static final int AROUND = 10;
    /** Offsets named where the words stand elsewhere; past these, how many more. */
    static final int PLACES = 5;
    /** The most bytes a source may have; the shipped ones have some 100 KiB. */
    private static final int MAX_BYTES = 64 << 20;

    private Citations() {
    }

    /**
     * Every problem of the policy's citations against the sources in {@code dir}, each as
     * {@code path (line N): seed003 @10666 …: what is wrong}, control characters escaped; none when
     * every passage stands at its offset. In the order of the file's lines.
     */
    public static List<String> check(Policy policy, Path dir) {
        return check(policy, dir, Texts.EN);
    }

    /** As {@link #check(Policy, Path)}, each problem in the language of {@code texts}. */
    public static List<String> check(Policy policy, Path dir, Texts texts) {
        return check(policy.sources(), policy.citations(), dir, texts);
    }

    /** As {@link #check(Policy, Path)}, thrown as the policy's problems when there are any. */
    public static void require(Policy policy, Path dir) throws PolicyException {
        require(policy, dir, Texts.EN);
    }

    /** As {@link #require(Policy, Path)}, the problems in the language of {@code texts}. */
    public static void require(Policy policy, Path dir, Texts texts) throws PolicyException {
        List<String> problems = check(policy, dir, texts);
        if (!problems.isEmpty()) {
            throw new PolicyException(policy.origin(), problems);
        }
    }

    static List<String> check(Map<String, Source> sources, List<Citation> citations, Path dir) {
        return check(sources, citations, dir, Texts.EN);
    }

    static List<String> check(Map<String, Source> sources, List<Citation> citations, Path dir, Texts t) {
        Map<String, Text> texts = new HashMap<>();
        List<String> problems = new ArrayList<>();
        // In the order of the file's lines, as a clerk fixes them (the loader reads firm_size first).
        for (Citation c : citations.stream().sorted(Comparator.comparingInt(Citation::line)).toList()) {
            Msg problem = problem(c, sources, texts, dir);
            if (problem != null) {
                problems.add(Escape.controls(t.get("citations.problem", c.path(), c.line(), c.clause().label(),
                        problem)));
            }
        }
        return problems;
    }

    /** A source file read: its text, or why it could not be. */
    private record Text(String text, Msg unusable) {
    }

    private static Msg problem(Citation c, Map<String, Source> sources, Map<String, Text> texts, Path dir) {
        Clause clause = c.clause();
        Source source = sources.get(clause.seed());
        if (source == null) {
            return Msg.of("citations.unknown_source", clause.seed(), sources.keySet().toString());
        }
        Text t = texts.computeIfAbsent(source.key(), k -> read(source, dir));
        if (t.unusable() != null) {
            return t.unusable();
        }
        String text = t.text();
        String words = clause.words();
        Integer at = clause.at();
        String file = source.file();
        if (words.isEmpty()) {
            return Msg.of("citations.no_words");
        }
        if (at == null) {
            return Msg.of("citations.no_offset", elsewhere(text, words, -1, file));
        }
        int length = text.codePointCount(0, text.length());
        if (at < 0 || at >= length) {
            return Msg.of("citations.outside", file, length, elsewhere(text, words, -1, file));
        }
        int start = text.offsetByCodePoints(0, at);
        if (text.startsWith(words, start)) {
            return articleProblem(clause, source, text, start, file);
        }
        // Where they part, and a few characters either side of it in both, so that the two read alike
        // up to the difference: a misquoted figure, or the text of a shifted offset.
        int agree = 0;
        while (start + agree < text.length() && agree < words.length()
                && text.charAt(start + agree) == words.charAt(agree)) {
            agree++;
        }
        if (agree > 0 && Character.isHighSurrogate(words.charAt(agree - 1))) {
            agree--;
        }
        int agreed = words.codePointCount(0, agree);
        int left = Math.min(AROUND, agreed);
        int quoted = words.offsetByCodePoints(agree, -left);
        int read = text.offsetByCodePoints(start + agree, -left);
        return Msg.of("citations.misquoted", file, at,
                agreed == 0 ? Msg.of("citations.differ_first") : Msg.of("citations.part_after", agreed),
                window(words, quoted, agree), at + agreed - left, window(text, read, start + agree),
                elsewhere(text, words, at, file));
    }

    /**
     * Null when the clause names no article or the one the headings before its offset read; else what
     * is wrong.
     */
    private static Msg articleProblem(Clause clause, Source source, String text, int start, String file) {
        if (clause.article() == null) {
            return null;
        }
        Source.Document doc = source.document(clause.at());
        int length = text.codePointCount(0, text.length());
        if (doc.at() > length) {
            return Msg.of("citations.document_outside", doc.key(), source.key(), doc.at(), file, length);
        }
        String found = article(text, text.offsetByCodePoints(0, doc.at()), start);
        String given = normalize(clause.article());
        if (given.equals(found)) {
            return null;
        }
        return Msg.of("citations.wrong_article", clause.article(), clause.at(), file, found);
    }

    /** Chinese numerals as headings write them. */
    private static final String NUMERALS = "一二三四五六七八九十";
    /**
     * A heading at the start of a paragraph (or after a space, as one-line texts separate them):
     * 第五条 or 二、 (level 1), （三） (2), 3. or 3、 (3), （3） (4); either width of parenthesis.
     */
    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile(
            "(?<![^\\n \u3000])(?:(?<art>第[" + NUMERALS + "百零]+条)|(?<l1>[" + NUMERALS + "]+、)|(?<l2>[（(]["
            + NUMERALS + "]+[）)])|(?<l3>[0-9]{1,2}[.．、](?![0-9]))|(?<l4>[（(][0-9]{1,2}[）)]))");
    private static final String[] GROUPS = {"art", "l1", "l2", "l3", "l4"};
    private static final int[] LEVELS = {1, 1, 2, 3, 4};
    /** A heading's paragraph that is a title (this short, no full stop) heads the paragraphs after it. */
    static final int TITLE = 40;

    /**
     * The article or paragraph a passage at {@code at} (a string index) stands in, within the document
     * that starts at {@code start}: the headings that enclose it, outermost first ({@code 二、（三）},
     * {@code （一）1.}), parentheses written full width; {@code 第N段} (its paragraph, counting the
     * document's non-blank lines) when none does.
     *
     * <p>Going back from the passage, the nearest heading of each level higher than the last one taken
     * encloses it when it stands in the passage's paragraph, or when its own paragraph is a title (at
     * most {@value #TITLE} characters and no 。；;) or ends in a colon, as 「四、工作措施」 heads the items
     * after it, or when it precedes a deeper heading taken (「7. 进一步减轻市场主体负担。」 heads its
     * 「(3)」); an item of full sentences ends with its paragraph, yet still closes the earlier headings
     * of its level.
     */
    public static String article(String text, int start, int at) {
        java.util.regex.Matcher m = HEADING.matcher(text);
        m.region(start, Math.min(text.length(), at + 8));
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        List<int[]> heads = new ArrayList<>(); // start, end, level, group
        while (m.find()) {
            if (m.start() > at) {
                continue;
            }
            for (int g = 0; g < GROUPS.length; g++) {
                if (m.group(GROUPS[g]) != null) {
                    heads.add(new int[] {m.start(), m.end(), LEVELS[g], g});
                    break;
                }
            }
        }
        List<String> out = new ArrayList<>();
        int level = Integer.MAX_VALUE;
        for (int i = heads.size() - 1; i >= 0; i--) {
            int[] h = heads.get(i);
            if (h[2] >= level) {
                continue;
            }
            boolean samePara = text.indexOf('\n', h[0]) < 0 || text.indexOf('\n', h[0]) >= at;
            if (samePara || !out.isEmpty() || titled(text, h[1])) {
                out.add(0, normalize(text.substring(h[0], h[1])));
            }
            level = h[2];
        }
        if (!out.isEmpty()) {
            return String.join("", out);
        }
        int paragraphs = 1;
        int lineStart = start;
        for (int i = start; i < at; i++) {
            if (text.charAt(i) == '\n') {
                if (!text.substring(lineStart, i).isBlank()) {
                    paragraphs++;
                }
                lineStart = i + 1;
            }
        }
        return "第" + paragraphs + "段";
    }

    private static boolean titled(String text, int end) {
        int stop = text.indexOf('\n', end);
        String rest = text.substring(end, stop < 0 ? text.length() : stop);
        String r = rest.strip();
        return r.endsWith("：") || r.endsWith(":")
                || rest.length() <= TITLE && rest.chars().noneMatch(c -> c == '。' || c == '；' || c == ';');
    }

    /** An article as written, compared as the headings read: no spaces, parentheses full width. */
    static String normalize(String article) {
        return article.strip().replace(" ", "").replace("\u3000", "").replace('(', '（').replace(')', '）')
                .replace('．', '.');
    }

    /** The text from {@code from} to {@link #AROUND} characters past {@code at}, "…" where it goes on. */
    private static String window(String text, int from, int at) {
        int to = end(text, at, AROUND);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    /** The index {@code count} characters after {@code start}, or the end of the text. */
    private static int end(String text, int start, int count) {
        int left = text.codePointCount(start, text.length());
        return text.offsetByCodePoints(start, Math.min(count, left));
    }

    /** Where else the words stand, so that a shifted offset can be put right. */
    private static Msg elsewhere(String text, String words, int at, String file) {
        List<Integer> places = new ArrayList<>();
        int count = 0;
        for (int i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1)) {
            int offset = text.codePointCount(0, i);
            if (offset != at) {
                count++;
                if (places.size() < PLACES) {
                    places.add(offset);
                }
            }
        }
        if (places.isEmpty()) {
            return Msg.of("citations.nowhere", file);
        }
        List<subsidy.text.Text> named = new ArrayList<>(places.stream()
                .map(p -> (subsidy.text.Text) tx -> "@" + p).toList());
        if (count > places.size()) {
            named.add(Msg.of("citations.more_places", count - places.size()));
        }
        subsidy.text.Text list = tx -> {
            List<String> in = named.stream().map(n -> n.in(tx)).toList();
            return in.size() == 1 ? in.get(0) : tx.get("citations.places", String.join(tx.get("citations.list_comma"),
                    in.subList(0, in.size() - 1)), in.get(in.size() - 1));
        };
        return Msg.of("citations.stand_at", list, file);
    }

    private static Text read(Source source, Path dir) {
        Path name;
        try {
            name = Path.of(source.file()).getFileName();
        } catch (InvalidPathException e) {
            name = null;
        }
        if (name == null || name.toString().isEmpty()) {
            return new Text(null, Msg.of("citations.not_a_file_name", source.file(), source.key()));
        }
        Path path = dir.resolve(name);
        if (Files.isDirectory(path)) {
            return new Text(null, Msg.of("citations.directory", source.file(), dir, path));
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return new Text(null, Msg.of("citations.too_big", path, MAX_BYTES >> 20));
            }
            return new Text(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Text(null, Msg.of("citations.not_utf8", path));
        } catch (NoSuchFileException e) {
            return new Text(null, Msg.of("citations.missing", source.file(), dir, path));
        } catch (IOException e) {
            return new Text(null, Msg.of("citations.unreadable", path, IoProblem.describe(e)));
        }
    }
}
