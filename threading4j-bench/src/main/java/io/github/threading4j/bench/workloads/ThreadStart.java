package io.github.threading4j.bench.workloads;

import java.util.ArrayList;
import java.util.List;

/**
 * Extra workload on threading4j: a thread's life. A round starts 1,000 threads with an empty body
 * ({@code Threading.thread(noop).start()}, or {@code Threading.virtualThread}), then joins them all
 * ({@code Threading.join}). Figure: thread_start_join, microseconds per thread. What it adds to the
 * JDK's own figure is threading4j's bookkeeping: the registry behind {@code enumerate()} and the
 * excepthook wiring. Usage: {@code ThreadStart [platform|virtual]}: one kind, or both in this order; the
 * runner measures each kind in its own process, as it does the anchor's (see the anchor's comment).
 */
public final class ThreadStart {
    static final int BATCH = 1_000;

    private ThreadStart() {}

    static long round(boolean virtual) {
        Runnable noop = () -> { };
        List<Thread> threads = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            threads.add(Bench.start(virtual, noop));
        }
        Bench.joinAll(threads);
        return BATCH;
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "both";
        for (boolean virtual : new boolean[] {false, true}) {
            if (kind.equals(virtual ? "platform" : "virtual")) {
                continue;
            }
            Bench.Measured m = Bench.measure(() -> round(virtual));
            Bench.result("thread_start_join", Bench.impl(virtual), m.seconds() * 1e6 / m.ops(), "us/thread",
                    "ops", m.ops());
        }
    }
}
