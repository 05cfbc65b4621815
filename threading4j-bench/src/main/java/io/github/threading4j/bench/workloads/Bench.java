package io.github.threading4j.bench.workloads;

import io.github.threading4j.Threading;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every threading4j workload shares: the measuring loop, the RESULT line and the checks, with
 * the same rules and the same output as the anchor programs' {@code Bench} (anchors/java), so that
 * the figures compare.
 *
 * <p>A figure is measured for {@code BENCH_SECONDS} (default 1.0) after a warm-up of
 * {@code BENCH_WARMUP_SECONDS} (default 0.3) that lets the JIT compile the code, and is always at least
 * one whole round. Lines read
 * {@code RESULT workload=<name> impl=threading4j|threading4j-virtual value=<number> unit=<unit> [key=value ...]}.
 */
final class Bench {
    static final String OURS = "threading4j";
    static final String OURS_VIRTUAL = "threading4j-virtual";

    private Bench() {}

    /** One round of a workload: returns how many operations it did; throws when its result is wrong. */
    @FunctionalInterface
    interface Round {
        long run() throws Exception;
    }

    record Measured(long ops, double seconds, int rounds) {
        double perSecond() {
            return ops / seconds;
        }

        double nanosPerOp() {
            return seconds * 1e9 / ops;
        }
    }

    static double seconds() {
        return envDouble("BENCH_SECONDS", 1.0);
    }

    static double warmupSeconds() {
        return envDouble("BENCH_WARMUP_SECONDS", 0.3);
    }

    private static double envDouble(String name, double otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : Double.parseDouble(v);
    }

    static Measured measure(Round round) throws Exception {
        long warmEnd = System.nanoTime() + (long) (warmupSeconds() * 1e9);
        while (System.nanoTime() < warmEnd) {
            round.run();
        }
        long target = (long) (seconds() * 1e9);
        long ops = 0;
        int rounds = 0;
        long start = System.nanoTime();
        while (true) {
            ops += round.run();
            rounds++;
            long elapsed = System.nanoTime() - start;
            if (elapsed >= target) {
                return new Measured(ops, elapsed / 1e9, rounds);
            }
        }
    }

    static String impl(boolean virtual) {
        return virtual ? OURS_VIRTUAL : OURS;
    }

    static void result(String workload, String impl, double value, String unit, Object... extra) {
        StringBuilder line = new StringBuilder("RESULT workload=").append(workload)
                .append(" impl=").append(impl)
                .append(" value=").append(format(value))
                .append(" unit=").append(unit);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            line.append(' ').append(extra[i]).append('=').append(extra[i + 1]);
        }
        System.out.println(line);
        System.out.flush();
    }

    /** Six significant digits, no exponent: the text the anchors print. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A field of /proc/self/status in KiB (VmRSS, VmHWM), or -1 where absent. */
    static long procStatusKib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no such field
        }
        return -1;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            System.err.println("CHECK FAILED: " + message);
            System.exit(1);
        }
    }

    /** Starts a thread made by threading4j: {@code Threading.thread} or {@code Threading.virtualThread}. */
    static Thread start(boolean virtual, Runnable body) {
        Thread t = virtual ? Threading.virtualThread(body) : Threading.thread(body);
        t.start();
        return t;
    }

    /** {@code Threading.join} of each thread, in order. */
    static void joinAll(Iterable<Thread> threads) {
        for (Thread t : threads) {
            Threading.join(t);
        }
    }
}
