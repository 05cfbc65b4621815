package io.github.threading4j.examples;

import io.github.threading4j.Threading;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Understanding the Global Interpreter Lock (tutorials 002, 003, 001 and 000's closing table), on a JVM,
 * which has none.
 *
 * <p><b>CPU-bound.</b> CPython's GIL lets one thread run Python bytecode at a time, so the tutorial's two
 * threads computing {@code sum(i ** 2)} take as long as doing it twice in one thread: "Speedup: 1.0x (not 2x
 * due to GIL!)". The JVM has no such lock: two threads run Java code on two cores at once, and the same work
 * takes about half the time when two cores are free. This example measures it on this machine and prints
 * CPython's result next to it. Each thread records when it started and finished its computation, and whether
 * it saw the other thread inside its computation at the same time; the test checks that the two computations
 * overlap. The CPU time the two threads used, compared with the wall time, says how much of that overlap was
 * real parallelism (a sum above the wall time means two cores at once).
 *
 * <p><b>I/O-bound.</b> Waiting (here {@code sleep}, standing for a network call) costs no CPU, so five waits of
 * a second take five seconds in a row and one second on five threads, in CPython and Java alike. Java adds
 * virtual threads: a waiting virtual thread holds no OS thread, so ten thousand waits of a second take about a
 * second too.
 *
 * <p>Java does {@code cpu_bound_task(10_000_000)} in a few milliseconds, too little to time; the example uses
 * 200,000,000 per thread.
 */
public final class GilDemonstration {
    private GilDemonstration() {}

    static final long CPU_N = 200_000_000L;

    /**
     * @param cpuRuns        each threaded computation's start and end ({@code System.nanoTime})
     * @param sawOtherInside whether a thread observed the other inside its computation
     * @param cpuResults     the two threads' sums (equal to the single-threaded ones)
     * @param expected       the single-threaded sum
     * @param virtualDone    how many virtual threads finished their wait
     */
    public record Result(List<Run> cpuRuns, boolean sawOtherInside, List<Long> cpuResults, long expected,
            double cpuSpeedup, double ioSpeedup, int virtualDone, Transcript transcript) {}

    /** When one computation ran. */
    public record Run(long startNanos, long endNanos) {}

    /** The tutorial's {@code cpu_bound_task}: {@code count += i ** 2} for {@code i} below {@code n}. */
    static long cpuBoundTask(long n, AtomicInteger inside, AtomicBoolean sawBoth) {
        inside.incrementAndGet();
        try {
            long count = 0;
            for (long i = 0; i < n; i++) {
                count += i * i;
                if ((i & 0xFFFFF) == 0 && inside.get() == 2) { // every 1,048,576 steps: is the other one in here?
                    sawBoth.set(true);
                }
            }
            return count;
        } finally {
            inside.decrementAndGet();
        }
    }

    public static Result run(Pace pace, Transcript out) {
        return run(pace, out, pace.work(CPU_N), 10_000);
    }

