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
            // LANG: Dates.parse (input helper) words the problem in English; picocli prefixes "Invalid value for
            // option '--as-of'", which Main.usageMessage does not translate.
            throw new TypeConversionException(e.getMessage());
        }
    }
}
