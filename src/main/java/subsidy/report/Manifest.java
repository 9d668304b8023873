package subsidy.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import subsidy.Version;
import subsidy.calc.Totals;
import subsidy.input.InputStats;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.text.Lang;

/**
 * manifest.json: what a run read and what it wrote, so an auditor can tell whether a report still
 * matches its inputs and policy. No timestamps: the same run gives the same bytes.
 */
public final class Manifest {
    private Manifest() {
    }

    /** The public-notice list written outside --out, named in the manifest beside the files in it. */
    public record Notice(String file, String sha256) {
    }

    public static void write(Policy policy, Totals t, Map<String, String> files, Writer out) throws IOException {
        write(policy, t, files, null, out);
    }

    /** @param notice the notice list outside the directory, or null */
    public static void write(Policy policy, Totals t, Map<String, String> files, Notice notice, Writer out)
            throws IOException {
        write(policy, t, files, notice, null, out);
    }

    /** @param ledger the run's batch in a ledger ({@code ledger}: location, id, period, batch, …), or null */
    public static void write(Policy policy, Totals t, Map<String, String> files, Notice notice,
            Map<String, Object> ledger, Writer out) throws IOException {
        write(policy, t, files, notice, ledger, null, out);
    }

    /**
     * @param lang the language the run wrote its files in, recorded as {@code "lang": "en"} or {@code "zh"}
     *             after the version; null records none (the manifest as written before runs had a language)
     */
    public static void write(Policy policy, Totals t, Map<String, String> files, Notice notice,
            Map<String, Object> ledger, Lang lang, Writer out) throws IOException {
        write(policy, t, files, notice, ledger, lang, null, out);
    }

    /**
     * @param period the batch's month (--period, "2022-06"), recorded after {@code as_of} when given: the
     *               notice list's title names it, so verify needs it to write the list again
     */
    public static void write(Policy policy, Totals t, Map<String, String> files, Notice notice,
            Map<String, Object> ledger, Lang lang, String period, Writer out) throws IOException {
        write(policy, t, files, notice, ledger, lang, period, null, out);
    }

    /**
     * @param config the configuration the run read ({@code subsidy.config.Configuration#manifest()}:
     *               {@code {"read": [files and $VARIABLES], "set": {"lang": "zh"}}}), recorded after
     *               {@code "lang"} as {@code "config"}; null records none (a run that read no configuration)
     */
    public static void write(Policy policy, Totals t, Map<String, String> files, Notice notice,
            Map<String, Object> ledger, Lang lang, String period, Map<String, Object> config, Writer out)
            throws IOException {
        write(policy, t, files, notice, ledger, lang, period, config, null, out);
    }