    public static Result run(Pace pace, Transcript out, long n, int virtualThreads) {
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean sawBoth = new AtomicBoolean();

        // === CPU-bound task ===
        cpuBoundTask(n / 10, new AtomicInteger(), new AtomicBoolean()); // warm up the JIT, so both runs compare
        long start = System.nanoTime();
        long result1 = cpuBoundTask(n, new AtomicInteger(), new AtomicBoolean());
        long result2 = cpuBoundTask(n, new AtomicInteger(), new AtomicBoolean());
        double singleTime = (System.nanoTime() - start) / 1e9;
        out.println(String.format("Single-threaded CPU task: %.2fs", singleTime));

        Run[] runs = new Run[2];
        long[] results = new long[2];
        long[] cpuNanos = new long[2]; // each thread's CPU time, where the JVM measures it
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = mx.isCurrentThreadCpuTimeSupported();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            int slot = k;
            threads.add(Threading.thread(() -> {
                long c = cpuTimed ? mx.getCurrentThreadCpuTime() : 0;
                long s = System.nanoTime();
                results[slot] = cpuBoundTask(n, inside, sawBoth);
                runs[slot] = new Run(s, System.nanoTime());
                cpuNanos[slot] = cpuTimed ? mx.getCurrentThreadCpuTime() - c : 0;
            }));
        }
        start = System.nanoTime();
        threads.forEach(Thread::start);
        threads.forEach(Threading::join);
        double multiTime = (System.nanoTime() - start) / 1e9;
        double cpuSpeedup = singleTime / multiTime;
        out.println(String.format("Multi-threaded CPU task: %.2fs", multiTime));
        out.println(String.format("Speedup: %.2fx on this JVM (%d cores available)", cpuSpeedup,
                Runtime.getRuntime().availableProcessors()));
        out.println("  CPython with the GIL: about 1.0x, \"not 2x due to GIL!\" (the tutorial's own comment)");
        out.println("  the JVM has no GIL: both threads were inside cpu_bound_task at the same time: " + sawBoth.get());
        if (cpuTimed) {
            double cpuSeconds = (cpuNanos[0] + cpuNanos[1]) / 1e9;
            out.println(String.format("  CPU time of the two threads: %.2fs in %.2fs of wall time: %s", cpuSeconds,
                    multiTime, cpuSeconds > 1.2 * multiTime
                            ? "they ran on two cores at once"
                            : "the machine had less than two free cores (other load); on an idle one, close to 2x"));
        }

        // === I/O-bound task (threading helps) ===
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            urls.add("http://example.com/" + i);
        }
        start = System.nanoTime();
        for (String url : urls) {
            ioBoundTask(url, pace);
        }
        double singleIoTime = (System.nanoTime() - start) / 1e9;
        out.println();
        out.println(String.format("Single-threaded I/O: %.2fs", singleIoTime));

        start = System.nanoTime();
        List<Thread> ioThreads = new ArrayList<>();
        for (String url : urls) {
            Thread t = Threading.thread(() -> ioBoundTask(url, pace));
            ioThreads.add(t);
            t.start();
        }
        ioThreads.forEach(Threading::join);
        double multiIoTime = (System.nanoTime() - start) / 1e9;
        double ioSpeedup = singleIoTime / multiIoTime;
        out.println(String.format("Multi-threaded I/O: %.2fs", multiIoTime));
        out.println(String.format("Speedup: %.2fx (significant!)", ioSpeedup));

        // Java's addition: virtual threads, one per wait, no OS thread held while waiting.
        AtomicInteger virtualDone = new AtomicInteger();
        start = System.nanoTime();
        List<Thread> virtual = new ArrayList<>(virtualThreads);
        for (int i = 0; i < virtualThreads; i++) {
            String url = "http://example.com/v" + i;
            Thread t = Threading.virtualThread(() -> {
                ioBoundTask(url, pace);
                virtualDone.incrementAndGet();
            });
            virtual.add(t);
            t.start();
        }
        virtual.forEach(Threading::join);
        out.println(String.format("%,d virtual threads, each waiting 1 s: %.2fs", virtualThreads,
                (System.nanoTime() - start) / 1e9));

        // === When the GIL is released (CPython), and what the JVM does ===
        out.println();
        out.println("CPython releases the GIL during: I/O, time.sleep(), NumPy and other C extensions, "
                + "database queries, image processing (Pillow)");
        out.println("CPython holds it during: pure Python computation, list/dict operations, string processing, "
                + "mathematical calculations");
        out.println("This JVM has no GIL: all of these run in parallel on every core.");
        out.println();
        out.println("=== Use Threading For (CPython): ===  I/O-bound tasks, network requests, file operations, "
                + "database queries, GUI applications, waiting on external resources");
        out.println("=== Use Multiprocessing For (CPython): ===  CPU-bound tasks, heavy computations, data and "
                + "image processing, scientific computing");
        out.println("=== On the JVM: ===  threads for both; a pool the size of the core count for CPU-bound work, "
                + "virtual threads for many waits");
        return new Result(List.of(runs), sawBoth.get(), List.of(results[0], results[1]), result1 == result2 ? result1 : -1,
                cpuSpeedup, ioSpeedup, virtualDone.get(), out);
    }

    static String ioBoundTask(String url, Pace pace) {
        pace.sleep(1); // simulate I/O (CPython releases the GIL here)
        return "Fetched " + url;
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
