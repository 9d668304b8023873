package subsidy.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import subsidy.report.XlsxOutputs;
import subsidy.text.Msg;
import subsidy.text.Texts;

/** calc's --format: the tables in --out as CSV files, Excel workbooks, or both. */
final class WorkbookOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "F", defaultValue = "csv",
            description = "Write the report, rejected rows and summary in --out as csv, xlsx (Excel workbooks) "
                    + "or both (default: ${DEFAULT-VALUE}). A --notice file named *.xlsx is a workbook.")
    String format;

    /** The format asked for; a usage error for anything but csv, xlsx, both, or a workbook without --out. */
    XlsxOutputs.Format format(Path out) {
        return format(out, Texts.EN);
    }

    XlsxOutputs.Format format(Path out, Texts texts) {
        XlsxOutputs.Format f = XlsxOutputs.Format.parse(format);
        if (f == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    Msg.of("workbook.format_unknown", subsidy.input.Escape.controls(format)).in(texts));
        }
        if (f.xlsx() && out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    Msg.of("workbook.format_needs_out", f.name().toLowerCase(java.util.Locale.ROOT)).in(texts));
        }
        return f;
    }

    /** --sheet, for every command that reads inputs (calc, explain, verify). */
    static final class Sheet {
        @Option(names = "--sheet", paramLabel = "NAME",
                description = "The sheet to read of an input that is an Excel workbook (.xlsx); default: its first.")
        String sheet;
    }
}
