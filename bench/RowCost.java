import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.entity.Entity;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.input.RowSink;
import subsidy.input.SeenIds;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.report.CsvLine;
import subsidy.report.ReportTable;
import subsidy.report.SizeCheck;

/**
 * What one row costs once the JIT has done its work, on one core: computing it, and computing and
 * rendering its report.csv and size_check.csv rows, each timed over the same rows round after round,
 * alternating. The render cost is the difference, given as a ratio to computing alone measured in
 * the same rounds. calc's own ratio against the floor is bench/run's; this says where a warm row's
 * time goes.
 *
 *   java -Xmx512m -cp target/subsidy.jar bench/RowCost.java bench/data/entities-1000000-seed42.csv [ROWS] [ROUNDS]
 */
public class RowCost {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        // The default policy is the 2022 plans: read on a 2022 date.
        Policy policy = PolicyLoader.bundled(subsidy.policy.Resolution.on(java.time.LocalDate.of(2022, 6, 30)));
        Calculator calc = new Calculator(policy);
        List<Entity> entities = new ArrayList<>();
        new InputFile(Path.of(args[0]), null).read(new SeenIds(), new RowSink() {
            @Override
            public String accepted(Entity e, String file, long line) {
                if (entities.size() < rows) {
                    entities.add(e);
                }
                return null;
            }

            @Override
            public void rejected(Rejection r) {
            }
        });
        ReportTable table = new ReportTable(policy);
        SizeCheck sizeCheck = new SizeCheck(OutputStream.nullOutputStream());
        CsvLine line = new CsvLine();
        List<Double> computeOnly = new ArrayList<>();
        List<Double> withRender = new ArrayList<>();
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (Entity e : entities) {
                sink += calc.compute(e, calc.size(e, false), "bench", 1).programs().size();
            }
            long t1 = System.nanoTime();
            for (Entity e : entities) {
                EntityResult r = calc.compute(e, calc.size(e, false), "bench", 1);
                sink += table.render(r, line).length;
                byte[] check = sizeCheck.render(r, line);
                sink += check == null ? 0 : check.length;
            }
            long t2 = System.nanoTime();
            computeOnly.add((t1 - t0) / (double) entities.size());
            withRender.add((t2 - t1) / (double) entities.size());
        }
        // The first rounds run while the JIT is still compiling: the medians of the second half.
        double c = median(computeOnly.subList(rounds / 2, rounds));
        double cr = median(withRender.subList(rounds / 2, rounds));
        System.out.printf("%d rows, %d rounds (medians of the last %d)%n", entities.size(), rounds, rounds - rounds / 2);
        System.out.printf("compute            %6.0f ns/row%n", c);
        System.out.printf("compute + render   %6.0f ns/row%n", cr);
        System.out.printf("render / compute   %6.2f%n", (cr - c) / c);
        if (sink == 42) {
            System.out.println(); // keeps the work from being optimised away
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
