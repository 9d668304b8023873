package subsidy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import subsidy.cases.CaseFile;
import subsidy.cases.CaseFileException;
import subsidy.cases.CaseLoader;
import subsidy.cases.CaseReport;
import subsidy.cases.CaseResult;
import subsidy.cases.CaseRunner;
import subsidy.input.IoProblem;
import subsidy.text.Texts;

/** {@code subsidy test FILE|DIR…}: runs the YAML test cases of policies (README, "Testing a policy"). */
@Command(name = "test", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Run policy test cases: each case's rows are computed as calc computes them and compared "
                + "with the amounts, months, sizes and reasons it expects.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed", "1:some case failed", "2:usage error",
            "3:a case file or its policy is unusable: problems listed"})
final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LangOption lang;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", descriptionKey = "paths",
            description = "Case files, or folders whose *.yaml files (at any depth) are case files.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Texts texts = lang.texts();
        List<Path> files = new ArrayList<>();
        boolean unusable = false;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try {
                    List<Path> found = CaseLoader.filesUnder(p);
                    if (found.isEmpty()) {
                        Main.fail(err, texts, texts.get("cli.test.no_case_file", p));
                        unusable = true;
                    }
                    files.addAll(found);
                } catch (IOException e) {
                    Main.fail(err, texts, texts.get("cli.test.cannot_read", p, IoProblem.describe(e, texts)));
                    unusable = true;
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                Main.fail(err, texts, texts.get(Files.exists(p) ? "cli.test.not_file_or_folder"
                        : "cli.test.no_such_file_or_folder", p));
                unusable = true;
            }
        }
        List<CaseResult> results = new ArrayList<>();
        for (Path f : files) {
            CaseFile cases;
            try {
                cases = CaseLoader.load(f);
            } catch (CaseFileException e) {
                out.flush();
                Main.fail(err, texts, e.message(texts));
                unusable = true;
                continue;
            }
            out.println(texts.get("cli.test.file", f, cases.policy()));
            for (CaseResult r : CaseRunner.run(cases, texts)) {
                CaseReport.lines(r, texts).forEach(line -> out.println("  " + line));
                results.add(r);
            }
            out.flush();
        }
        out.println(CaseReport.summary(results, texts) + (unusable ? texts.get("cli.test.some_unusable") : ""));
        out.flush();
        if (unusable) {
            return ExitCode.UNUSABLE;
        }
        return results.stream().allMatch(CaseResult::passed) ? ExitCode.OK : ExitCode.SOME_REJECTED;
    }
}
