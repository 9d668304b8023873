package subsidy.program;

import java.math.BigDecimal;
import java.util.List;
import subsidy.Reason;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.policy.RegionList;
import subsidy.size.SizeRow;
import subsidy.size.SizeTable;
import subsidy.text.Texts;

/**
 * What the rules look up or write out that depends on one code of a few hundred: the reasons a
 * condition misses for, a layoff limit as a percent, an industry's size row. The rules ask for them
 * here, and {@link #PLAIN} makes each afresh; that is the reference. A run that computes millions of
 * rows passes a caching version instead ({@code calc.MemoLookups}, which Batch builds for a run), and
 * that version is tested to give equal answers for generated inputs. So the rules stay a list of
 * conditions, and what throughput needs lives where throughput is.
 *
 * <p>Like {@link Trace}, it is handed to a rule with each evaluation.
 */
public interface Lookups {
    /** Makes every answer afresh, in English: the reference, and what tests and {@code explain} use. */
    Lookups PLAIN = plain(Texts.EN);

    /** Makes every answer afresh, in the language of {@code texts}. */
    static Lookups plain(Texts texts) {
        return texts == Texts.ZH ? Plain.ZH : texts == Texts.EN ? Plain.EN : new Plain(texts);
    }

    /** The language the reasons and explain steps are written in. */
    Texts texts();

    Reason notForType(EntityType type);

    Reason notForSize(SizeClass size);

    Reason notForLandlord(LandlordType landlord);

    Reason notForIndustry(String industry);

    Reason regionNotListed(String region, RegionList list);

    /** The reason none of a condition's alternatives was met, from each one's reason text, in order. */
    Reason noAlternative(List<String> misses);

    /** A layoff limit as the reasons write it. */
    String percent(BigDecimal limit);

    /** The row of {@code table} for an industry code (longest prefix), null when the table has none. */
    SizeRow sizeRow(SizeTable table, String industry);

    /** The reasons in a clerk's words, each made when asked. */
    final class Plain implements Lookups {
        private static final Plain EN = new Plain(Texts.EN);
        private static final Plain ZH = new Plain(Texts.ZH);
        private final Texts texts;

        private Plain(Texts texts) {
            this.texts = texts;
        }

        @Override
        public Texts texts() {
            return texts;
        }

        @Override
        public Reason notForType(EntityType type) {
            return ReasonCode.NOT_FOR_ENTITY_TYPE.reason(texts.get("reasons.not_for_type", Words.name(type)));
        }

        @Override
        public Reason notForSize(SizeClass size) {
            return ReasonCode.NOT_FOR_SIZE.reason(texts.get("reasons.not_for_size", Words.name(size)));
        }

        @Override
        public Reason notForLandlord(LandlordType landlord) {
            return ReasonCode.NOT_FOR_LANDLORD_TYPE.reason(texts.get("reasons.not_for_landlord", Words.name(landlord)));
        }

        @Override
        public Reason notForIndustry(String industry) {
            return ReasonCode.NOT_FOR_INDUSTRY.reason(texts.get("reasons.not_for_industry", industry));
        }

        @Override
        public Reason regionNotListed(String region, RegionList list) {
            return ReasonCode.REGION_NOT_LISTED.reason(texts.get("reasons.region_not_listed", region, list.key()));
        }

        @Override
        public Reason noAlternative(List<String> misses) {
            return ReasonCode.NO_ALTERNATIVE_MET.reason(String.join(texts.get("reasons.no_alternative.separator"), misses));
        }

        @Override
        public String percent(BigDecimal limit) {
            return Money.percent(limit);
        }

        @Override
        public SizeRow sizeRow(SizeTable table, String industry) {
            return table.rowFor(industry);
        }
    }
}
