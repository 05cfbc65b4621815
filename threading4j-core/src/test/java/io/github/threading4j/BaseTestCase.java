package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CPython's {@code lock_tests.BaseTestCase}: every test of a subclass runs twice, on platform threads and on
 * virtual threads ({@link #kind}), and gets CPython's helpers.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(ThreadKind.class)
abstract class BaseTestCase {

    /** The kind of thread the test's helper threads are. */
    @Parameter
    ThreadKind kind;

    /** CPython's {@code Bunch(f, n)}: n threads of {@link #kind} running {@code f}, all started. */
    Bunch bunch(int n, Runnable f) {
        return Bunch.start(kind, n, f);
    }

    /** A started thread of {@link #kind}. */
    Thread start(Runnable f) {
        return kind.start(f);
    }

    /**
     * Waits until every thread is parked on {@code primitive} itself (its blocker, {@link LockObserver#blockedOn}),
     * not merely blocked: a thread briefly blocked on a primitive's internal lock has not started waiting yet.
     */
    static void waitParkedOn(Object primitive, List<Thread> threads) {
        Threads.waitUntil(() -> threads.stream().allMatch(t -> Threads.isBlocked(t)
                && LockObserver.blockedOn(t) == primitive), "threads to park on " + primitive);
    }

    static void waitParkedOn(Object primitive, Thread... threads) {
        waitParkedOn(primitive, List.of(threads));
    }

    /** Seconds since {@code startNanos}. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** CPython's {@code assertTimeout}: the wait took at least 0.6 of the timeout and less than 10 times it. */
    static void assertTimeout(double actualSeconds, double expectedSeconds) {
        assertTrue(actualSeconds >= expectedSeconds * 0.6, actualSeconds + " < 0.6 * " + expectedSeconds);
        assertTrue(actualSeconds < expectedSeconds * 10.0, actualSeconds + " >= 10 * " + expectedSeconds);
    }

    static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }
}
