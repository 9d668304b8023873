package subsidy.policy;

import java.util.ArrayList;
import java.util.List;
import subsidy.policy.yaml.Fields;

/**
 * A policy document the rules cite: its file ({@code seeds/…}, relative to the repository root),
 * what it is (its title; its 文号 {@code number} and {@code issuer} where the text gives them), and,
 * when the file is a compilation of several documents, each of them ({@link Document}): the
 * document a passage is in is the last one that starts at or before the passage's offset.
 */
public record Source(String key, String file, String title, String number, String issuer, List<Document> documents) {
    /** A source that is one document, with no number or issuer given. */
    public Source(String key, String file, String title) {
        this(key, file, title, null, null, List.of());
    }

    public Source {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /**
     * One document of a compilation: where its text starts in the file ({@code at}, characters from
     * 0), its title, and its 文号 and issuer where the text gives them (else null).
     */
    public record Document(String key, int at, String title, String number, String issuer) {
    }

    /**
     * The document the passage at {@code at} is in: the last of {@link #documents()} that starts at or
     * before it; the source itself (starting at 0) when it has none or the offset precedes them all.
     */
    public Document document(Integer at) {
        Document found = new Document(key, 0, title, number, issuer);
        if (at == null) {
            return documents.isEmpty() ? found : documents.get(0);
        }
        for (Document d : documents) {
            if (d.at() <= at && d.at() >= found.at()) {
                found = d;
            }
        }
        return found;
    }

    /**
     * A source as a policy file writes it under {@code sources:}: {@code file} and {@code title},
     * optionally {@code number} and {@code issuer}, and {@code documents} (a mapping of keys to
     * {@code at}, {@code title}, optionally {@code number} and {@code issuer}).
     */
    static Source read(String key, Fields s, subsidy.policy.yaml.Problems problems) {
        String file = s.text("file", true);
        String title = s.text("title", true);
        String number = s.text("number", false);
        String issuer = s.text("issuer", false);
        List<Document> documents = new ArrayList<>();
        Fields docs = s.fields("documents", false);
        if (docs != null) {
            for (String k : docs.keys()) {
                Fields d = docs.fields(k, true);
                if (d == null) {
                    continue;
                }
                Long at = d.integer("at", true);
                String t = d.text("title", true);
                String n = d.text("number", false);
                String i = d.text("issuer", false);
                if (at != null && at > Integer.MAX_VALUE) {
                    problems.add("policy.source.bad_offset", d.keyAt("at"), at);
                    at = null;
                }
                if (at != null && t != null) {
                    documents.add(new Document(k, at.intValue(), t, n, i));
                }
                d.finish();
            }
            docs.finish();
        }
        s.finish();
        return new Source(key, file, title, number, issuer, documents);
    }
}
