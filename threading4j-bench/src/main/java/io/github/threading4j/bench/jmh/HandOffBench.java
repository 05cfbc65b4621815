package io.github.threading4j.bench.jmh;

import io.github.threading4j.Event;
import io.github.threading4j.Held;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * Event ping-pong: two threads hand a turn back and forth through two events (the core workload
 * {@code event_pingpong}). A round trip is {@code ping.set()} → the other thread wakes, clears,
 * {@code pong.set()} → the first wakes and clears; JMH counts one operation per thread per half, so
 * the group's score is two operations per round trip.
 *
 * <ul>
 *   <li>{@code jdk}: Python's Event written on the plain JDK, a flag under a {@link ReentrantLock} with
 *       waiters on its {@link Condition}, as the anchor program does;</li>
 *   <li>{@code event}: threading4j's {@link Event};</li>
 *   <li>{@code condition}: the same flag under a threading4j {@link io.github.threading4j.Condition}
 *       (on its default {@code RLock}, as Python's {@code Condition()}), the hand-off CPython's own
 *       Event is built on.</li>
 * </ul>
 *
 * <p>Waits are timed (10 ms) and give up once {@link Control#stopMeasurement} is set: a side left
 * blocked at the end of an iteration would make JMH wait ten minutes. The events are new each
 * iteration, so a turn dropped at the end of one cannot leak into the next.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HandOffBench {
    static final long GIVE_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final Duration GIVE_UP = Duration.ofNanos(GIVE_UP_NANOS);

    /** Python's Event in plain JDK terms: a flag under a ReentrantLock, waiters on its Condition. */
    static final class JdkEvent {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean flag;

        void set() {
            lock.lock();
            try {
                flag = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void clear() {
            lock.lock();
            try {
                flag = false;
            } finally {
                lock.unlock();
            }
        }

        /** Waits until set or until GIVE_UP_NANOS passed; true when set. */
        boolean awaitBriefly() throws InterruptedException {
            lock.lock();
            try {
                long nanos = GIVE_UP_NANOS;
                while (!flag) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = changed.awaitNanos(nanos);
                }
                return true;
            } finally {
                lock.unlock();
            }
        }
    }

    @State(Scope.Group)
    public static class JdkEvents {
        JdkEvent ping;
        JdkEvent pong;

        @Setup(Level.Trial)
        public void checkThreadKind() {
            ThreadKindCheck.onBenchmarkThread();
        }

        @Setup(Level.Iteration)
        public void fresh() {
            ping = new JdkEvent();
            pong = new JdkEvent();
        }
    }

    @Benchmark
    @Group("jdk")
    @GroupThreads(1)
    public boolean jdkInitiator(JdkEvents s, Control control) throws InterruptedException {
        s.ping.set();
        while (!s.pong.awaitBriefly()) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        s.pong.clear();
        return true;
    }

    @Benchmark
    @Group("jdk")
    @GroupThreads(1)
    public boolean jdkResponder(JdkEvents s, Control control) throws InterruptedException {
        while (!s.ping.awaitBriefly()) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        s.ping.clear();
        s.pong.set();
        return true;
    }

    // ---- threading4j Event ----

    @State(Scope.Group)
    public static class Events {
        Event ping;
        Event pong;

        @Setup(Level.Trial)
        public void checkThreadKind() {
            ThreadKindCheck.onBenchmarkThread();
        }

        @Setup(Level.Iteration)
        public void fresh() {
            ping = new Event();
            pong = new Event();
        }
    }

    @Benchmark
    @Group("event")
    @GroupThreads(1)
    public boolean eventInitiator(Events s, Control control) {
        s.ping.set();
        while (!s.pong.await(GIVE_UP)) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        s.pong.clear();
        return true;
    }

    @Benchmark
    @Group("event")
    @GroupThreads(1)
    public boolean eventResponder(Events s, Control control) {
        while (!s.ping.await(GIVE_UP)) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        s.ping.clear();
        s.pong.set();
        return true;
    }

    // ---- a flag under a threading4j Condition ----

    /** Python's Event as CPython writes it: a flag under a Condition. */
    static final class ConditionEvent {
        private final io.github.threading4j.Condition changed = new io.github.threading4j.Condition();
        private boolean flag;

        void set() {
            try (Held h = changed.hold()) {
                flag = true;
                changed.signalAll();
            }
        }

        void clear() {
            try (Held h = changed.hold()) {
                flag = false;
            }
        }

        /** Waits until set or until GIVE_UP passed; true when set. */
        boolean awaitBriefly() {
            try (Held h = changed.hold()) {
                if (!flag) {
                    changed.await(GIVE_UP);
                }
                return flag;
            }
        }
    }

    @State(Scope.Group)
    public static class ConditionEvents {
        ConditionEvent ping;
        ConditionEvent pong;

        @Setup(Level.Trial)
        public void checkThreadKind() {
            ThreadKindCheck.onBenchmarkThread();
        }

        @Setup(Level.Iteration)
        public void fresh() {
            ping = new ConditionEvent();
            pong = new ConditionEvent();
        }
    }

    @Benchmark
    @Group("condition")
    @GroupThreads(1)
    public boolean conditionInitiator(ConditionEvents s, Control control) {
        s.ping.set();
        while (!s.pong.awaitBriefly()) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        s.pong.clear();
        return true;
    }

    @Benchmark
    @Group("condition")
    @GroupThreads(1)
    public boolean conditionResponder(ConditionEvents s, Control control) {
        while (!s.ping.awaitBriefly()) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        s.ping.clear();
        s.pong.set();
        return true;
    }
}
