package subsidy.size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.program.Lookups;
import subsidy.program.Words;
import subsidy.text.Lang;
import subsidy.text.Texts;

/**
 * The firm-size standard of 工信部联企业〔2011〕300号 (SPEC §5), as read from the policy.
 *
 * <p>A tier is tested only as far as the figures allow: a blank figure leaves a tier unknown unless
 * another of its thresholds already fails. Walking large → medium → small, the first tier met gives
 * the class, an unknown tier means the class cannot be derived, and failing all three gives micro.
 * So a 5-person factory with no revenue figure is still micro, because small needs 20 persons.
 */
public final class SizeTable {
    /** The tiers a table row gives thresholds for, in the order they are tried; below them is micro. */
    public static final List<SizeClass> TIERS = List.of(SizeClass.LARGE, SizeClass.MEDIUM, SizeClass.SMALL);
    /** {@link #TIERS} as an array, for the loops run for every firm. */
    private static final SizeClass[] TRIED = TIERS.toArray(new SizeClass[0]);

    /**
     * No table: for a policy whose programs ask no size class. An enterprise keeps the class it
     * declares (or none), and nothing is derived.
     */
    public static final SizeTable NONE = new SizeTable("", List.of());

    private final String source;
    private final List<SizeRow> rows;

    /** @param source where the policy cites the standard */
    public SizeTable(String source, List<SizeRow> rows) {
        this.source = source;
        this.rows = List.copyOf(rows);
    }

    public String source() {
        return source;
    }

    public List<SizeRow> rows() {
        return rows;
    }

    /** The row whose prefix matches the industry code longest; the catch-all row otherwise; null: neither. */
    public SizeRow rowFor(String industry) {
        SizeRow best = null;
        int bestLength = -1;
        for (int i = 0; i < rows.size(); i++) {
            SizeRow row = rows.get(i);
            int m = row.match(industry);
            if (m > bestLength) {
                best = row;
                bestLength = m;
            }
        }
        return best;
    }

    /** The size decision, or null when an enterprise's size is neither given nor derivable. */
    public SizeDecision decide(Entity e) {
        return decide(e, Lookups.PLAIN);
    }

    /** As {@link #decide(Entity)}, the industry's row found through {@code lookups}. */
    public SizeDecision decide(Entity e, Lookups lookups) {
        if (!e.type().isSized()) {
            return SizeDecision.UNSIZED;
        }
        SizeRow row = lookups.sizeRow(this, e.industryCode());
        SizeClass declared = e.declaredSize();
        if (row == null) { // no table (NONE): a table read from a policy has a row for every industry
            return new SizeDecision(declared, declared == null ? null : SizeSource.DECLARED, declared, null, null,
                    List.of());
        }
        SizeClass derived = derive(e, row);
        if (declared == null) {
            return derived == null ? null
                    : new SizeDecision(derived, SizeSource.DERIVED, null, derived, row, List.of());
        }
        if (derived == null || derived == declared) {
            return new SizeDecision(declared, SizeSource.DECLARED, declared, derived, row, List.of());
        }
        return new SizeDecision(derived, SizeSource.DECLARED_MISMATCH, declared, derived, row, List.of());
    }

    /** As {@link #decide(Entity)}, listing every tier test with its figures in {@code steps}. */
    public SizeDecision explained(Entity e) {
        return explained(e, Texts.EN);
    }

    /** As {@link #explained(Entity)}, the steps in the language of {@code texts}. */
    public SizeDecision explained(Entity e, Texts texts) {
        SizeDecision d = decide(e);
        return d == null || d.row() == null ? d
                : new SizeDecision(d.size(), d.source(), d.declared(), d.derived(), d.row(), explain(e, d.row(), texts));
    }

    /*
     * The rule is in derive and met alone; explain only describes what they decide. Text stays out of
     * the rule because the rule runs on every row and the explanation on few, and together they made
     * one method the largest the JIT compiler had to compile in a run.
     */

