package subsidy.calc;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import subsidy.Reason;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.policy.Policy;
import subsidy.policy.RegionList;
import subsidy.program.Lookups;
import subsidy.size.SizeRow;
import subsidy.size.SizeTable;
import subsidy.text.Texts;

/**
 * {@link Lookups} for a run over many rows: each answer is {@link Lookups#PLAIN}'s, made once per
 * code and handed out again. Most rows miss some program, so the same few hundred reasons would
 * otherwise be built (and encoded into the notes) millions of times, and every row asks for its
 * industry's size row. Built fresh for each run ({@link Calculator#memoised()}); any thread may ask.
 * MemoLookupsProperties holds it to the plain answers.
 */
final class MemoLookups implements Lookups {
    /**
     * Codes (industries, regions, sets of misses) remembered per kind of answer: China has some
     * 2,800 counties and 1,400 industry classes. Past it, answers are made afresh: time, never memory.
     */
    static final int REMEMBERED = 4096;

    /** The plain answers in the run's language: one run, one language, so every memo is of that language. */
    private final Lookups plain;
    private final Map<EntityType, Reason> notForType;
    private final Map<SizeClass, Reason> notForSize;
    private final Map<LandlordType, Reason> notForLandlord;
    private final Memo<String, Reason> notForIndustry;
    /** One memo per region list of the policy, by identity: filled here, only read after. */
    private final Map<RegionList, Memo<String, Reason>> regionNotListed = new IdentityHashMap<>();
    private final Memo<List<String>, Reason> noAlternative;
    /** A policy's layoff limits: a few constants. */
    private final Memo<BigDecimal, String> percent;
    private final SizeTable table;
    private final Memo<String, SizeRow> sizeRow;

    MemoLookups(Policy policy) {
        this(policy, Texts.EN);
    }

    /** For a run of {@code policy} whose reasons are written in the language of {@code texts}. */
    MemoLookups(Policy policy, Texts texts) {
        this(policy.sizeTable(), policy.regionLists().values(), texts);
    }

    MemoLookups(SizeTable table, Collection<RegionList> lists) {
        this(table, lists, Texts.EN);
    }

    /**
     * @param table the size table of the run's policy, whose rows are remembered per industry code
     * @param lists the region lists of the run's policy, whose reasons are remembered per region code
     * @param texts the run's language
     */
    MemoLookups(SizeTable table, Collection<RegionList> lists, Texts texts) {
        plain = Lookups.plain(texts);
        notForType = all(EntityType.class, plain::notForType);
        notForSize = all(SizeClass.class, plain::notForSize);
        notForLandlord = all(LandlordType.class, plain::notForLandlord);
        notForIndustry = new Memo<>(REMEMBERED, plain::notForIndustry);
        noAlternative = new Memo<>(REMEMBERED, plain::noAlternative);
        percent = new Memo<>(64, plain::percent);
        this.table = table;
        sizeRow = new Memo<>(REMEMBERED, table::rowFor);
        for (RegionList list : lists) {
            regionNotListed.put(list, new Memo<>(REMEMBERED, code -> plain.regionNotListed(code, list)));
        }
    }

    private static <E extends Enum<E>> Map<E, Reason> all(Class<E> type, java.util.function.Function<E, Reason> make) {
        Map<E, Reason> m = new EnumMap<>(type);
        for (E v : type.getEnumConstants()) {
            m.put(v, make.apply(v));
        }
        return m; // filled here and only read after: safe to share once the run's threads start
    }

    @Override
    public Texts texts() {
        return plain.texts();
    }

    @Override
    public Reason notForType(EntityType type) {
        return notForType.get(type);
    }

    @Override
    public Reason notForSize(SizeClass size) {
        return notForSize.get(size);
    }

    @Override
    public Reason notForLandlord(LandlordType landlord) {
        return notForLandlord.get(landlord);
    }

    @Override
    public Reason notForIndustry(String industry) {
        return notForIndustry.get(industry);
    }

    @Override
    public Reason regionNotListed(String region, RegionList list) {
        Memo<String, Reason> memo = regionNotListed.get(list);
        return memo == null ? plain.regionNotListed(region, list) : memo.get(region); // null: not the run's policy's
    }

    @Override
    public Reason noAlternative(List<String> misses) {
        return noAlternative.get(misses);
    }

    @Override
    public String percent(BigDecimal limit) {
        return percent.get(limit);
    }

    @Override
    public SizeRow sizeRow(SizeTable table, String industry) {
        return table == this.table ? sizeRow.get(industry) : table.rowFor(industry);
    }
}