    /**
     * @param hires the hire list of calc --hires ({@code file}, {@code sha256}, rows read, paid, rejected …),
     *              recorded after {@code inputs} as {@code "hires"}; null records none
     */
    public static void write(Policy policy, Totals t, Map<String, String> files, Notice notice,
            Map<String, Object> ledger, Lang lang, String period, Map<String, Object> config,
            Map<String, Object> hires, Writer out) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "subsidy");
        m.put("version", Version.get());
        m.put("commit", Version.commit());
        if (lang != null) {
            m.put("lang", lang.code());
        }
        if (config != null) {
            m.put("config", config);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", policy.id());
        p.put("file", policy.origin());
        p.put("sha256", policy.sha256());
        if (policy.households()) { // a firm policy's manifest stays as it was
            p.put("subject", policy.schema().subject().code());
        }
        if (!policy.includes().isEmpty()) { // which size table was used: beside the policy, or bundled
            List<Map<String, Object>> includes = new ArrayList<>();
            for (var i : policy.includes()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", i.name());
                one.put("from", i.where());
                one.put("sha256", i.sha256());
                includes.add(one);
            }
            p.put("includes", includes);
        }
        m.put("policy", p);
        m.put("as_of", policy.asOf() == null ? null : policy.asOf().toString());
        if (period != null) {
            m.put("period", period);
        }
        if (ledger != null) {
            m.put("ledger", ledger);
        }
        m.put("left_out", policy.leftOut());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (InputStats s : t.inputs()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("file", s.file());
            i.put("sha256", s.sha256());
            i.put("encoding", s.encoding());
            i.put("delimiter", s.delimiter());
            i.put("rows_read", s.rowsRead());
            i.put("rows_computed", s.rowsAccepted());
            i.put("rows_rejected", s.rowsRejected());
            // Rows that are no entity: a title or notes above the header, rows of empty cells below.
            i.put("header_line", s.headerLine());
            i.put("rows_above_header", s.aboveHeader());
            i.put("empty_rows_ignored", s.emptyRows());
            inputs.add(i);
        }
        m.put("inputs", inputs);
        if (hires != null) {
            m.put("hires", hires);
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("read", t.read());
        rows.put("computed", t.computed());
        rows.put("rejected", t.rejected());
        m.put("rows", rows);
        Map<String, Object> controls = new LinkedHashMap<>();
        for (int i = 0; i < t.programIds().size(); i++) {
            controls.put(t.programIds().get(i), Money.format(t.amount(i)));
        }
        controls.put("total", Money.format(t.total()));
        m.put("control_totals", controls);
        m.put("outputs", files);
        if (notice != null) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("file", notice.file());
            n.put("sha256", notice.sha256());
            m.put("notice", n);
        }
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        // The streaming generator rather than an ObjectMapper: data binding loads some two hundred
        // classes, a tenth of a second at the end of every run, to write these few lines.
        try (JsonGenerator g = new JsonFactory().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
                .createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            value(g, m);
        }
        out.write("\n");
    }

    /**
     * The names of the files a manifest lists under {@code outputs}: what an earlier run wrote beside it.
     * Empty when there is no manifest or it cannot be read as one.
     */
    public static Set<String> outputsListed(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        try (JsonParser p = new JsonFactory().createParser(manifest.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Set.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if ("outputs".equals(field) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        names.add(p.getCurrentName());
                        p.nextToken();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException notOurs) {
            return Set.of();
        }
        return names;
    }

    /** The ledger batch a manifest says its directory is the view of. */
    public record LedgerRef(String ledgerId, long batch) {
    }

    /**
     * The batch a manifest says its directory is the view of, in the ledger {@code ledgerId}; -1 when it
     * names none (or another ledger's), or cannot be read.
     */
    public static long ledgerBatch(Path manifest, String ledgerId) {
        LedgerRef ref = ledgerRef(manifest);
        return ref != null && ref.ledgerId().equals(ledgerId) ? ref.batch() : -1;
    }

    /** The hire list a manifest says its run read (calc --hires): the file as the run named it, its SHA-256. */
    public record HiresRef(String file, String sha256) {
    }

    /** The hire list a manifest names, or null (none, or the manifest cannot be read). */
    public static HiresRef hiresRef(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode h = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(manifest.toFile()).path("hires");
            return h.path("file").isTextual()
                    ? new HiresRef(h.path("file").asText(), h.path("sha256").asText(null)) : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** The ledger batch a manifest names, or null (none, or the manifest cannot be read). */
    public static LedgerRef ledgerRef(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try (JsonParser p = new JsonFactory().createParser(manifest.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if ("ledger".equals(field) && value == JsonToken.START_OBJECT) {
                    String id = null;
                    long batch = -1;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.getCurrentName();
                        JsonToken v = p.nextToken();
                        if ("id".equals(key) && v == JsonToken.VALUE_STRING) {
                            id = p.getText();
                        } else if ("batch".equals(key) && v == JsonToken.VALUE_NUMBER_INT) {
                            batch = p.getLongValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                    return id == null || batch < 0 ? null : new LedgerRef(id, batch);
                }
                p.skipChildren();
            }
        } catch (IOException notOurs) {
            return null;
        }
        return null;
    }

    /** Maps (in their order), lists, strings, whole numbers and nulls, as an ObjectMapper would write them. */
    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else {
            g.writeString(v.toString());
        }
    }
}
