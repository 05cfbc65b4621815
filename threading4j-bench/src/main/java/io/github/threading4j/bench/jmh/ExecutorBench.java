package io.github.threading4j.bench.jmh;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.Results;
import io.github.threading4j.futures.ThreadPoolExecutor;
import io.github.threading4j.futures.VirtualThreadExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Executors: {@value #BATCH} tiny tasks ({@code x -> x * x}) an invocation, ns per task.
 *
 * <ul>
 *   <li>{@code *Submit}: submit every task, then wait for each result in order.</li>
 *   <li>{@code jdkPoolInvokeAll} / {@code poolMap} (threading4j's {@code map}): the same through one
 *       call that submits everything before waiting for the first result.</li>
 * </ul>
 * {@code jdk*}: {@code Executors.newFixedThreadPool(4)} and {@code newVirtualThreadPerTaskExecutor()};
 * the others threading4j's {@code ThreadPoolExecutor(4)} and {@code VirtualThreadExecutor()}. The pools
 * have 4 workers (the core workload's) and live for the whole trial; the virtual-thread executors
 * start a virtual thread per task.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ExecutorBench {
    static final int BATCH = 1_000;
    static final int WORKERS = 4;

    ExecutorService jdkPool;
    ExecutorService jdkVirtual;
    ExecutorService jdkVirtualNamed;
    ThreadPoolExecutor pool;
    VirtualThreadExecutor virtual;
    List<Integer> inputs;
    List<Callable<Integer>> calls;

    @Setup(Level.Trial)
    public void start() {
        jdkPool = Executors.newFixedThreadPool(WORKERS);
        jdkVirtual = Executors.newVirtualThreadPerTaskExecutor();
        jdkVirtualNamed = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("pool_", 0).factory());
        pool = new ThreadPoolExecutor(WORKERS);
        virtual = new VirtualThreadExecutor();
        inputs = new ArrayList<>(BATCH);
        calls = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int x = i;
            inputs.add(x);
            calls.add(() -> square(x));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        jdkPool.close();
        jdkVirtual.close();
        jdkVirtualNamed.close();
        pool.close();
        virtual.close();
    }

    static Integer square(int x) {
        return x * x;
    }

    static long submitAndWait(ExecutorService ex) throws InterruptedException, ExecutionException {
        List<Future<Integer>> futures = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int x = i;
            futures.add(ex.submit(() -> square(x)));
        }
        long total = 0;
        for (Future<Integer> f : futures) {
            total += f.get();
        }
        return total;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long jdkPoolSubmit() throws Exception {
        return submitAndWait(jdkPool);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long jdkPoolInvokeAll() throws Exception {
        long total = 0;
        for (Future<Integer> f : jdkPool.invokeAll(calls)) {
            total += f.get();
        }
        return total;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long jdkVirtualSubmit() throws Exception {
        return submitAndWait(jdkVirtual);
    }

    static long submitAndResult(Executor ex) {
        List<io.github.threading4j.futures.Future<Integer>> futures = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int x = i;
            futures.add(ex.submit(() -> square(x)));
        }
        long total = 0;
        for (io.github.threading4j.futures.Future<Integer> f : futures) {
            total += f.result();
        }
        return total;
    }

    /**
     * The JDK's thread-per-task executor with named virtual threads, as threading4j names them
     * ({@code prefix_N}): what the names alone cost next to {@code jdkVirtualSubmit}.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long jdkVirtualNamedSubmit() throws Exception {
        return submitAndWait(jdkVirtualNamed);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long poolSubmit() {
        return submitAndResult(pool);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long poolMap() {
        long total = 0;
        try (Results<Integer> squares = pool.map(ExecutorBench::square, inputs)) {
            for (Integer s : squares) {
                total += s;
            }
        }
        return total;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long virtualSubmit() {
        return submitAndResult(virtual);
    }
}
