package subsidy.hire;

import java.time.LocalDate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import subsidy.calc.EntityResult;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.entity.ResidentId;
import subsidy.input.Rejection;
import subsidy.ledger.HiredPersons;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.program.PerHead;
import subsidy.program.Program;
import subsidy.program.ProgramResult;
import subsidy.program.ReasonCode;
import subsidy.program.Words;
import subsidy.text.Texts;

/**
 * A hire list applied to a run: which hire is paid for each person, how many persons each firm is
 * counted for (what {@link subsidy.calc.Calculator} uses instead of the firm's count columns), and, once
 * the firms are computed, each hire's outcome.
 *
 * <p>The rules (issue 20, 「按每人1500元的标准」, 「与一次性吸纳就业补贴政策不重复享受」):
 * <ul>
 * <li>A hire list covers the {@code per_head} programs whose units count grad_hires, youth_hires or
 * hard_to_employ_hires. A category no program in force counts is paid nothing and wins nobody.</li>
 * <li>A person paid in an earlier batch (the ledger's {@code hired_person}) is not paid again, under any
 * covered program.</li>
 * <li>Otherwise the person's first hire by date wins (a tie: the earlier row in the file); the firm of
 * that hire is the one counted for the person. Every row of another firm gets 0, naming it.</li>
 * <li>The winning firm counts the person once, under the category its rows give the person that pays
 * most over the covered programs (就高; a tie: the earlier row); its other rows of the person get 0.
 * This holds across all covered programs of a policy, not per program: both programs of the default
 * policy that a hire list covers are the one person's subsidy, 「与一次性吸纳就业补贴政策不重复享受」
 * (seed 003 @11943), and 保山's policy covers only one.</li>
 * </ul>
 * Held in primitive arrays: a few bytes a hire, a few more a firm.
 */
public final class HireRun {
    /** What became of a hire, as hires.csv's {@code outcome} says it. */
    public enum Outcome {
        PAID, NOT_PAID, FIRM_ABSENT, FIRM_REJECTED, OTHER_FIRM, SAME_FIRM, EARLIER_PERIOD, NOT_COVERED,
        /** Hired after the date the batch is computed for, or before the person was 16: not counted. */
        OUTSIDE_DATES;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final byte COUNTED = 0;
    private static final byte OTHER = 1;
    private static final byte SAME = 2;
    private static final byte EARLIER = 3;
    private static final byte UNCOVERED = 4;
    /** Hired after the policy's as-of date (the batch's): not a hire of this batch. */
    private static final byte AFTER = 5;
    /** Hired before the person's 16th birthday (劳动法 第十五条), or before their birth: a wrong row. */
    private static final byte YOUNG = 6;
    /** The youngest age at which a person may be hired (劳动法 第十五条: 禁止用人单位招用未满十六周岁的未成年人). */
    private static final int WORKING_AGE = 16;

    /** One program that counts one category, and its amount per head. */
    private record Cover(int program, String programId, String title, BigDecimal amount) {
        /** The program as hires.csv names it: its id in English, its title in Chinese (as report.csv's notes). */
        String name(Texts t) {
            return t.lang() == subsidy.text.Lang.ZH ? title : programId;
        }
    }

    private final HireList list;
    private final Policy policy;
    private final List<List<Cover>> covers = new ArrayList<>(); // by Category ordinal
    private final BigDecimal[] worth = new BigDecimal[Category.values().length];
    private final List<String> coveredIds = new ArrayList<>();
    private final int[] coveredIndex; // policy program index → index among covered, or -1
    private final byte[] status;
    private final int[] ref;
    // firms counted for someone, sorted by key
    private long[] firmHigh = new long[0];
    private long[] firmLow = new long[0];
    private int[] counts = new int[0]; // 3 per firm
    private byte[] firmState = new byte[0]; // 0: not in the firm list, 1: computed, 2: rejected
    private String[] firmNotPaid = new String[0]; // per firm and covered program: why 0; null when paid
    private final Map<Integer, String[]> firmRejectedAt = new HashMap<>();
    private final HiredPersons.Paid before;
    /** By category: its programs, as hires.csv names them in English and in Chinese. */
    private final String[] programNamesEn = new String[Category.values().length];
    private final String[] programNamesZh = new String[Category.values().length];

