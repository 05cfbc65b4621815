package io.github.threading4j.cli;

import io.github.threading4j.examples.Example;
import io.github.threading4j.examples.Examples;
import io.github.threading4j.examples.Pace;
import io.github.threading4j.examples.Transcript;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threading4j demo}: the tutorials' examples, listed, run one by one, or all.
 *
 * <pre>
 * threading4j demo                 list the examples, one line each
 * threading4j demo NAME            run one, at the tutorial's pace
 * threading4j demo --all           run every one; exit 1 if any failed
 * threading4j demo --pace 0.1 ...  every sleep ten times shorter
 * </pre>
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the Python threading tutorials' examples, written with threading4j.",
                "With no NAME and no --all, lists the examples."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every example ran", "1:an example failed", "2:bad usage (unknown NAME, bad --pace)"})
public final class DemoCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the example to run (see the list)")
    String name;

    @Option(names = "--all", description = "run every example, in order")
    boolean all;

    @Option(names = "--pace", paramLabel = "FACTOR", defaultValue = "1",
            description = "scale every sleep of the examples by FACTOR (default: ${DEFAULT-VALUE}, the tutorials' pace)")
    double pace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (all && name != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either NAME or --all, not both");
        }
        Pace p;
        try {
            p = Pace.of(pace);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pace: " + e.getMessage());
        }
        if (all) {
            long start = System.nanoTime();
            int failed = 0;
            for (Example example : Examples.ALL) {
                if (!runOne(example, p, out, err)) {
                    failed++;
                }
                out.println();
            }
            out.printf("%d examples, %d failed, in %.1f s%n", Examples.ALL.size(), failed,
                    (System.nanoTime() - start) / 1e9);
            out.flush();
            return failed == 0 ? 0 : 1;
        }
        if (name != null) {
            Optional<Example> example = Examples.named(name);
            if (example.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no example named '" + name + "' (threading4j demo lists them)");
            }
            return runOne(example.get(), p, out, err) ? 0 : 1;
        }
        int width = Examples.ALL.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Example example : Examples.ALL) {
            out.printf("%-" + width + "s  %s%n", example.name(), example.description());
        }
        out.flush();
        return 0;
    }

    private static boolean runOne(Example example, Pace pace, PrintWriter out, PrintWriter err) {
        out.println("=== " + example.name() + ": " + example.description());
        out.flush();
        long start = System.nanoTime();
        try {
            example.run(pace, new Transcript(out));
            out.printf("--- %s done in %.2f s%n", example.name(), (System.nanoTime() - start) / 1e9);
            out.flush();
            return true;
        } catch (Exception | AssertionError e) {
            err.println("--- " + example.name() + " failed: " + e);
            e.printStackTrace(err);
            err.flush();
            return false;
        }
    }

    /** Runs {@code demo} on its own (the {@code threading4j} command registers it as a subcommand). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoCommand()).execute(args));
    }
}
