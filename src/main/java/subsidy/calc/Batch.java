package subsidy.calc;

import java.io.IOException;
import java.util.List;
import subsidy.entity.Entity;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.input.RowSink;
import subsidy.input.SeenIds;
import subsidy.size.SizeDecision;

/**
 * A calc run: streams every input in order through the {@link Calculator} into a {@link ResultSink},
 * one row at a time, and keeps the control totals. Every row read is either computed or rejected.
 */
public final class Batch {
    private final Calculator calculator;

    public Batch(Calculator calculator) {
        this.calculator = calculator;
    }

    public Totals run(List<InputFile> inputs, ResultSink sink) throws InputException, IOException {
        Totals totals = new Totals(calculator.policy());
        SeenIds seen = new SeenIds();
        RowSink rows = new RowSink() {
            @Override
            public String accepted(Entity entity, String file, long line) throws IOException {
                SizeDecision size = calculator.size(entity, false);
                if (size == null) {
                    return Calculator.unsizedReason(entity);
                }
                EntityResult result = calculator.compute(entity, size, file, line);
                totals.add(result);
                sink.computed(result);
                return null;
            }

            @Override
            public void rejected(Rejection rejection) throws IOException {
                totals.reject();
                sink.rejected(rejection);
            }
        };
        for (InputFile input : inputs) {
            totals.input(input.read(seen, rows));
        }
        return totals;
    }
}
