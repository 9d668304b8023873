package subsidy.cli;

import java.time.LocalDate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import subsidy.input.Dates;

/** --as-of reads a date as an input cell does, so a clerk can type either form the CSV files use. */
final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return Dates.parse(value);
        } catch (IllegalArgumentException e) {
            // In English: a converter has no language. Main.usageMessage says it again in the run's language.
            throw new TypeConversionException(e.getMessage());
        }
    }
}
