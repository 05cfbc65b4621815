package io.github.threading4j.bench.jmh;

import io.github.threading4j.Held;
import io.github.threading4j.Lock;
import io.github.threading4j.RLock;
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
 * {@link Lock} and {@link RLock} next to {@link ReentrantLock}: one acquire and one release around an
 * increment of a plain field (so that no section is empty to the JIT).
 *
 * <p>Uncontended: one thread, ns per acquire+release; threading4j both as Python writes it
 * ({@code with lock:} = {@code try (Held h = lock.hold())}) and as {@code acquire()}/{@code release()}.
 * Contended ({@link Contended}): four threads on one lock, operations per microsecond over all of
 * them, through {@code hold()}. Run both on platform threads (the default) and on virtual threads
 * ({@code -jvmArgsAppend -Djmh.executor=VIRTUAL}); {@code -prof gc} shows whether {@code hold()}
 * allocates.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class LockBench {
    final ReentrantLock reentrantLock = new ReentrantLock();
    final Lock lock = new Lock();
    final RLock rlock = new RLock();
    long counter;

    @Benchmark
    public long jdkReentrantLock() {
        reentrantLock.lock();
        try {
            return ++counter;
        } finally {
            reentrantLock.unlock();
        }
    }

    @Benchmark
    public long lockHold() {
        try (Held h = lock.hold()) {
            return ++counter;
        }
    }

    @Benchmark
    public long lockAcquireRelease() {
        lock.acquire();
        try {
            return ++counter;
        } finally {
            lock.release();
        }
    }

    @Benchmark
    public long rlockHold() {
        try (Held h = rlock.hold()) {
            return ++counter;
        }
    }

    @Benchmark
    public long rlockAcquireRelease() {
        rlock.acquire();
        try {
            return ++counter;
        } finally {
            rlock.release();
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
        final ReentrantLock reentrantLock = new ReentrantLock();
        final Lock lock = new Lock();
        final RLock rlock = new RLock();
        long counter;

        @Setup(Level.Trial)
        public void checkThreadKind() {
            ThreadKindCheck.onBenchmarkThread();
        }

        @Benchmark
        public long jdkReentrantLock() {
            reentrantLock.lock();
            try {
                return ++counter;
            } finally {
                reentrantLock.unlock();
            }
        }

        @Benchmark
        public long lock() {
            try (Held h = lock.hold()) {
                return ++counter;
            }
        }

        @Benchmark
        public long rlock() {
            try (Held h = rlock.hold()) {
                return ++counter;
            }
        }
    }
}
