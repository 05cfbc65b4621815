package io.github.threading4j.bench.workloads;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.Future;
import io.github.threading4j.futures.Results;
import io.github.threading4j.futures.ThreadPoolExecutor;
import io.github.threading4j.futures.VirtualThreadExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Workload 4 on threading4j: 100,000 tiny tasks ({@code x -> x * x}) a round, executor creation and
 * shutdown ({@code close()}, which waits) included; the results must sum to sum(i * i).
 *
 * <ul>
 *   <li>executor_submit: {@code submit} each task, then {@code result()} of each in order;
 *       threading4j = {@code ThreadPoolExecutor(4)}, threading4j-virtual = {@code VirtualThreadExecutor()}
 *       (a virtual thread per task)</li>
 *   <li>executor_map: {@code map(fn, items)} on {@code ThreadPoolExecutor(4)}, consumed in order (it
 *       submits every task before the first result is asked for, as Python's does)</li>
 * </ul>
 * Figures: tasks/s over whole rounds.
 */
public final class ExecutorTasks {
    static final int WORKERS = 4;
    static final int TASKS = 100_000;
    static final long EXPECTED = sumOfSquares(TASKS);

    private ExecutorTasks() {}

    static long sumOfSquares(long n) {
        return (n - 1) * n * (2 * n - 1) / 6;
    }

    static Long task(long x) {
        return x * x;
    }

    static long submitRound(Supplier<Executor> newExecutor) {
        long total = 0;
        try (Executor ex = newExecutor.get()) {
            List<Future<Long>> futures = new ArrayList<>(TASKS);
            for (int i = 0; i < TASKS; i++) {
                long x = i;
                futures.add(ex.submit(() -> task(x)));
            }
            for (Future<Long> f : futures) {
                total += f.result();
            }
        }
        Bench.check(total == EXPECTED, "sum " + total + ", expected " + EXPECTED);
        return TASKS;
    }

    static long mapRound() {
        long total = 0;
        List<Long> inputs = new ArrayList<>(TASKS);
        for (long i = 0; i < TASKS; i++) {
            inputs.add(i);
        }
        try (ThreadPoolExecutor ex = new ThreadPoolExecutor(WORKERS);
             Results<Long> squares = ex.map(ExecutorTasks::task, inputs)) {
            for (Long s : squares) {
                total += s;
            }
        }
        Bench.check(total == EXPECTED, "sum " + total + ", expected " + EXPECTED);
        return TASKS;
    }

    public static void main(String[] args) throws Exception {
        Bench.Measured m = Bench.measure(() -> submitRound(() -> new ThreadPoolExecutor(WORKERS)));
        Bench.result("executor_submit", Bench.OURS, m.perSecond(), "tasks/s", "workers", WORKERS,
                "rounds", m.rounds(), "check", "sum", "detail", "ThreadPoolExecutor");
        m = Bench.measure(() -> submitRound(VirtualThreadExecutor::new));
        Bench.result("executor_submit", Bench.OURS_VIRTUAL, m.perSecond(), "tasks/s",
                "rounds", m.rounds(), "check", "sum", "detail", "VirtualThreadExecutor");
        m = Bench.measure(ExecutorTasks::mapRound);
        Bench.result("executor_map", Bench.OURS, m.perSecond(), "tasks/s", "workers", WORKERS,
                "rounds", m.rounds(), "check", "sum", "detail", "map");
    }
}