    private HireRun(Policy policy, HireList list, HiredPersons.Paid before) {
        this.policy = policy;
        this.list = list;
        this.before = before;
        this.status = new byte[list.size()];
        this.ref = new int[list.size()];
        for (int c = 0; c < Category.values().length; c++) {
            covers.add(new ArrayList<>());
            worth[c] = BigDecimal.ZERO;
        }
        List<Program> programs = policy.programs();
        coveredIndex = new int[programs.size()];
        for (int i = 0; i < programs.size(); i++) {
            coveredIndex[i] = -1;
            if (!(programs.get(i) instanceof PerHead ph)) {
                continue;
            }
            for (PerHead.Unit u : ph.units()) {
                Category c = u.column() instanceof Column col ? Category.ofColumn(col) : null;
                if (c == null) {
                    continue;
                }
                covers.get(c.ordinal()).add(new Cover(i, ph.id(), ph.title(), u.amount()));
                worth[c.ordinal()] = worth[c.ordinal()].add(u.amount());
                if (coveredIndex[i] < 0) {
                    coveredIndex[i] = coveredIds.size();
                    coveredIds.add(ph.id());
                }
            }
        }
    }

    /** The ids of the programs a hire list covers under {@code policy}: what the ledger is asked about. */
    public static List<String> coveredPrograms(Policy policy) {
        return new HireRun(policy, HireList.empty(), null).coveredIds;
    }

    /**
     * Decides who is paid for each person.
     *
     * @param before the persons the ledger says were paid already, or null without a ledger
     */
    public static HireRun assign(Policy policy, HireList list, HiredPersons.Paid before) {
        HireRun run = new HireRun(policy, list, before);
        run.assign();
        return run;
    }

    private boolean covered(int category) {
        return !covers.get(category).isEmpty();
    }

    /** The epoch day of the 16th birthday of the person whose number's first 17 digits are {@code key}. */
    private static long sixteenth(long key) {
        int ymd = (int) (key / 1000 % 100_000_000L); // characters 7 to 14: YYYYMMDD, a real date (ResidentId)
        LocalDate born = LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100);
        return born.plusYears(WORKING_AGE).toEpochDay();
    }

    private void assign() {
        int n = list.size();
        int covered = 0;
        long last = policy.asOf() == null ? Long.MAX_VALUE : policy.asOf().toEpochDay();
        for (int i = 0; i < n; i++) {
            if (!covered(list.category[i])) {
                status[i] = UNCOVERED;
            } else if (list.date[i] > last) {
                status[i] = AFTER;
            } else if (list.date[i] < sixteenth(list.person[i])) {
                status[i] = YOUNG;
            } else {
                covered++;
            }
        }
        int[] order = new int[covered];
        for (int i = 0, k = 0; i < n; i++) {
            if (status[i] != UNCOVERED && status[i] != AFTER && status[i] != YOUNG) {
                order[k++] = i;
            }
        }
        long[] person = list.person;
        int[] date = list.date;
        // By person, then date, then row: stable radix passes by date, then by person (rows start in order).
        long[] key = new long[covered];
        long most = 0;
        int least = Integer.MAX_VALUE;
        for (int k = 0; k < covered; k++) {
            least = Math.min(least, date[order[k]]);
        }
        for (int k = 0; k < covered; k++) {
            key[k] = date[order[k]] - (long) least;
            most = Math.max(most, key[k]);
        }
        IntSort.radix(order, key, IntSort.bits(most));
        most = 0;
        for (int k = 0; k < covered; k++) {
            key[k] = person[order[k]];
            most = Math.max(most, key[k]);
        }
        IntSort.radix(order, key, IntSort.bits(most));
        key = null;
        long[] paidBefore = beforeKeys();
        int[] counted = new int[covered];
        int nCounted = 0;
        for (int s = 0; s < order.length;) {
            int e = s;
            long p = person[order[s]];
            while (e < order.length && person[order[e]] == p) {
                e++;
            }
            int earlier = paidBefore == null ? -1 : java.util.Arrays.binarySearch(paidBefore, p);
            if (earlier >= 0) {
                while (earlier > 0 && paidBefore[earlier - 1] == p) {
                    earlier--; // the first payment
                }
                for (int k = s; k < e; k++) {
                    status[order[k]] = EARLIER;
                    ref[order[k]] = earlier;
                }
                s = e;
                continue;
            }
            int first = order[s];
            int best = first;
            for (int k = s + 1; k < e; k++) {
                int h = order[k];
                if (sameFirm(h, first) && worth[list.category[h]].compareTo(worth[list.category[best]]) > 0) {
                    best = h;
                }
            }
            for (int k = s; k < e; k++) {
                int h = order[k];
                if (h == best) {
                    status[h] = COUNTED;
                } else {
                    status[h] = sameFirm(h, best) ? SAME : OTHER;
                    ref[h] = best;
                }
            }
            counted[nCounted++] = best;
            s = e;
        }
        firms(java.util.Arrays.copyOf(counted, nCounted));
    }

