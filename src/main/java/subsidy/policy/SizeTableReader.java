package subsidy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import subsidy.entity.SizeClass;
import subsidy.input.IoProblem;
import subsidy.policy.yaml.Fields;
import subsidy.policy.yaml.Node;
import subsidy.policy.yaml.YamlTree;
import subsidy.size.Metric;
import subsidy.size.SizeRow;
import subsidy.size.SizeTable;
import subsidy.size.Threshold;
import subsidy.text.Msg;
import subsidy.text.Text;

/**
 * Reads {@code firm_size}: the rows of the size standard written in the policy, or a shared table
 * included by name ({@code include: size-table-2011}), with the clauses the policy cites for it.
 * An included table NAME is the file tables/NAME.yaml beside the policy, else the one of that name
 * bundled in the jar (config/tables/size-table-2011.yaml is); its problems and warnings name that file.
 */
final class SizeTableReader {
    /** The folder of tables to include, beside a policy (config/tables/) and in the jar. */
    static final String TABLES = "tables";
    /** Where tables to include are bundled, beside the default policy. */
    static final String BUNDLED_DIR = "/subsidy/policy/" + TABLES + "/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final String ANY_INDUSTRY = "*";
    /** How {@link Included#where()} names a bundled table (policy show, the manifest): "bundled tables/NAME.yaml". */
    private static final String BUNDLED_WORD = "bundled ";

    /** A file a policy included: where it was found (for messages), and its bytes. */
    record Included(String name, String where, byte[] bytes, boolean bundled) {
    }

    private final ReadContext ctx;
    private final Path dir;
    private final List<Included> included = new ArrayList<>();
    /** Whether the row last read has industries ["*"]. */
    private boolean rowIsCatchAll;

    /** @param dir the policy's folder, or null when the policy is not a file (bundled, or bytes) */
    SizeTableReader(ReadContext ctx, Path dir) {
        this.ctx = ctx;
        this.dir = dir;
    }

    /** The files read by {@code include}, in the order read. */
    List<Included> included() {
        return included;
    }

    SizeTable read(Fields f) {
        List<Clause> clauses = ctx.clauses(f);
        SizeTable table;
        if (f.keys().contains("include")) {
            if (f.keys().contains("rows")) {
                ctx.problems().add("policy.size.rows_or_include", f.where("rows"));
                f.node("rows", false);
            }
            table = include(f, clauses);
        } else {
            table = rows(f, clauses);
        }
        f.finish();
        return table;
    }

    private SizeTable include(Fields f, List<Clause> clauses) {
        String name = f.text("include", true);
        if (name == null) {
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            ctx.problems().add("policy.size.bad_name", f.where("include"), name);
            return null;
        }
        Included file = find(f, name);
        if (file == null) {
            return null;
        }
        included.add(file);
        Object where = file.bundled() ? Msg.of("policy.size.bundled", file.where().substring(BUNDLED_WORD.length()))
                : file.where();
        int problemsBefore = ctx.problems().size();
        int warningsBefore = ctx.lint().findings().size();
        SizeTable table = null;
        if (file.bytes().length > PolicyLoader.MAX_BYTES) {
            ctx.problems().add("policy.size.too_large", PolicyLoader.MAX_BYTES);
        } else {
            String text = utf8(file.bytes());
            Node root = text == null ? null : YamlTree.parse(text, ctx.problems());
            if (text == null) {
                ctx.problems().add("policy.load.not_utf8");
            }
            Fields top = root == null ? null : ctx.fields(root, "");
            if (top != null) {
                table = rows(top, clauses);
                top.finish();
            }
        }
        prefix(ctx.problems().list(), problemsBefore, where);
        prefix(ctx.lint().findings(), warningsBefore, where);
        return table;
    }

