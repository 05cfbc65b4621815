package io.github.threading4j.bench.jmh;

import io.github.threading4j.BoundedSemaphore;
import io.github.threading4j.Held;
import io.github.threading4j.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * {@link Semaphore} and {@link BoundedSemaphore} next to {@link java.util.concurrent.Semaphore}: one
 * permit taken and given back ({@code try (Held h = s.hold())}, Python's {@code with s:}) around an
 * increment. Uncontended: one thread, a semaphore of 1, ns per acquire+release. Contended: four threads
 * on a semaphore of 1 (it works as a lock), operations per microsecond.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SemaphoreBench {
    final java.util.concurrent.Semaphore jdkSemaphore = new java.util.concurrent.Semaphore(1);
    final Semaphore semaphore = new Semaphore(1);
    final BoundedSemaphore boundedSemaphore = new BoundedSemaphore(1);
    long counter;

    @Benchmark
    public long jdkSemaphore() throws InterruptedException {
        jdkSemaphore.acquire();
        try {
            return ++counter;
        } finally {
            jdkSemaphore.release();
        }
    }

    @Benchmark
    public long semaphoreHold() {
        try (Held h = semaphore.hold()) {
            return ++counter;
        }
    }

    @Benchmark
    public long boundedSemaphoreHold() {
        try (Held h = boundedSemaphore.hold()) {
            return ++counter;
        }
    }

    /** Four threads on one semaphore of 1 of each kind. */
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(1)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    @Threads(4)
    @State(Scope.Benchmark)
    public static class Contended {
        final java.util.concurrent.Semaphore jdkSemaphore = new java.util.concurrent.Semaphore(1);
        final Semaphore semaphore = new Semaphore(1);
        final BoundedSemaphore boundedSemaphore = new BoundedSemaphore(1);
        long counter;

        @Setup(Level.Trial)
        public void checkThreadKind() {
            ThreadKindCheck.onBenchmarkThread();
        }

        @Benchmark
        public long jdkSemaphore() throws InterruptedException {
            jdkSemaphore.acquire();
            try {
                return ++counter;
            } finally {
                jdkSemaphore.release();
            }
        }

        @Benchmark
        public long semaphore() {
            try (Held h = semaphore.hold()) {
                return ++counter;
            }
        }

        @Benchmark
        public long boundedSemaphore() {
            try (Held h = boundedSemaphore.hold()) {
                return ++counter;
            }
        }
    }
}
