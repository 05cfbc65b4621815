package io.github.threading4j.bench.workloads;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.Future;
import io.github.threading4j.futures.ThreadPoolExecutor;
import io.github.threading4j.futures.VirtualThreadExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload 5 on threading4j: I/O fan-out. N tasks, each sleeping 100 ms (simulated I/O).
 * Usage: {@code IoFanout N W platform|virtual}
 *
 * <ul>
 *   <li>platform: {@code ThreadPoolExecutor(maxWorkers=W)}, Python's {@code ThreadPoolExecutor(max_workers=W)}
 *       (it reuses an idle worker before starting a new one)</li>
 *   <li>virtual: {@code VirtualThreadExecutor()}, a virtual thread per task, or
 *       {@code VirtualThreadExecutor(maxConcurrency=W)} when W &lt; N</li>
 * </ul>
 * One measured run per process, so that the peak RSS belongs to it: a warm-up (an executor of the
 * same kind, 20 tasks of 1 ms), then the baseline RSS, then the run, timed from creating the
 * executor to {@code close()} returning. Figures, workload io_fanout_NxW: wall seconds; _rss: peak
 * RSS (VmHWM, MiB); _rss_growth: peak minus the RSS before the run. threads= is how many threads ran
 * tasks.
 */
public final class IoFanout {
    static final long SLEEP_MS = 100;

    private IoFanout() {}

    static Executor newExecutor(boolean virtual, int workers, int n) {
        if (virtual) {
            return workers < n ? new VirtualThreadExecutor(workers) : new VirtualThreadExecutor();
        }
        return new ThreadPoolExecutor(workers);
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int workers = Integer.parseInt(args[1]);
        boolean virtual = args[2].equals("virtual");

        try (Executor warm = newExecutor(virtual, 4, 20)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                fs.add(warm.submit(() -> {
                    Thread.sleep(1);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.result();
            }
        }
        long baseKib = Bench.procStatusKib("VmRSS");

        long start = System.nanoTime();
        long submitted;
        long total = 0;
        int threads;
        Executor ex = newExecutor(virtual, workers, n);
        try (ex) {
            List<Future<Long>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long x = i;
                futures.add(ex.submit(() -> {
                    Thread.sleep(SLEEP_MS);
                    return x;
                }));
            }
            submitted = System.nanoTime() - start;
            for (Future<Long> f : futures) {
                total += f.result();
            }
            threads = ex instanceof ThreadPoolExecutor tpe ? tpe.workerThreads().size() : n;
        }
        double wall = (System.nanoTime() - start) / 1e9;

        Bench.check(total == (long) n * (n - 1) / 2, "a task result is missing");
        double ideal = Math.ceil((double) n / workers) * SLEEP_MS / 1000.0;
        long peakKib = Bench.procStatusKib("VmHWM");
        String name = "io_fanout_" + n + "x" + workers;
        String impl = Bench.impl(virtual);
        Bench.result(name, impl, wall, "s", "ideal", ideal, "submit_s", String.format("%.3f", submitted / 1e9),
                "threads", threads);
        Bench.result(name + "_rss", impl, peakKib / 1024.0, "MiB");
        Bench.result(name + "_rss_growth", impl, (peakKib - baseKib) / 1024.0, "MiB");
    }
}
