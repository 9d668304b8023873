package subsidy.policy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import subsidy.text.Lang;
import subsidy.text.Texts;

/**
 * One clause as it is written in a policy file: where ({@code programs.x.versions[0].source[1]}, line)
 * and what it cites. A policy keeps every one it read, of every version and dated value, of the
 * firm-size table and the region lists too, whichever is in force, so that all can be checked
 * against their sources ({@link Citations}).
 *
 * <p>The static methods write a clause as a reader cites it. In Chinese it is the document and the
 * article, the seed offset kept as a secondary locator:
 * {@code 《元江县进一步帮扶中小微企业纾困发展稳岗就业专项行动实施方案》二、（三） [seed003 @10666]}. In
 * English it is what it always was, {@code seed003 @10666}, so that English output stays as it was;
 * {@link #readable} gives the document-and-article form in either language.
 */
public record Citation(String path, int line, Clause clause) {
    /** The form of details.csv: {@code seed003 @10666} in English; the document, article and locator in Chinese. */
    public static String cite(Map<String, Source> sources, Clause c, Texts texts) {
        return texts.lang() == Lang.EN ? c.label() : readable(sources, c, texts);
    }

    /** Several clauses (a program's), each as {@link #cite(Map, Clause, Texts)}, in one cell. */
    public static String cite(Map<String, Source> sources, List<Clause> clauses, Texts texts) {
        return clauses.stream().map(c -> cite(sources, c, texts))
                .collect(Collectors.joining(texts.get("citations.separator")));
    }

    /** The document, article and locator, in either language: 《title》（number）article [seed003 @10666]. */
    public static String readable(Map<String, Source> sources, Clause c, Texts texts) {
        return texts.get("citations.short", document(sources, c, texts), article(c), c.label());
    }

    /** The form of {@code policy show}, with the words: {@code seed003 @10666 「…」} in English. */
    public static String quote(Map<String, Source> sources, Clause c, Texts texts) {
        if (texts.lang() == Lang.EN) {
            return texts.get("citations.locator_quote", c.label(), c.words());
        }
        return texts.get("citations.quote", document(sources, c, texts), article(c), c.label(), c.words());
    }

    /** The form of {@code explain}, with the file: {@code seed003 @10666 (seeds/003_….txt) 「…」} in English. */
    public static String explain(Map<String, Source> sources, Clause c, Texts texts) {
        Source s = sources.get(c.seed());
        String file = s == null ? c.seed() : s.file();
        if (texts.lang() == Lang.EN) {
            return texts.get("citations.locator_explain", c.label(), file, c.words());
        }
        return texts.get("citations.explain", document(sources, c, texts), article(c), c.label(), c.words(), file);
    }

    /** 《title》（number） of the document the passage is in; the seed key when the source is unknown. */
    private static String document(Map<String, Source> sources, Clause c, Texts texts) {
        Source s = sources.get(c.seed());
        if (s == null) {
            return c.seed();
        }
        Source.Document d = s.document(c.at());
        String title = texts.get("citations.title", d.title());
        return d.number() == null ? title : title + texts.get("citations.number", d.number());
    }

    private static String article(Clause c) {
        return c.article() == null ? "" : c.article();
    }
}
