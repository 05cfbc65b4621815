package io.github.threading4j.futures;

import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: times N tasks that each sleep 100 ms on a VirtualThreadExecutor (and, with "pool", on a
 * ThreadPoolExecutor of N workers), printing the median wall time of a few runs. Run from the module:
 * {@code java -cp target/classes:target/test-classes io.github.threading4j.futures.FanOutTiming 100000 vthreads}.
 */
public final class FanOutTiming {
    private FanOutTiming() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        String kind = args.length > 1 ? args[1] : "vthreads";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Double> times = new ArrayList<>();
        int threads = 0;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            try (Executor executor = kind.equals("pool") ? new ThreadPoolExecutor(n) : new VirtualThreadExecutor()) {
                List<Future<Object>> fs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    fs.add(executor.submit(() -> {
                        Thread.sleep(100);
                        return null;
                    }));
                }
                for (Future<Object> f : fs) {
                    f.result();
                }
                if (executor instanceof ThreadPoolExecutor pool) {
                    threads = pool.workerThreads().size();
                }
            }
            times.add((System.nanoTime() - start) / 1e9);
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(null);
        System.out.printf("%s n=%d runs=%s median=%.3f s%s%n", kind, n, times, sorted.get(sorted.size() / 2),
                kind.equals("pool") ? " threads=" + threads : "");
    }
}
