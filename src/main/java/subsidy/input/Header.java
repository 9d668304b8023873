package subsidy.input;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import subsidy.entity.Column;
import subsidy.entity.ExtraColumn;
import subsidy.entity.InputSchema;

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

    /**
     * Reads a header row. A column given twice or a required column missing makes the whole file
     * unusable, so those come back as problems rather than row rejections.
     */
    static Header read(List<String> cells, InputSchema schema, List<String> problems) {
        Header header = new Header(cells, schema);
        Map<Column, Integer> seen = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            String cell = i == 0 ? stripBom(cells.get(i)) : cells.get(i);
            int at = i;
            schema.extraForHeader(cell).ifPresent(x -> {
                if (header.extraIndex[x.index()] >= 0) {
                    problems.add("column " + x + " appears twice in the header (columns "
                            + (header.extraIndex[x.index()] + 1) + " and " + (at + 1) + ")");
                } else {
                    header.extraIndex[x.index()] = at;
                }
            });
            Column.forHeader(cell).ifPresent(c -> {
                Integer before = seen.putIfAbsent(c, at);
                if (before != null) {
                    problems.add("column " + c + " appears twice in the header (columns "
                            + (before + 1) + " and " + (at + 1) + ")");
                } else {
                    header.index[c.ordinal()] = at;
                }
            });
        }
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.required() && header.index[c.ordinal()] < 0) {
                missing.add(c.header() + " (" + c.chinese() + ")");
            }
        }
        for (ExtraColumn x : schema.extras()) {
            if (schema.isRequired(x) && header.extraIndex[x.index()] < 0) {
                missing.add(x.header() + (x.chinese() == null ? "" : " (" + x.chinese() + ")")
                        + ", which the policy's programs count");
            }
        }
        if (!missing.isEmpty()) {
            problems.add("the header lacks required column(s) " + String.join(", ", missing));
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
