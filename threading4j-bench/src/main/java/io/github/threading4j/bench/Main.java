package io.github.threading4j.bench;

import io.github.threading4j.bench.runner.JmhTable;
import io.github.threading4j.bench.runner.SideBySide;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of {@code threading4j-bench.jar}.
 *
 * <pre>
 * java -jar threading4j-bench.jar [--quick] [options]   the side-by-side run: CPython, the plain JDK, threading4j
 * java -jar threading4j-bench.jar report RAW...          the table and chart again from saved raw results
 * java -jar threading4j-bench.jar jmh [JMH options]      JMH's own command line, with -prof gc unless -prof is given
 * java -jar threading4j-bench.jar jmh-table platform=P.csv virtual=V.csv   JMH CSV results as one Markdown table
 * </pre>
 *
 * <p>Run it with a JDK 21+ {@code java}: JMH forks its benchmark JVMs with the {@code java} that
 * launched it, and the side-by-side runner starts its Java programs the same way.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            System.exit(jmh(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("jmh-table")) {
            System.exit(JmhTable.main(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(SideBySide.main(args));
    }

    private static int jmh(String[] args) throws Exception {
        List<String> jmhArgs = new ArrayList<>(Arrays.asList(args));
        boolean helpOrList = jmhArgs.stream().anyMatch(a -> a.equals("-h") || a.equals("-l") || a.equals("-lp")
                || a.equals("-lprof") || a.equals("-lrf"));
        if (!helpOrList && !jmhArgs.contains("-prof")) {
            // A Python-semantics layer that allocates per operation shows there first.
            jmhArgs.add(0, "gc");
            jmhArgs.add(0, "-prof");
        }
        if (!helpOrList && Runtime.version().feature() >= 23 && !jmhArgs.contains("-jvmArgsPrepend")) {
            // JMH 1.37 reads fields through sun.misc.Unsafe; JDK 23+ warns about it in every fork
            jmhArgs.add(0, "--sun-misc-unsafe-memory-access=allow");
            jmhArgs.add(0, "-jvmArgsPrepend");
        }
        org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
        return 0;
    }
}
