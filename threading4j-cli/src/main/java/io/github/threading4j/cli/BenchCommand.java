package io.github.threading4j.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code threading4j bench}: the benchmarks live in threading4j-bench's own jar (so this jar carries no
 * JMH); the {@code ./threading4j} launcher builds and runs that jar. Run from this jar, it says so.
 */
@Command(name = "bench",
        description = {"Run the benchmarks (JMH; side by side with CPython and the JDK).",
            "The ./threading4j launcher runs threading4j-bench/target/threading4j-bench.jar with these arguments."})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Parameters(arity = "0..*", paramLabel = "ARG", description = "Passed to threading4j-bench.")
    List<String> args;

    @Override
    public Integer call() {
        System.err.println("threading4j bench: run it through the ./threading4j launcher, which builds and runs"
                + " threading4j-bench/target/threading4j-bench.jar");
        return 2;
    }
}
