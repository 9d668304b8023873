package subsidy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import subsidy.report.Outputs;
import subsidy.run.OutputDir;
import subsidy.text.Texts;

/**
 * Where calc writes, checked against what it reads before anything is touched: a run replaces --out as a
 * whole and the notice list as a file, so neither may hold an input or the policy, --force or not. Paths
 * are compared as the file system resolves them, links and all.
 */
final class Places {
    private final CommandLine cl;
    private final Texts texts;
    private final Path out;
    private final Path notice;
    private final Path policy;

    Places(CommandLine cl, Path out, Path notice, Path policy) {
        this(cl, Texts.EN, out, notice, policy);
    }

    Places(CommandLine cl, Texts texts, Path out, Path notice, Path policy) {
        this.cl = cl;
        this.texts = texts;
        this.out = out;
        this.notice = notice;
        this.policy = policy;
    }

    void check(List<Path> inputs) {
        if (out != null) {
            checkOut(inputs);
        }
        if (notice != null) {
            checkNotice(inputs);
        }
    }

    private void checkOut(List<Path> inputs) {
        if (out.toString().isEmpty()) {
            throw usage(texts.get("cli.places.out_empty"));
        }
        Path dir = OutputDir.real(out);
        Path here = OutputDir.real(Path.of(""));
        if (here.startsWith(dir)) {
            throw usage(texts.get("cli.places.out_holds_here", out));
        }
        for (Path f : inputs) {
            if (OutputDir.real(f).startsWith(dir)) {
                throw usage(texts.get("cli.places.input_in_out", f, out));
            }
        }
        if (policy != null && OutputDir.real(policy).startsWith(dir)) {
            throw usage(texts.get("cli.places.policy_in_out", policy, out));
        }
    }

    private void checkNotice(List<Path> inputs) {
        if (notice.getFileName() == null || notice.toString().isEmpty()) {
            throw usage(texts.get("cli.places.notice_empty", notice));
        }
        for (Path f : inputs) {
            if (sameFile(notice, f)) {
                throw usage(texts.get("cli.places.notice_is_input", notice));
            }
        }
        if (policy != null && sameFile(notice, policy)) {
            throw usage(texts.get("cli.places.notice_is_policy", notice));
        }
        if (out == null) {
            return;
        }
        Path dir = OutputDir.real(out);
        Path target = OutputDir.real(notice);
        if (target.getParent().equals(dir) && Outputs.OUTPUTS.contains(target.getFileName().toString())) {
            throw usage(texts.get("cli.places.notice_is_output", notice));
        }
        if (target.startsWith(dir) && !target.getParent().equals(dir)) {
            throw usage(texts.get("cli.places.notice_in_subfolder", notice));
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(cl, message);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return OutputDir.real(a).equals(OutputDir.real(b))
                    || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
