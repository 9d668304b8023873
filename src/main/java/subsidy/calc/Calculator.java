package subsidy.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import subsidy.Reason;
import subsidy.entity.Entity;
import subsidy.ledger.Prior;
import subsidy.money.Money;
import subsidy.policy.ExclusiveGroup;
import subsidy.policy.Limit;
import subsidy.policy.Policy;
import subsidy.program.Lookups;
import subsidy.program.Program;
import subsidy.program.ProgramResult;
import subsidy.program.ReasonCode;
import subsidy.program.Trace;
import subsidy.size.SizeDecision;
import subsidy.text.Texts;

/**
 * Computes one entity under one policy. It knows nothing of files or the command line, so a test,
 * a service or a distributed job can call it directly.
 */
public final class Calculator {
    private final Policy policy;
    private final Lookups lookups;
    /** The limits across batches, with a ledger; null without one. */
    private final Limits limits;
    /** For each of the policy's groups not combined, in order: each program's fellows in the group. */
    private final List<java.util.Map<String, List<String>>> others;
    /** A hire list's persons, counted instead of the firms' count columns (calc --hires); null without one. */
    private final subsidy.hire.HireRun hires;

    /** Every reason and size row made afresh ({@link Lookups#PLAIN}): the reference, in English. */
    public Calculator(Policy policy) {
        this(policy, Texts.EN);
    }

    /**
     * Every reason and size row made afresh ({@link Lookups#plain(Texts)}), the reasons and explain steps
     * written in the language of {@code texts}.
     */
    public Calculator(Policy policy, Texts texts) {
        this(policy, Lookups.plain(texts), null);
    }

    private Calculator(Policy policy, Lookups lookups, Limits limits) {
        this(policy, lookups, limits, null);
    }

    private Calculator(Policy policy, Lookups lookups, Limits limits, subsidy.hire.HireRun hires) {
        this.policy = policy;
        this.lookups = lookups;
        this.limits = limits;
        this.hires = hires;
        this.others = new ArrayList<>();
        for (ExclusiveGroup g : policy.groups()) {
            java.util.Map<String, List<String>> byProgram = new java.util.HashMap<>();
            for (String id : g.programs()) {
                byProgram.put(id, g.programs().stream().filter(o -> !o.equals(id)).toList());
            }
            others.add(byProgram);
        }
    }

    /**
     * The same calculator, counting the heads of the programs a hire list covers from its persons
     * ({@code calc --hires}) instead of the firms' count columns.
     */
    public Calculator withHires(subsidy.hire.HireRun run) {
        return new Calculator(policy, lookups, limits, run);
    }

    /**
     * The same calculator, computing against a ledger: each program's limit across batches applies to
     * what the ledger says the entity has used up ({@link #compute(Entity, SizeDecision, String, long, Trace, Prior)}).
     */
    public Calculator withLedger(Limits limits) {
        return new Calculator(policy, lookups, limits, hires);
    }

    /** The limits this calculator applies, or null without a ledger. */
    public Limits limits() {
        return limits;
    }

    /**
     * The same calculator with its own memo of reasons and size rows ({@link MemoLookups}), for a
     * run over many rows; its results are equal to this one's.
     */
    public Calculator memoised() {
        return new Calculator(policy, new MemoLookups(policy, lookups.texts()), limits, hires);
    }

    /** The language the reasons and explain steps are written in. */
    public Texts texts() {
        return lookups.texts();
    }

    public Policy policy() {
        return policy;
    }

    /** The size decision, or null when the entity is an enterprise whose size cannot be settled. */
    public SizeDecision size(Entity e, boolean explain) {
        return explain ? policy.sizeTable().explained(e, lookups.texts()) : policy.sizeTable().decide(e, lookups);
    }

    public EntityResult compute(Entity e, SizeDecision size, String file, long line) {
        return compute(e, size, file, line, Trace.NONE);
    }

    public EntityResult compute(Entity e, SizeDecision size, String file, long line, Trace trace) {
        return compute(e, size, file, line, trace, null);
    }