    private boolean sameFirm(int a, int b) {
        return list.firmHigh[a] == list.firmHigh[b] && list.firmLow[a] == list.firmLow[b];
    }

    /** The ledger's persons as keys, in their order (sorted by number); null without a ledger. */
    private long[] beforeKeys() {
        if (before == null) {
            return null;
        }
        long[] keys = new long[before.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Keys.person(before.person()[i]);
        }
        return keys;
    }

    /** The firms counted for someone, with their counts per category. */
    private void firms(int[] counted) {
        long[] hi = list.firmHigh;
        long[] lo = list.firmLow;
        long[] key = new long[counted.length];
        long most = 0;
        for (int k = 0; k < counted.length; k++) {
            key[k] = lo[counted[k]];
            most = Math.max(most, key[k]);
        }
        IntSort.radix(counted, key, IntSort.bits(most));
        most = 0;
        for (int k = 0; k < counted.length; k++) {
            key[k] = hi[counted[k]];
            most = Math.max(most, key[k]);
        }
        IntSort.radix(counted, key, IntSort.bits(most));
        int firms = 0;
        for (int k = 0; k < counted.length; k++) {
            if (k == 0 || !sameFirm(counted[k], counted[k - 1])) {
                firms++;
            }
        }
        firmHigh = new long[firms];
        firmLow = new long[firms];
        counts = new int[3 * firms];
        int f = -1;
        for (int k = 0; k < counted.length; k++) {
            int h = counted[k];
            if (k == 0 || !sameFirm(h, counted[k - 1])) {
                f++;
                firmHigh[f] = hi[h];
                firmLow[f] = lo[h];
            }
            counts[3 * f + list.category[h]]++;
            ref[h] = f; // a counted hire's ref is its firm
        }
        firmState = new byte[firms];
        firmNotPaid = new String[firms * Math.max(1, coveredIds.size())];
    }

    /** The index of the firm with this credit code among those counted for someone, or -1. */
    private int firmIndex(String entityId) {
        if (!Keys.firmShaped(entityId)) {
            return -1;
        }
        return firmIndex(Keys.firmHigh(entityId), Keys.firmLow(entityId));
    }

    private int firmIndex(long hi, long lo) {
        int a = 0;
        int b = firmHigh.length - 1;
        while (a <= b) {
            int m = (a + b) >>> 1;
            int c = firmHigh[m] != hi ? Long.compare(firmHigh[m], hi) : Long.compare(firmLow[m], lo);
            if (c < 0) {
                a = m + 1;
            } else if (c > 0) {
                b = m - 1;
            } else {
                return m;
            }
        }
        return -1;
    }

    // ---- what the calculator asks ----

    /** Whether {@code column} is counted from the hire list under this policy. */
    public boolean counts(ColumnRef column) {
        Category c = column instanceof Column col ? Category.ofColumn(col) : null;
        return c != null && covered(c.ordinal());
    }

    /** Whether {@code program} is one a hire list covers. */
    public boolean covers(Program program) {
        return coveredIds.contains(program.id());
    }

    /** The persons the firm is counted for, in {@code column} (a column {@link #counts} says yes to). */
    public long count(String entityId, ColumnRef column) {
        return count(firm(entityId), column);
    }

    /** The firm's index among those counted for someone, or -1: looked up once for several counts. */
    public int firm(String entityId) {
        return firmIndex(entityId);
    }

    /** As {@link #count(String, ColumnRef)}, for the firm {@link #firm} found (-1: none). */
    public long count(int firm, ColumnRef column) {
        Category c = Category.ofColumn((Column) column);
        return firm < 0 ? 0 : counts[3 * firm + c.ordinal()];
    }

    /**
     * A covered program's result with the note that its heads came from the hire list: a paid amount
     * carries it with the code {@code counted_from_hires}; a 0 for nobody counted says so in its reason.
     */
    public ProgramResult noted(PerHead p, ProgramResult r, String entityId, Texts t) {
        return noted(p, r, firm(entityId), t);
    }

    /** The note of a program for a firm's counts: the same few counts recur on most firms, so it is made once each. */
    private record NoteKey(String program, Texts texts, int graduates, int youths, int hardToEmploy) {
    }

