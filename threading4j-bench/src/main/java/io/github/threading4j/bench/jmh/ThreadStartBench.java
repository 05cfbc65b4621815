package io.github.threading4j.bench.jmh;

import io.github.threading4j.Threading;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A thread's life: start {@value #BATCH} threads with an empty body, then join them all; ns per
 * thread. Starting and joining one thread at a time would time two cross-thread wake-ups, not the
 * thread. {@code jdk*}: {@code Thread.ofPlatform()} / {@code Thread.ofVirtual()} and
 * {@code Thread.join()}; {@code threading*}: {@code Threading.thread} / {@code Threading.virtualThread}
 * and {@code Threading.join}, which add the registry behind {@code enumerate()} and the excepthook.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ThreadStartBench {
    static final int BATCH = 100;
    static final Runnable NOOP = () -> { };
    /** Virtual threads named as threading4j names them ({@code Thread-N}): what the name alone costs. */
    static final java.util.concurrent.ThreadFactory NAMED_VIRTUAL = Thread.ofVirtual().name("Thread-", 1).factory();

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void jdkPlatform() throws InterruptedException {
        Thread[] threads = new Thread[BATCH];
        for (int i = 0; i < BATCH; i++) {
            threads[i] = Thread.ofPlatform().start(NOOP);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void jdkVirtual() throws InterruptedException {
        Thread[] threads = new Thread[BATCH];
        for (int i = 0; i < BATCH; i++) {
            threads[i] = Thread.ofVirtual().start(NOOP);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** The JDK's virtual threads, named {@code Thread-N}: splits threading4j's cost into naming and the rest. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void jdkVirtualNamed() throws InterruptedException {
        Thread[] threads = new Thread[BATCH];
        for (int i = 0; i < BATCH; i++) {
            threads[i] = NAMED_VIRTUAL.newThread(NOOP);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void threadingPlatform() {
        Thread[] threads = new Thread[BATCH];
        for (int i = 0; i < BATCH; i++) {
            threads[i] = Threading.thread(NOOP);
            threads[i].start();
        }
        for (Thread t : threads) {
            Threading.join(t);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void threadingVirtual() {
        Thread[] threads = new Thread[BATCH];
        for (int i = 0; i < BATCH; i++) {
            threads[i] = Threading.virtualThread(NOOP);
            threads[i].start();
        }
        for (Thread t : threads) {
            Threading.join(t);
        }
    }
}
