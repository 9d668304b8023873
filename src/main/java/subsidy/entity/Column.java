package subsidy.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * The canonical input columns of SPEC §2, each with its Chinese header alias and value kind.
 * Declaration order is the canonical column order.
 */
public enum Column implements ColumnRef {
    ENTITY_ID("entity_id", "统一社会信用代码", Kind.CREDIT_CODE, true),
    NAME("name", "名称", Kind.TEXT, true),
    ENTITY_TYPE("entity_type", "主体类型", Kind.ENTITY_TYPE, true),
    REGION_CODE("region_code", "行政区划代码", Kind.REGION, true),
    INDUSTRY_CODE("industry_code", "行业代码", Kind.INDUSTRY, true),
    SIZE_CLASS("size_class", "企业规模", Kind.SIZE, false),
    EMPLOYEES("employees", "从业人员", Kind.COUNT, false),
    REVENUE("revenue", "营业收入", Kind.MONEY, false),
    TOTAL_ASSETS("total_assets", "资产总额", Kind.MONEY, false),
    INSURED_EMPLOYEES("insured_employees", "参保职工人数", Kind.COUNT, false),
    LAYOFFS("layoffs", "上年度裁员人数", Kind.COUNT, false),
    UI_PAID_LAST_YEAR("ui_paid_last_year", "上年度实际缴纳失业保险费", Kind.MONEY, false),
    SERIOUS_DISHONESTY("serious_dishonesty", "严重失信", Kind.BOOLEAN, false),
    SEVERELY_AFFECTED("severely_affected", "受疫情影响暂时无法正常经营", Kind.BOOLEAN, false),
    GRAD_HIRES("grad_hires", "招用高校毕业生人数", Kind.COUNT, false),
    YOUTH_HIRES("youth_hires", "招用登记失业青年人数", Kind.COUNT, false),
    HARD_TO_EMPLOY_HIRES("hard_to_employ_hires", "吸纳困难人员人数", Kind.COUNT, false),
    CERT_JUNIOR("cert_junior", "初级证书", Kind.COUNT, false),
    CERT_INTERMEDIATE("cert_intermediate", "中级证书", Kind.COUNT, false),
    CERT_SENIOR("cert_senior", "高级证书", Kind.COUNT, false),
    LANDLORD_TYPE("landlord_type", "出租方类型", Kind.LANDLORD, false),
    MONTHLY_RENT("monthly_rent", "月租金", Kind.MONEY, false),
    LEASE_START("lease_start", "租赁开始日期", Kind.DATE, false),
    LEASE_END("lease_end", "租赁结束日期", Kind.DATE, false),
    RENT_FREE_MONTHS_GRANTED("rent_free_months_granted", "已免租月数", Kind.COUNT, false);

    /** How a cell of the column is read. */
    public enum Kind {
        CREDIT_CODE, TEXT, ENTITY_TYPE, REGION, INDUSTRY, SIZE, COUNT, MONEY, BOOLEAN, LANDLORD, DATE,
        /** A policy column's rate: 0.15 or 15%, between 0 and 1. */
        RATE,
        /** A policy column's quantity that is not money nor a count: an area in m², 亩, kWh. */
        NUMBER,
        /** A policy column's code: a level, a category, one of the values the policy lists. */
        CODE,
        /** A household list's household id (户编号): letters, digits and - _ /, kept upper case. */
        HOUSEHOLD_ID,
        /** A resident identity number of GB 11643-1999 ({@link ResidentId}): a person's data, masked when shown. */
        RESIDENT_ID;

        /** The word a policy writes in {@code columns:} and a message names the kind by. */
        public String word() {
            return switch (this) {
                case COUNT -> "count";
                case BOOLEAN -> "true/false";
                case MONEY -> "money";
                case RATE -> "rate";
                case NUMBER -> "number";
                case DATE -> "date";
                case CODE, REGION, INDUSTRY, ENTITY_TYPE, SIZE, LANDLORD, CREDIT_CODE, HOUSEHOLD_ID, RESIDENT_ID -> "code";
                case TEXT -> "text";
            };
        }
    }

    private final String header;
    private final String chinese;
    private final Kind kind;
    private final boolean required;

    Column(String header, String chinese, Kind kind, boolean required) {
        this.header = header;
        this.chinese = chinese;
        this.kind = kind;
        this.required = required;
    }

    @Override
    public String header() {
        return header;
    }

    public String chinese() {
        return chinese;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public long count(Entity e) {
        return kind == Kind.BOOLEAN ? (e.flag(this) ? 1 : 0) : e.count(this);
    }

    @Override
    public boolean flag(Entity e) {
        return kind == Kind.BOOLEAN ? e.flag(this) : e.count(this) != 0;
    }

    @Override
    public java.math.BigDecimal money(Entity e) {
        return e.money(this);
    }

    @Override
    public java.time.LocalDate date(Entity e) {
        return e.date(this);
    }

    @Override
    public String code(Entity e) {
        return e.code(this);
    }

    public boolean required() {
        return required;
    }

    /**
     * A header cell as headers are compared: full-width forms folded to their plain ones (NFKC: a Chinese
     * keyboard's （） are ()), surrounding spaces dropped, lower case.
     */
    public static String headerKey(String cell) {
        return java.text.Normalizer.normalize(cell, java.text.Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** Matches a header cell case-insensitively, ignoring surrounding spaces and full-width forms, in either language. */
    public static Optional<Column> forHeader(String cell) {
        String h = headerKey(cell);
        for (Column c : values()) {
            if (c.header.equals(h) || c.chinese.equals(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Looks a column up by its canonical name, as a policy file names it. */
    public static Optional<Column> forName(String name) {
        for (Column c : values()) {
            if (c.header.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return header;
    }
}
