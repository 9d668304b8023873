package subsidy.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import subsidy.calc.Acceptance;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.entity.Column;
import subsidy.entity.Entity;
import subsidy.input.Header;
import subsidy.input.Ids;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.input.SeenIds;
import subsidy.money.Money;
import subsidy.policy.Clause;
import subsidy.policy.Policy;
import subsidy.policy.Source;
import subsidy.program.Program;
import subsidy.program.ProgramResult;
import subsidy.program.Trace;
import subsidy.size.SizeDecision;
import subsidy.text.Texts;

/**
 * Finds one entity in the inputs and derives its amounts step by step (issue: explain). The row is
 * read exactly as calc reads it, duplicates included, so what is explained is what calc computed.
 */
public final class Explainer {
    private final Policy policy;
    private final Calculator calculator;
    private final Acceptance acceptance;
    /** The language the explanation's own words are written in. */
    private final Texts texts;

    public Explainer(Policy policy) {
        this(new Calculator(policy), null);
    }

    /**
     * @param calculator with a ledger's limits ({@link Calculator#withLedger}), or plain
     * @param priors     what entities have used up, with a ledger; null without one
     */
    public Explainer(Calculator calculator, subsidy.calc.PriorSource priors) {
        this(calculator, priors, Texts.EN);
    }

    /** As {@link #Explainer(Calculator, subsidy.calc.PriorSource)}, its words in {@code texts}' language. */
    public Explainer(Calculator calculator, subsidy.calc.PriorSource priors, Texts texts) {
        this.texts = texts;
        this.policy = calculator.policy();
        this.calculator = calculator;
        this.acceptance = new Acceptance(calculator, priors);
    }

    public Optional<Explanation> explain(List<InputFile> inputs, String id) throws InputException, IOException {
        // Read as a cell is read, so full-width digits find the id calc computed them as.
        String wanted = Ids.normalize(id);
        Explanation[] found = new Explanation[1];
        List<String> others = new ArrayList<>();
        SeenIds seen = new SeenIds();
        for (InputFile input : inputs) {
            Header header = input.header();
            acceptance.read(input, seen, wanted, new Acceptance.Outcome() {
                @Override
                public void computed(EntityResult r) {
                    if (!r.entity().entityId().equals(wanted)) {
                        return;
                    }
                    if (found[0] == null) {
                        found[0] = explainComputed(r);
                    } else {
                        others.add(texts.get("audit.explain.at", r.file(), r.line()));
                    }
                }

                @Override
                public void rejected(Rejection r) {
                    if (!r.entityId().equals(wanted)) {
                        return;
                    }
                    if (found[0] == null) {
                        found[0] = explainRejected(r, header);
                    } else {
                        // Each reason with its code, as the text form shows a rejected row's own.
                        List<String> said = new ArrayList<>();
                        List<String> reasons = r.reasons(texts);
                        for (int i = 0; i < reasons.size(); i++) {
                            said.add(texts.get("audit.explain.with_code", reasons.get(i), r.codes().get(i)));
                        }
                        others.add(texts.get("audit.explain.at_because", r.file(), r.line(),
                                String.join(texts.get("audit.explain.separator"), said)));
                    }
                }
            });
        }
        if (found[0] == null) {
            return Optional.empty();
        }
        Explanation f = found[0];
        return Optional.of(new Explanation(f.entityId(), f.name(), f.file(), f.line(), f.policyId(), f.policySha256(),
                f.inputs(), f.rejected(), f.rejectedCodes(), f.size(), f.programs(), f.total(), others, f.household()));
    }