    /** Each note from {@code from} on, said of the included file: "FILE: note". */
    private static void prefix(List<Text> notes, int from, Object file) {
        for (int i = from; i < notes.size(); i++) {
            notes.set(i, Msg.of("policy.size.in_file", file, notes.get(i)));
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** tables/NAME.yaml beside the policy, else bundled; null with a problem when neither is there. */
    private Included find(Fields f, String name) {
        String file = name + ".yaml";
        if (dir != null) {
            Path beside = dir.resolve(TABLES).resolve(file);
            if (Files.exists(beside)) {
                if (!Files.isRegularFile(beside)) {
                    ctx.problems().add("policy.size.not_a_file", f.where("include"), beside.toString());
                    return null;
                }
                try (InputStream in = Files.newInputStream(beside)) {
                    return new Included(name, beside.toString(), in.readNBytes(PolicyLoader.MAX_BYTES + 1), false);
                } catch (IOException e) {
                    ctx.problems().add("policy.size.cannot_read", f.where("include"), beside.toString(),
                            IoProblem.describe(e));
                    return null;
                }
            }
        }
        try (InputStream in = SizeTableReader.class.getResourceAsStream(BUNDLED_DIR + file)) {
            if (in != null) {
                return new Included(name, BUNDLED_WORD + TABLES + "/" + file, in.readNBytes(PolicyLoader.MAX_BYTES + 1),
                        true);
            }
        } catch (IOException e) {
            ctx.problems().add("policy.size.cannot_read", f.where("include"), Msg.of("policy.size.bundled", TABLES + "/" + file),
                    IoProblem.describe(e));
            return null;
        }
        ctx.problems().add("policy.size.no_table", f.where("include"), name, TABLES + "/" + file);
        return null;
    }

    /** The {@code rows} of a table under {@code f}. */
    private SizeTable rows(Fields f, List<Clause> clauses) {
        List<Node> items = f.list("rows", true);
        List<SizeRow> rows = new ArrayList<>();
        int catchAll = 0;
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                Fields r = ctx.fields(items.get(i), f.child("rows") + "[" + i + "]");
                if (r == null) {
                    continue;
                }
                SizeRow row = row(r);
                if (rowIsCatchAll) {
                    catchAll++;
                }
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        if (catchAll != 1) {
            ctx.problems().add("policy.size.catch_all", Fields.where(f.child("rows"), f.line()), catchAll);
        }
        String source = clauses.isEmpty() ? "" : clauses.get(0).label();
        return new SizeTable(source, rows);
    }

    private SizeRow row(Fields r) {
        String label = r.text("label", true);
        List<String> industries = ctx.strings(r, "industries");
        rowIsCatchAll = industries.equals(List.of(ANY_INDUSTRY));
        if (rowIsCatchAll) {
            industries = List.of();
        } else if (industries.isEmpty()) {
            ctx.problems().add("policy.size.no_industries", Fields.where(r.child("industries"), r.line()));
        } else {
            for (String s : industries) {
                if (!ReadContext.INDUSTRY_PREFIX.matcher(s).matches()) {
                    ctx.problems().add("policy.size.not_industry_prefix", r.where("industries"), s);
                }
            }
        }
        Map<SizeClass, List<Threshold>> tiers = new EnumMap<>(SizeClass.class);
        Map<SizeClass, Text> where = new EnumMap<>(SizeClass.class);
        for (SizeClass s : SizeTable.TIERS) {
            Fields t = r.fields(s.code(), true);
            if (t == null) {
                continue;
            }
            List<Threshold> tests = new ArrayList<>();
            for (Metric m : Metric.values()) {
                BigDecimal v = t.decimal(m.key(), false);
                if (v != null) {
                    tests.add(new Threshold(m, v));
                }
            }
            if (tests.isEmpty()) {
                ctx.problems().add("policy.size.no_tests", Fields.where(t.path(), t.line()));
            }
            t.finish();
            tiers.put(s, tests);
            where.put(s, r.where(s.code()));
        }
        r.finish();
        if (tiers.size() != 3) {
            return null;
        }
        ctx.lint().sizeRow(where, tiers);
        return new SizeRow(label, industries, tiers);
    }
}
