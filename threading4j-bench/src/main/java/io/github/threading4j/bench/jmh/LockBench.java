package io.github.threading4j.bench.jmh;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Locks, uncontended and contended, next to {@link ReentrantLock}: one acquire and one release around
 * an increment of a plain field (so that no section is empty to the JIT).
 *
 * <p>Uncontended ({@code *Uncontended}): one thread, ns per acquire+release. Contended
 * ({@link Contended}): four threads on one lock, operations per microsecond over all of them.
 * Run both on platform threads (the default) and on virtual threads
 * ({@code -jvmArgsAppend -Djmh.executor=VIRTUAL}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class LockBench {
    final ReentrantLock reentrantLock = new ReentrantLock();
    long counter;

    @Benchmark
    public long reentrantLockUncontended() {
        reentrantLock.lock();
        try {
            return ++counter;
        } finally {
            reentrantLock.unlock();
        }
    }

    /** Four threads on one lock of each kind: throughput of the critical section. */
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(1)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    @Threads(4)
    @State(Scope.Benchmark)
    public static class Contended {
        @Setup(Level.Trial)
        public void checkThreadKind() {
            ThreadKindCheck.onBenchmarkThread();
        }

        final ReentrantLock reentrantLock = new ReentrantLock();
        long counter;

        @Benchmark
        public long reentrantLock() {
            reentrantLock.lock();
            try {
                return ++counter;
            } finally {
                reentrantLock.unlock();
            }
        }
    }
}
