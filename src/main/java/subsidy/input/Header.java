package subsidy.input;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import subsidy.entity.Column;
import subsidy.entity.ExtraColumn;
import subsidy.entity.InputSchema;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/** Where each canonical column sits in one input file, read from its header row. */
public final class Header {
    private final List<String> cells;
    private final InputSchema schema;
    private final int[] index = new int[Column.values().length];
    private final int[] extraIndex;

    private Header(List<String> cells, InputSchema schema) {
        this.cells = List.copyOf(cells);
        this.schema = schema;
        java.util.Arrays.fill(index, -1);
        extraIndex = new int[schema.extras().size()];
        java.util.Arrays.fill(extraIndex, -1);
    }

    /** {@link #of} with the problems in English. */
    static Header read(List<String> cells, InputSchema schema, List<String> problems) {
        List<Text> said = new ArrayList<>();
        Header header = of(cells, schema, said);
        said.forEach(t -> problems.add(t.in(Texts.EN)));
        return header;
    }

    /**
     * Reads a header row. A column given twice or a required column missing makes the whole file
     * unusable, so those come back as problems rather than row rejections.
     */
    static Header of(List<String> cells, InputSchema schema, List<Text> problems) {
        Header header = new Header(cells, schema);
        Map<Column, Integer> seen = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            String cell = i == 0 ? stripBom(cells.get(i)) : cells.get(i);
            int at = i;
            schema.extraForHeader(cell).ifPresent(x -> {
                if (header.extraIndex[x.index()] >= 0) {
                    problems.add(Msg.of("input.header.twice", x.label(), header.extraIndex[x.index()] + 1, at + 1));
                } else {
                    header.extraIndex[x.index()] = at;
                }
            });
            schema.columnForHeader(cell).ifPresent(c -> {
                Integer before = seen.putIfAbsent(c, at);
                if (before != null) {
                    problems.add(Msg.of("input.header.twice", c.label(), before + 1, at + 1));
                } else {
                    header.index[c.ordinal()] = at;
                }
            });
        }
        List<Text> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (!schema.households() && c.required() && header.index[c.ordinal()] < 0) {
                missing.add(Msg.of("input.header.column", c.header(), c.chinese()));
            }
        }
        for (ExtraColumn x : schema.extras()) {
            if (schema.isRequired(x) && header.extraIndex[x.index()] < 0) {
                missing.add(x.mandatory() ? Msg.of("input.header.column", x.header(), x.chinese())
                        : x.chinese() == null ? Msg.of("input.header.policy_column", x.header())
                        : Msg.of("input.header.policy_column_chinese", x.header(), x.chinese()));
            }
        }
        if (!missing.isEmpty()) {
            problems.add(Msg.of("input.header.lacks", InputTexts.commas(missing)));
        }
        return header;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Position of the column in a row, or -1 when the file does not have it. */
    int indexOf(Column c) {
        return index[c.ordinal()];
    }

    /** Position of a policy column in a row, or -1 when the file does not have it. */
    int indexOf(ExtraColumn c) {
        return extraIndex[c.index()];
    }

    InputSchema schema() {
        return schema;
    }

    public List<String> cells() {
        return cells;
    }

    public int width() {
        return cells.size();
    }
}
