package io.github.threading4j.bench.workloads;

import io.github.threading4j.Held;
import io.github.threading4j.Lock;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload 2 on threading4j: the tutorials' Counter, 10 threads x 100,000 increments of a plain field
 * under one {@link Lock} ({@code with lock: counter.value += 1}). A round starts the 10 threads
 * ({@code Threading.thread} / {@code Threading.virtualThread}) and joins them; the count must be
 * exact. Figure: counter_contended, increments/s, thread start and join included.
 */
public final class CounterContended {
    static final int THREADS = 10;
    static final int INCREMENTS = 100_000;

    private CounterContended() {}

    static final class Counter {
        final Lock lock = new Lock();
        long value;
    }

    static long round(boolean virtual) {
        Counter counter = new Counter();
        Runnable work = () -> {
            Lock lock = counter.lock;
            for (int i = 0; i < INCREMENTS; i++) {
                try (Held h = lock.hold()) {
                    counter.value++;
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Bench.start(virtual, work));
        }
        Bench.joinAll(threads);
        long expected = (long) THREADS * INCREMENTS;
        Bench.check(counter.value == expected, "counter is " + counter.value + ", expected " + expected);
        return expected;
    }

    public static void main(String[] args) throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Bench.Measured m = Bench.measure(() -> round(virtual));
            Bench.result("counter_contended", Bench.impl(virtual), m.perSecond(), "ops/s",
                    "threads", THREADS, "rounds", m.rounds(), "check", "exact");
        }
    }
}
