package io.github.threading4j.examples;

import io.github.threading4j.futures.ThreadPoolExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exercise 4, CPU vs I/O (tutorial 003): run a CPU-bound function on 1, 2, 4 and 8 threads and time it; repeat
 * with an I/O-bound function; see which one scales.
 *
 * <p>The same eight pieces of work are shared among the threads each time. The I/O-bound pieces (a wait of
 * half a second each) scale with the number of threads: eight threads wait for all eight at once. The
 * CPU-bound pieces scale with the number of <em>cores</em>: on this JVM, up to the cores that are free (no
 * GIL), then no further, since more threads than cores only take turns. In CPython with the GIL, the CPU-bound
 * column would stay flat from one thread on.
 */
public final class Exercise4CpuVsIo {
    private Exercise4CpuVsIo() {}

    static final int PIECES = 8;
    static final long CPU_N = 100_000_000L;

    /** One row: the thread count, the two wall times, and the CPU sums (identical for every row). */
    public record Row(int threads, double cpuSeconds, double ioSeconds, long cpuTotal, int ioDone) {}

    public record Result(List<Row> rows, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        return run(pace, out, pace.work(CPU_N));
    }

    public static Result run(Pace pace, Transcript out, long n) {
        crunch(n / 10); // warm up the JIT
        List<Row> rows = new ArrayList<>();
        out.println(String.format("%8s %10s %8s %10s %8s", "threads", "CPU-bound", "speedup", "I/O-bound", "speedup"));
        for (int threads : List.of(1, 2, 4, 8)) {
            long start = System.nanoTime();
            long cpuTotal = 0;
            try (ThreadPoolExecutor pool = new ThreadPoolExecutor(threads)) {
                for (long part : pool.map(i -> crunch(n), IntStream.range(0, PIECES).boxed().toList())) {
                    cpuTotal += part;
                }
            }
            double cpuSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            int ioDone = 0;
            try (ThreadPoolExecutor pool = new ThreadPoolExecutor(threads)) {
                for (boolean done : pool.map(i -> fetch(pace), IntStream.range(0, PIECES).boxed().toList())) {
                    ioDone += done ? 1 : 0;
                }
            }
            double ioSeconds = (System.nanoTime() - start) / 1e9;
            rows.add(new Row(threads, cpuSeconds, ioSeconds, cpuTotal, ioDone));
            Row first = rows.get(0);
            out.println(String.format("%8d %9.2fs %7.1fx %9.2fs %7.1fx", threads, cpuSeconds,
                    first.cpuSeconds() / cpuSeconds, ioSeconds, first.ioSeconds() / ioSeconds));
        }
        out.println("I/O-bound work scales with threads; CPU-bound work with free cores ("
                + Runtime.getRuntime().availableProcessors() + " here), in CPython not at all (GIL).");
        return new Result(rows, out);
    }

    /** The tutorial's {@code crunch}: {@code sum(i * i for i in range(n))}. */
    static long crunch(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += i * i;
        }
        return sum;
    }

    /** The I/O-bound function: a wait standing for a network call. */
    static boolean fetch(Pace pace) {
        pace.sleep(0.5);
        return true;
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