    private static SizeClass derive(Entity e, SizeRow row) {
        for (SizeClass tier : TRIED) {
            Boolean met = met(e, row.tiers().get(tier));
            if (met == null) {
                return null;
            }
            if (met) {
                return tier;
            }
        }
        return SizeClass.MICRO;
    }

    /** Whether every test of a tier is met: null when one is blank and none has failed. */
    private static Boolean met(Entity e, List<Threshold> tests) {
        Boolean met = Boolean.TRUE;
        for (int i = 0; i < tests.size(); i++) { // indexed: an iterator per test per row adds up
            Threshold t = tests.get(i);
            BigDecimal value = t.metric().of(e);
            if (value == null) {
                if (met == Boolean.TRUE) {
                    met = null;
                }
            } else if (!t.metBy(value)) {
                met = Boolean.FALSE;
            }
        }
        return met;
    }

    /** The tiers derive tests for e, each with its figures and verdict, in its order. */
    private static List<String> explain(Entity e, SizeRow row, Texts texts) {
        Collected steps = new Collected();
        explain(e, row, steps, texts);
        return steps.steps();
    }

    /**
     * The tier tests that settle e's size under row, as {@link SizeDecision#steps()} lists them:
     * each with its figures and verdict, up to the first tier met or unknown.
     */
    public static void explain(Entity e, SizeRow row, StepWriter out) {
        explain(e, row, out, Texts.EN);
    }

    /** As {@link #explain(Entity, SizeRow, StepWriter)}, the words in the language of {@code texts}. */
    public static void explain(Entity e, SizeRow row, StepWriter out, Texts texts) {
        boolean zh = texts.lang() != Lang.EN;
        String open = texts.get("reasons.size.open");
        String separator = texts.get("reasons.size.separator");
        String colon = texts.get("reasons.size.colon");
        for (SizeClass tier : TRIED) {
            List<Threshold> tests = row.tiers().get(tier);
            out.step();
            out.piece(Words.name(tier).in(texts));
            out.piece(open);
            for (int i = 0; i < tests.size(); i++) {
                Threshold t = tests.get(i);
                if (i > 0) {
                    out.piece(separator);
                }
                // The English label is made once, when the table is read: size_check.csv writes it for many firms
                out.piece(zh ? t.label(texts) : t.label());
                out.piece(colon);
                BigDecimal value = t.metric().of(e);
                if (value == null) {
                    out.piece(texts.get("reasons.size.blank", zh ? t.metric().chinese() : t.metric().key()));
                } else {
                    out.figure(value, t.metric().tablePointLeft());
                    out.piece(t.metric().tableSuffix());
                    out.piece(texts.get(t.metBy(value) ? "reasons.size.met" : "reasons.size.not_met"));
                }
            }
            Boolean met = met(e, tests);
            out.piece(texts.get("reasons.size.close"));
            out.piece(texts.get(met == null ? "reasons.size.unknown" : met ? "reasons.size.yes" : "reasons.size.no"));
            if (met == null || met) {
                return;
            }
        }
        out.step();
        out.piece(texts.get("reasons.size.micro", Words.name(SizeClass.MICRO)));
    }

    /** The steps as strings, for explain. */
    private static final class Collected implements StepWriter {
        private final List<String> steps = new ArrayList<>();
        private StringBuilder step;

        @Override
        public void step() {
            end();
            step = new StringBuilder();
        }

        @Override
        public void piece(String text) {
            step.append(text);
        }

        @Override
        public void figure(BigDecimal value, int pointLeft) {
            step.append(pointLeft == 0 ? value.toPlainString() : Money.movedLeft(value, pointLeft));
        }

        List<String> steps() {
            end();
            return List.copyOf(steps);
        }

        private void end() {
            if (step != null) {
                steps.add(step.toString());
                step = null;
            }
        }
    }
}
