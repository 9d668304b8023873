package subsidy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import subsidy.report.Outputs;
import subsidy.run.OutputDir;

/**
 * Where calc writes, checked against what it reads before anything is touched: a run replaces --out as a
 * whole and the notice list as a file, so neither may hold an input or the policy, --force or not. Paths
 * are compared as the file system resolves them, links and all.
 */
final class Places {
    private final CommandLine cl;
    private final Path out;
    private final Path notice;
    private final Path policy;

    Places(CommandLine cl, Path out, Path notice, Path policy) {
        this.cl = cl;
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
            throw usage("--out names no directory");
        }
        Path dir = OutputDir.real(out);
        Path here = OutputDir.real(Path.of(""));
        if (here.startsWith(dir)) {
            throw usage("--out " + out + " is the current directory or holds it; a run replaces --out as a whole, "
                    + "so name a directory for the reports, such as reports/2022-05");
        }
        for (Path f : inputs) {
            if (OutputDir.real(f).startsWith(dir)) {
                throw usage("--input " + f + " is inside --out " + out + ", which a run replaces as a whole;"
                        + " copy it elsewhere first, or choose another --out");
            }
        }
        if (policy != null && OutputDir.real(policy).startsWith(dir)) {
            throw usage("--policy " + policy + " is inside --out " + out + ", which a run replaces as a whole;"
                    + " copy it elsewhere first, or choose another --out");
        }
    }

    private void checkNotice(List<Path> inputs) {
        if (notice.getFileName() == null || notice.toString().isEmpty()) {
            throw usage("--notice " + notice + " names no file");
        }
        for (Path f : inputs) {
            if (sameFile(notice, f)) {
                throw usage("--notice " + notice + " is an input; choose another file");
            }
        }
        if (policy != null && sameFile(notice, policy)) {
            throw usage("--notice " + notice + " is the policy; choose another file");
        }
        if (out == null) {
            return;
        }
        Path dir = OutputDir.real(out);
        Path target = OutputDir.real(notice);
        if (target.getParent().equals(dir) && Outputs.OUTPUTS.contains(target.getFileName().toString())) {
            throw usage("--notice " + notice + " is one of the files --out writes; choose another file");
        }
        if (target.startsWith(dir) && !target.getParent().equals(dir)) {
            throw usage("--notice " + notice + " is in a folder inside --out; write it in --out itself or outside it");
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
