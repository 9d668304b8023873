package subsidy.cli;

/**
 * Compiled and run by bench/command-model (in the package of the commands, to reach
 * {@link Main#commandLine}): how long picocli takes, in a fresh JVM, to build its model of
 * {@code subsidy calc} (the top command and calc with their mixins) and parse a clerk's command line:
 * from the commands' annotations with the argument {@code annotations}, from the build's record of them
 * ({@link CommandTable}, as a calc run builds them) with {@code record}. Prints the microseconds on
 * standard error; with no argument it builds nothing and prints 0 (the JVM's start alone).
 */
public final class CommandModel {
    private CommandModel() {
    }

    public static void main(String[] args) {
        System.setProperty("picocli.disable.closures", "true"); // as Main.main
        long t0 = System.nanoTime();
        if (args.length > 0) {
            Std std = new Std(System.out, System.err);
            picocli.CommandLine cl = args[0].equals("record")
                    ? Main.fromRecord(std, subsidy.config.Configuration.NONE, subsidy.text.Lang.EN, "calc")
                    : Main.commandLine(std, subsidy.config.Configuration.NONE, subsidy.text.Lang.EN, false, "calc");
            cl.parseArgs("calc", "--input", "firms.csv", "--as-of", "2022-06-30", "--out", "out", "--force", "--quiet");
        }
        System.err.println((System.nanoTime() - t0) / 1000);
    }
}
