package subsidy.calc;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import subsidy.entity.Entity;
import subsidy.ledger.Prior;
import subsidy.program.Trace;
import subsidy.input.Chunk;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.InputStats;
import subsidy.input.ParsedRow;
import subsidy.input.Rejection;
import subsidy.input.RejectionCode;
import subsidy.input.SeenIds;
import subsidy.size.SizeDecision;
import subsidy.text.Msg;

/**
 * How a row read from an input becomes an entity's result, the one place that decides it for calc,
 * verify, explain and {@code subsidy test}. In the order the rules are asked:
 * <ol>
 * <li>a row whose credit code an earlier row (of any input) had is rejected as a duplicate, with
 *     its own reasons if it has any, and a row whose cells do not read as an entity is rejected for
 *     every reason they give (the reader's part: {@link ParsedRow#rejection(SeenIds)});
 * <li>an enterprise whose size cannot be settled is rejected as not sizable
 *     ({@link RejectionCode#SIZE_NOT_DERIVABLE});
 * <li>every other row is computed by the {@link Calculator}.
 * </ol>
 * Rejections carry each reason with its code. The rule comes in two halves so that a batch can
 * spread the work over threads: {@link #compute} (sizing and computing: any thread, any order) and
 * {@link #rejection} (every step's verdict, in input order, since only then does "earlier" mean
 * what it says). {@link Batch} runs them on its workers and its calling thread; {@link #read} runs
 * both on one thread.
 */
public final class Acceptance {
    /** Receives every row of the inputs, in order: each either computed or rejected, never both. */
    public interface Outcome {
        void computed(EntityResult result) throws IOException;

        void rejected(Rejection rejection) throws IOException;
    }

    private final Calculator calculator;
    /** With a ledger, where {@link #read} learns what each chunk's entities have used up; else null. */
    private final PriorSource priors;

    public Acceptance(Calculator calculator) {
        this(calculator, null);
    }

    /** @param priors with a ledger ({@link Calculator#withLedger}), what entities have used up; null without */
    public Acceptance(Calculator calculator, PriorSource priors) {
        this.calculator = calculator;
        this.priors = priors;
    }

    public Calculator calculator() {
        return calculator;
    }

    /**
     * The row computed, or null when it is not: its cells did not read as an entity, or it is an
     * enterprise whose size cannot be settled. Any thread, any order; whether the row stands is
     * {@link #rejection}'s to say.
     */
    public EntityResult compute(ParsedRow row) {
        return compute(row, null);
    }

    /** As {@link #compute(ParsedRow)}, against what a ledger says the entity has used up (null: no ledger). */
    public EntityResult compute(ParsedRow row, Prior prior) {
        Entity e = row.entity();
        if (e == null) {
            return null;
        }
        SizeDecision size = calculator.size(e, false);
        return size == null ? null : calculator.compute(e, size, row.file(), row.line(), Trace.NONE, prior);
    }

    /**
     * Why the row is rejected, given what {@link #compute} made of it, or null when its result
     * stands. Asked once per row, in input order: from then on the row's credit code counts as seen.
     *
     * @param computed what {@link #compute} returned for this row
     */
    public Rejection rejection(ParsedRow row, EntityResult computed, SeenIds seen) {
        Rejection rejected = row.rejection(seen);
        return rejected != null || computed != null ? rejected : row.rejection(RejectionCode.SIZE_NOT_DERIVABLE, notSizable(row.entity()));
    }

    /**
     * Every row of {@code input}, in order, into {@code outcome}: both halves on the calling
     * thread. Duplicates are decided against {@code seen}, which a run shares across its inputs.
     */
    public InputStats read(InputFile input, SeenIds seen, Outcome outcome) throws InputException, IOException {
        return read(input, seen, null, outcome);
    }

    /**
     * As {@link #read(InputFile, SeenIds, Outcome)}, but only the rows of one entity reach
     * {@code outcome}: those whose entity_id is {@code entityId} (as a credit code, or as the cell
     * reads when it is not a valid one). The other rows are not computed; they only count as seen.
     * The counts returned are then of the rows passed on.
     *
     * @param entityId null for every row
     */
    public InputStats read(InputFile input, SeenIds seen, String entityId, Outcome outcome)
            throws InputException, IOException {
        long read = 0;
        long accepted = 0;
        try (InputFile.Reading reading = input.open()) {
            for (Chunk chunk = reading.next(); chunk != null; chunk = reading.next()) {
                List<ParsedRow> rows = reading.rows(chunk);
                Map<String, Prior> prior = priors == null ? null : priors.lookup(Batch.entityIds(rows));
                for (ParsedRow row : rows) {
                    if (entityId != null && !entityId.equals(row.id()) && !entityId.equals(row.entityId())) {
                        row.duplicate(seen);
                        continue;
                    }
                    read++;
                    EntityResult result = prior == null || row.entity() == null ? compute(row)
                            : compute(row, prior.getOrDefault(row.entity().entityId(), Prior.NONE));
                    Rejection rejected = rejection(row, result, seen);
                    if (rejected == null) {
                        accepted++;
                        outcome.computed(result);
                    } else {
                        outcome.rejected(rejected);
                    }
                }
            }
            return reading.stats(read, accepted);
        }
    }

    /** Why an enterprise whose size cannot be settled is not computed ({@link RejectionCode#SIZE_NOT_DERIVABLE}). */
    static Msg notSizable(Entity e) {
        return Msg.of("input.row.size_not_derivable", e.industryCode());
    }
}
