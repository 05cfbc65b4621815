package io.github.threading4j.bench.workloads;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Workload 6 on threading4j: CPU-bound scaling. Sum of i * i for i in [0, 10,000,000), on 1 thread
 * made by {@code Threading.thread}, then in two halves on 2, joined with {@code Threading.join}; the
 * sum is kept modulo 2^64 and checked. Figures as the anchor's: cpu_1thread, cpu_2threads (s, thread
 * start and join included), cpu_speedup (median of the pairs' t1/t2), and cpu_speedup_1e9 with
 * 1,000,000,000 terms, long enough (about half a second on one thread) for the two cores to show.
 */
public final class CpuScaling {
    static final long SMALL = 10_000_000L;
    static final long LARGE = 1_000_000_000L;

    private CpuScaling() {}

    /** Sum of i * i for i in [0, n), modulo 2^64. */
    static long expected(long n) {
        BigInteger b = BigInteger.valueOf(n);
        return b.subtract(BigInteger.ONE).multiply(b).multiply(b.shiftLeft(1).subtract(BigInteger.ONE))
                .divide(BigInteger.valueOf(6)).longValue();
    }

    static long partialSum(long lo, long hi) {
        long s = 0;
        for (long i = lo; i < hi; i++) {
            s += i * i;
        }
        return s;
    }

    static double run(long n, int threads) {
        long[] out = new long[threads];
        long step = n / threads;
        List<Thread> ts = new ArrayList<>();
        long start = System.nanoTime();
        for (int k = 0; k < threads; k++) {
            int slot = k;
            long lo = k * step;
            long hi = k == threads - 1 ? n : (k + 1) * step;
            ts.add(Bench.start(false, () -> out[slot] = partialSum(lo, hi)));
        }
        Bench.joinAll(ts);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long sum = Arrays.stream(out).sum();
        Bench.check(sum == expected(n), "sum " + sum + ", expected " + expected(n));
        return elapsed;
    }

    static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Alternating 1-thread and 2-thread runs of n terms: {median t1, median t2, median t1/t2, pairs}. */
    static double[] pairs(long n, double seconds, int minPairs) {
        List<double[]> pairs = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (pairs.size() < minPairs || System.nanoTime() < end) {
            pairs.add(new double[] {run(n, 1), run(n, 2)});
        }
        return new double[] {
            median(pairs.stream().mapToDouble(p -> p[0]).toArray()),
            median(pairs.stream().mapToDouble(p -> p[1]).toArray()),
            median(pairs.stream().mapToDouble(p -> p[0] / p[1]).toArray()),
            pairs.size()
        };
    }

    public static void main(String[] args) {
        long warmEnd = System.nanoTime() + (long) (Bench.warmupSeconds() * 1e9);
        while (System.nanoTime() < warmEnd) {
            run(SMALL, 1);
            run(SMALL, 2);
        }
        double[] small = pairs(SMALL, Bench.seconds(), 2);
        int n = (int) small[3];
        Bench.result("cpu_1thread", Bench.OURS, small[0], "s", "pairs", n);
        Bench.result("cpu_2threads", Bench.OURS, small[1], "s", "pairs", n);
        Bench.result("cpu_speedup", Bench.OURS, small[2], "x", "pairs", n);
        double[] large = pairs(LARGE, 0, 3); // the loop is compiled by now
        Bench.result("cpu_speedup_1e9", Bench.OURS, large[2], "x",
                "t1_s", Bench.format(large[0]), "t2_s", Bench.format(large[1]), "pairs", (int) large[3]);
    }
}
