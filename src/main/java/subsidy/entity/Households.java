package subsidy.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in columns of a household list (a policy with {@code subject: households}): who the
 * household is, then the facts relief for households is decided by (低保, 特困供养, 防返贫监测; members,
 * the elderly, the disabled, students by level). They are kept in the entity's {@link Extras} ahead of
 * the policy's own columns, so a household policy's conditions and units name them as it names its
 * own. The four first must have a value on every row; the others are needed only when a program in
 * force reads them, and are 0 or false when blank.
 */
public final class Households {
    public static final String HOUSEHOLD_ID = "household_id";
    public static final String HEAD_ID_NUMBER = "head_id_number";
    public static final String HEAD_NAME = "head_name";
    public static final String REGION_CODE = "region_code";
    /** {@code residence}'s codes, and the words a clerk writes for them. */
    public static final String URBAN = "urban";
    public static final String RURAL = "rural";

    private static final List<ExtraColumn> COLUMNS = build();

    /** Where each of the first four is kept in {@link Extras}. */
    public static final int HOUSEHOLD_ID_AT = 0;
    public static final int HEAD_ID_NUMBER_AT = 1;
    public static final int HEAD_NAME_AT = 2;
    public static final int REGION_CODE_AT = 3;
    /** Where members (家庭人口数) is kept; the built-in counts after it are counts of members. */
    public static final int MEMBERS_AT = 5;

    private Households() {
    }

    /** The built-in columns, at indexes 0 to {@code columns().size() - 1}. */
    public static List<ExtraColumn> columns() {
        return COLUMNS;
    }

    /** Whether {@code id} (trimmed, upper case) is a household id: 1 to 32 letters, digits, -, _ or /. */
    public static boolean validId(String id) {
        boolean ok = !id.isEmpty() && id.length() <= 32;
        boolean alphanumeric = false;
        for (int i = 0; ok && i < id.length(); i++) {
            char c = id.charAt(i);
            boolean an = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            alphanumeric |= an;
            ok = an || c == '-' || c == '_' || c == '/';
        }
        return ok && alphanumeric;
    }

    /** Whether {@code header} is a built-in column's id. */
    public static boolean builtIn(String header) {
        return COLUMNS.stream().anyMatch(c -> c.header().equals(header));
    }

    private static List<ExtraColumn> build() {
        List<ExtraColumn> out = new ArrayList<>();
        add(out, HOUSEHOLD_ID, Column.Kind.HOUSEHOLD_ID, true, "户编号", "户号", "家庭编号");
        add(out, HEAD_ID_NUMBER, Column.Kind.RESIDENT_ID, true, "户主公民身份号码", "户主身份证号码", "户主身份证号");
        add(out, HEAD_NAME, Column.Kind.TEXT, true, "户主姓名");
        add(out, REGION_CODE, Column.Kind.REGION, true, "行政区划代码");
        out.add(new ExtraColumn("residence", "城乡类别", Column.Kind.CODE, out.size(), List.of(URBAN, RURAL),
                List.of("户籍类别"), residenceWords(), false));
        add(out, "members", Column.Kind.COUNT, false, "家庭人口数", "家庭人口");
        add(out, "minimum_living", Column.Kind.BOOLEAN, false, "低保户", "是否低保户");
        add(out, "destitute", Column.Kind.BOOLEAN, false, "特困供养户", "五保户", "特困五保");
        add(out, "monitored", Column.Kind.BOOLEAN, false, "防返贫监测户", "脱贫监测户", "监测对象");
        add(out, "elderly", Column.Kind.COUNT, false, "60岁以上老年人数");
        add(out, "disabled", Column.Kind.COUNT, false, "残疾人数");
        add(out, "students_preschool", Column.Kind.COUNT, false, "学前教育在读人数");
        add(out, "students_compulsory", Column.Kind.COUNT, false, "义务教育在读人数");
        add(out, "students_high_school", Column.Kind.COUNT, false, "普通高中在读人数");
        add(out, "students_vocational", Column.Kind.COUNT, false, "中职在读人数");
        add(out, "students_higher", Column.Kind.COUNT, false, "高等教育在读人数");
        return List.copyOf(out);
    }

    /** The words for residence's codes, the first of each its Chinese name. */
    private static Map<String, String> residenceWords() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("城镇", URBAN);
        m.put("城市", URBAN);
        m.put("农村", RURAL);
        m.put("乡村", RURAL);
        return m;
    }

    private static void add(List<ExtraColumn> out, String id, Column.Kind kind, boolean mandatory, String chinese,
            String... aliases) {
        out.add(new ExtraColumn(id, chinese, kind, out.size(), List.of(), List.of(aliases), Map.of(), mandatory));
    }
}