    /** A row computed: each program's steps, and the size decision told step by step. */
    private Explanation explainComputed(EntityResult computed) {
        Entity e = computed.entity();
        String file = computed.file();
        long line = computed.line();
        SizeDecision size = calculator.size(e, true); // the decision computed had, with its steps
        List<Explanation.ProgramSteps> programs = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        java.math.BigDecimal total = Money.ZERO;
        List<ProgramResult> paid = computed.programs();
        for (int i = 0; i < policy.programs().size(); i++) {
            Program p = policy.programs().get(i);
            Trace.Recording trace = new Trace.Recording();
            ProgramResult own = calculator.evaluate(p, e, size, trace, computed.prior());
            ProgramResult r = paid.get(i);
            if (r.amount().compareTo(own.amount()) != 0) {
                // r.reason() is in the calculator's language: explain makes it with this explainer's.
                trace.step(texts.get("audit.explain.limited", Money.format(own.amount()), Money.format(r.amount()),
                        String.valueOf(r.reason())));
            }
            List<String> clauses = new ArrayList<>();
            for (Clause c : p.clauses()) {
                clauses.add(subsidy.policy.Citation.explain(policy.sources(), c, texts));
            }
            programs.add(new Explanation.ProgramSteps(p.id(), p.title(), clauses, trace.lines(),
                    Money.format(r.amount()), r.months() == null ? null : Money.format(r.months()), r.reason(),
                    r.reasonCode()));
            amounts.add(Money.format(r.amount()));
            total = total.add(r.amount());
        }
        String totalLine = String.join(" + ", amounts) + " = " + Money.format(total);
        return new Explanation(e.entityId(), e.name(), file, line, policy.id(), policy.sha256(), InputValues.of(e, policy.schema()),
                List.of(), List.of(), sizeSteps(e, size), programs, totalLine, List.of(), policy.households());
    }

    private List<String> sizeSteps(Entity e, SizeDecision size) {
        if (policy.households()) {
            return List.of(); // households are not sized: the text form leaves the part out
        }
        if (size.row() == null) {
            return List.of(texts.get("audit.explain.unsized", e.type().code()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("audit.explain.size_row", e.industryCode(), size.row().label(),
                policy.sizeTable().source()));
        lines.addAll(size.steps()); // in the calculator's language, as the reasons are
        // English names the codes, as the report's columns do; Chinese the words (小型, 申报).
        boolean ids = texts.lang() == subsidy.text.Lang.EN;
        lines.add(texts.get("audit.explain.size_decided",
                size.declared() == null ? texts.get("audit.explain.blank")
                        : ids ? size.declared().code() : subsidy.program.Words.name(size.declared()).in(texts),
                size.derived() == null ? texts.get("audit.explain.not_derivable")
                        : ids ? size.derived().code() : subsidy.program.Words.name(size.derived()).in(texts),
                ids ? size.size().code() : subsidy.program.Words.name(size.size()).in(texts),
                ids ? size.source().code() : texts.get("report.size_source." + size.source().code())));
        return lines;
    }

    /** A row not computed: its cells as written, its name from its name column, and no total. */
    private Explanation explainRejected(Rejection r, Header header) {
        Map<String, String> cells = new LinkedHashMap<>();
        String entityName = "";
        for (int i = 0; i < r.cells().size(); i++) {
            String name = i < header.cells().size() ? header.cells().get(i).strip()
                    : texts.get("audit.explain.extra_cell", i + 1);
            java.util.Optional<subsidy.entity.ExtraColumn> extra = i < header.cells().size()
                    ? policy.schema().extraForHeader(name) : java.util.Optional.empty();
            boolean person = extra.isPresent() && extra.get().kind() == Column.Kind.RESIDENT_ID;
            cells.put(name, person ? subsidy.entity.ResidentId.mask(r.cells().get(i)) : r.cells().get(i));
            boolean isName = policy.households()
                    ? extra.isPresent() && extra.get().header().equals(subsidy.entity.Households.HEAD_NAME)
                    : i < header.cells().size() && Column.forHeader(name).orElse(null) == Column.NAME;
            if (isName) {
                entityName = r.cells().get(i).strip();
            }
        }
        return new Explanation(r.entityId(), entityName, r.file(), r.line(), policy.id(), policy.sha256(), cells,
                r.reasons(texts), r.codes(), List.of(), List.of(), null, List.of(), policy.households());
    }
}