    /**
     * @param prior what the ledger says the entity has used up (with {@link #withLedger}); null without a
     *              ledger, {@link Prior#NONE} for an entity it never paid
     */
    public EntityResult compute(Entity e, SizeDecision size, String file, long line, Trace trace, Prior prior) {
        List<ProgramResult> results = new ArrayList<>(policy.programs().size());
        Prior used = limits == null ? null : prior == null ? Prior.NONE : prior;
        for (Program p : policy.programs()) {
            if (trace.on()) {
                trace.step(lookups.texts().get("reasons.trace.program", p.id(), p.title(), p.clauseLabel()));
            }
            if (used == null) {
                results.add(evaluateOne(p, e, size, trace));
                continue;
            }
            results.add(evaluate(p, e, size, trace, used));
        }
        for (int k = 0; k < policy.groups().size(); k++) {
            ExclusiveGroup g = policy.groups().get(k);
            if (used != null) {
                acrossBatches(g, others.get(k), results, used, trace);
            }
            payTheHigher(g, results, trace, lookups.texts());
        }
        BigDecimal total = Money.ZERO;
        for (ProgramResult r : results) {
            total = total.add(r.amount());
        }
        return new EntityResult(e, file, line, size, results, total, used);
    }

    /**
     * One program for one entity under its limit across batches, as {@link #compute} evaluates it with a
     * ledger (the exclusive groups aside): {@code explain --ledger} tells each program's steps this way.
     */
    public ProgramResult evaluate(Program p, Entity e, SizeDecision size, Trace trace, Prior prior) {
        if (limits == null) {
            return evaluateOne(p, e, size, trace);
        }
        Prior used = prior == null ? Prior.NONE : prior;
        Limit limit = policy.limit(p.id());
        ProgramResult r = evaluateOne(p, limits.before(p, limit, e, used, trace, lookups.texts()), size, trace);
        return limits.after(p, limit, r, used, trace, lookups.texts());
    }

    /** One program for one entity, its heads from the hire list when one covers it. */
    private ProgramResult evaluateOne(Program p, Entity e, SizeDecision size, Trace trace) {
        if (hires == null || !(p instanceof subsidy.program.PerHead ph) || !hires.covers(p)) {
            return p.evaluate(e, size.size(), lookups, trace);
        }
        int firm = hires.firm(e.entityId());
        ProgramResult r = ph.evaluate(e, size.size(), lookups, trace,
                c -> hires.counts(c) ? hires.count(firm, c) : c.count(e));
        return hires.noted(ph, r, firm, lookups.texts());
    }

    /** What the group's programs paid in earlier batches counts against each of them ({@link Limits#group}). */
    private void acrossBatches(ExclusiveGroup g, java.util.Map<String, List<String>> fellows,
            List<ProgramResult> results, Prior used, Trace trace) {
        for (String id : g.programs()) {
            int i = indexOf(results, id);
            if (i < 0) {
                continue;
            }
            Program p = policy.programs().get(i);
            results.set(i, limits.group(p, policy.limit(id), g.id(), fellows.get(id), results.get(i), used, trace,
                    lookups.texts()));
        }
    }

    /** Within a group not combined, only the highest amount is paid (the first listed on a tie). */
    private static void payTheHigher(ExclusiveGroup g, List<ProgramResult> results, Trace trace, Texts texts) {
        int best = -1;
        for (String id : g.programs()) {
            int i = indexOf(results, id);
            if (i >= 0 && (best < 0 || results.get(i).amount().compareTo(results.get(best).amount()) > 0)) {
                best = i;
            }
        }
        if (best < 0 || results.get(best).amount().signum() == 0) {
            return;
        }
        ProgramResult winner = results.get(best);
        for (String id : g.programs()) {
            int i = indexOf(results, id);
            if (i >= 0 && i != best && results.get(i).amount().signum() > 0) {
                Reason why = ReasonCode.PAID_BY_HIGHER_PROGRAM.reason(texts.get("reasons.paid_by_higher",
                        winner.programId(), Money.format(winner.amount()), g.id()));
                if (trace.on()) {
                    trace.step(texts.get("reasons.trace.not_paid", id, Money.format(results.get(i).amount()),
                            why.text()));
                }
                results.set(i, results.get(i).notPaid(why));
            }
        }
    }

    private static int indexOf(List<ProgramResult> results, String id) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).programId().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
