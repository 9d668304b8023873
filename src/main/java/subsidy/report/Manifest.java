package subsidy.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
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

/**
 * manifest.json: what a run read and what it wrote, so an auditor can tell whether a report still
 * matches its inputs and policy. No timestamps: the same run gives the same bytes.
 */
public final class Manifest {
    private Manifest() {
    }

    public static void write(Policy policy, Totals t, Map<String, String> files, Writer out)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "subsidy");
        m.put("version", Version.get());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", policy.id());
        p.put("file", policy.origin());
        p.put("sha256", policy.sha256());
        m.put("policy", p);
        m.put("as_of", policy.asOf() == null ? null : policy.asOf().toString());
        m.put("left_out", policy.leftOut());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (InputStats s : t.inputs()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("file", s.file());
            i.put("sha256", s.sha256());
            i.put("encoding", s.encoding());
            i.put("rows_read", s.rowsRead());
            i.put("rows_computed", s.rowsAccepted());
            i.put("rows_rejected", s.rowsRejected());
            inputs.add(i);
        }
        m.put("inputs", inputs);
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
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else {
            g.writeString(v.toString());
        }
    }
}