    private final java.util.concurrent.ConcurrentHashMap<NoteKey, String> notes =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** As {@link #noted(PerHead, ProgramResult, String, Texts)}, for the firm {@link #firm} found. */
    public ProgramResult noted(PerHead p, ProgramResult r, int firm, Texts t) {
        NoteKey key = firm < 0 ? new NoteKey(p.id(), t, 0, 0, 0)
                : new NoteKey(p.id(), t, counts[3 * firm], counts[3 * firm + 1], counts[3 * firm + 2]);
        String note = notes.computeIfAbsent(key, k -> {
            List<String> parts = new ArrayList<>();
            for (PerHead.Unit u : p.units()) {
                if (counts(u.column())) {
                    parts.add(t.get("hires.counted_part", Words.column(u.column(), t), count(firm, u.column())));
                }
            }
            return t.get("hires.counted", String.join(t.get("hires.separator"), parts));
        });
        if (r.amount().signum() > 0) {
            String reason = r.reason() == null ? note : t.get("reasons.joined", r.reason(), note);
            return new ProgramResult(r.programId(), r.eligible(), r.base(), r.rate(), r.unitAmount(), r.quantity(),
                    r.amount(), r.months(), reason, r.reason() == null ? ReasonCode.COUNTED_FROM_HIRES.code()
                            : r.reasonCode());
        }
        if (ReasonCode.NONE_COUNTED.code().equals(r.reasonCode())) {
            return new ProgramResult(r.programId(), r.eligible(), r.base(), r.rate(), r.unitAmount(), r.quantity(),
                    r.amount(), r.months(), note, r.reasonCode());
        }
        return r;
    }

    // ---- what the run tells it ----

    /** A firm computed: what its covered programs paid, for the hires counted for it. On one thread. */
    public void computed(EntityResult r) {
        int f = firmIndex(r.entity().entityId());
        if (f < 0 || firmState[f] == 1) {
            return;
        }
        firmState[f] = 1;
        List<ProgramResult> results = r.programs();
        for (int i = 0; i < results.size() && i < coveredIndex.length; i++) {
            int k = coveredIndex[i];
            if (k < 0) {
                continue;
            }
            ProgramResult pr = results.get(i);
            firmNotPaid[f * coveredIds.size() + k] = pr.amount().signum() > 0 ? null
                    : pr.reason() == null ? "" : pr.reason();
        }
    }

    /** A firm's row rejected: the hires counted for it are paid nothing, saying where. */
    public void rejected(Rejection r) {
        int f = firmIndex(r.entityId());
        if (f < 0 || firmState[f] != 0) {
            return;
        }
        firmState[f] = 2;
        firmRejectedAt.put(f, new String[] {r.file(), Long.toString(r.line())});
    }

    // ---- each hire's outcome ----

    /** One hire's outcome, as hires.csv lists it. */
    public record Result(int line, String entityId, String idNumber, Category category, String hireDate,
            String programs, BigDecimal amount, Outcome outcome, String note) {
    }

    /** The outcome of hire {@code i} (in the file's order), in the language of {@code t}. */
    public Result result(int i, Texts t) {
        Category cat = list.category(i);
        String firm = list.firm(i);
        List<Cover> cs = covers.get(cat.ordinal());
        String[] names = t.lang() == subsidy.text.Lang.ZH ? programNamesZh : programNamesEn;
        if (names[cat.ordinal()] == null) {
            names[cat.ordinal()] = String.join(t.get("hires.separator"), cs.stream().map(c -> c.name(t)).toList());
        }
        String programs = names[cat.ordinal()];
        BigDecimal amount = Money.ZERO;
        Outcome outcome;
        String note;
        switch (status[i]) {
            case UNCOVERED -> {
                outcome = Outcome.NOT_COVERED;
                note = t.get("hires.not_covered", cat.word(t));
            }
            case AFTER -> {
                outcome = Outcome.OUTSIDE_DATES;
                note = t.get("hires.after_as_of", list.hireDate(i), policy.asOf());
            }
            case YOUNG -> {
                outcome = Outcome.OUTSIDE_DATES;
                note = t.get("hires.under_working_age", list.hireDate(i), WORKING_AGE);
            }
            case EARLIER -> {
                int b = ref[i];
                outcome = Outcome.EARLIER_PERIOD;
                note = t.get("hires.earlier_period", before.period()[b], before.batch()[b], before.entity()[b]);
            }
            case OTHER -> {
                int w = ref[i];
                outcome = Outcome.OTHER_FIRM;
                note = t.get("hires.other_firm", list.firm(w), list.hireDate(w), list.line(w));
            }
            case SAME -> {
                int w = ref[i];
                outcome = Outcome.SAME_FIRM;
                note = t.get("hires.same_firm", list.category(w).word(t), list.line(w));
            }
            default -> {
                int f = ref[i];
                if (firmState[f] == 0) {
                    outcome = Outcome.FIRM_ABSENT;
                    note = t.get("hires.firm_absent");
                } else if (firmState[f] == 2) {
                    String[] at = firmRejectedAt.get(f);
                    outcome = Outcome.FIRM_REJECTED;
                    note = t.get("hires.firm_rejected", at[0], at[1]);
                } else {
                    List<String> why = new ArrayList<>();
                    for (Cover c : cs) {
                        String not = firmNotPaid[f * coveredIds.size() + coveredIndex[c.program()]];
                        if (not == null) {
                            amount = amount.add(c.amount());
                        } else {
                            why.add(t.get("hires.firm_not_paid", c.name(t), not));
                        }
                    }
                    amount = Money.round(amount);
                    outcome = amount.signum() > 0 ? Outcome.PAID : Outcome.NOT_PAID;
                    note = why.isEmpty() ? paidNote(t) : String.join("; ", why);
                }
            }
        }
        return new Result(list.line(i), firm, list.idNumber(i), cat, list.hireDate(i).toString(),
                programs == null ? "" : programs,
                amount.signum() == 0 ? Money.ZERO : amount, outcome, note);
    }

    private String paidNote;
    private Texts paidNoteIn;

    /**
     * Works out once what every row's outcome in {@code t}'s language shares (the programs of each
     * category, the words), so that {@link #result} may then be asked from several threads at once.
     */
    public void prepare(Texts t) {
        paidNote(t);
        for (Category c : Category.values()) {
            c.word(t);
            String[] names = t.lang() == subsidy.text.Lang.ZH ? programNamesZh : programNamesEn;
            names[c.ordinal()] = String.join(t.get("hires.separator"),
                    covers.get(c.ordinal()).stream().map(x -> x.name(t)).toList());
        }
    }

    private String paidNote(Texts t) {
        if (paidNoteIn != t) {
            paidNote = t.get("hires.paid");
            paidNoteIn = t;
        }
        return paidNote;
    }

    public HireList list() {
        return list;
    }

    /** What the summary and the manifest count, worked out once the firms are computed. */
    public record Counts(long read, long paidPersons, long paidRows, long zeroRows, long rejected, BigDecimal total) {
    }

    private Counts summed;

    /** Worked out once, after every firm was computed. */
    public Counts counts() {
        if (summed != null) {
            return summed;
        }
        long paid = 0;
        long[] fen = new long[1]; // in fen: each amount is to the fen
        for (int i = 0; i < list.size(); i++) {
            if (status[i] != COUNTED) {
                continue;
            }
            long a = paidFen(i);
            if (a > 0) {
                paid++;
                fen[0] += a;
            }
        }
        summed = new Counts(list.rowsRead(), paid, paid, list.size() - paid, list.rejected().size(),
                BigDecimal.valueOf(fen[0], 2));
        return summed;
    }

    /** What a counted hire is paid, in fen: the covered programs its firm was paid. */
    private long paidFen(int i) {
        int f = ref[i];
        if (firmState[f] != 1) {
            return 0;
        }
        long fen = 0;
        for (Cover c : covers.get(list.category[i])) {
            if (firmNotPaid[f * coveredIds.size() + coveredIndex[c.program()]] == null) {
                fen += c.amount().movePointRight(2).longValueExact();
            }
        }
        return fen;
    }

    /** The persons this batch paid, per program, for the ledger's {@code hired_person}. */
    public Iterable<HiredPersons.Row> ledgerRows() {
        return () -> new Iterator<>() {
            private int i = -1;
            private final List<HiredPersons.Row> pending = new ArrayList<>();

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && ++i < list.size()) {
                    if (status[i] != COUNTED) {
                        continue;
                    }
                    int f = ref[i];
                    if (firmState[f] != 1) {
                        continue;
                    }
                    for (Cover c : covers.get(list.category[i])) {
                        if (firmNotPaid[f * coveredIds.size() + coveredIndex[c.program()]] == null) {
                            pending.add(new HiredPersons.Row(list.idNumber(i), c.programId(), list.firm(i),
                                    Money.format(c.amount()), list.hireDate(i).toString()));
                        }
                    }
                }
                return !pending.isEmpty();
            }

            @Override
            public HiredPersons.Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.remove(0);
            }
        };
    }

    /** The number shown where it could leak. */
    static String masked(String idNumber) {
        return ResidentId.mask(idNumber);
    }

    /** The covered programs' ids, for the manifest. */
    public Set<String> programs() {
        return new LinkedHashSet<>(coveredIds);
    }
}
