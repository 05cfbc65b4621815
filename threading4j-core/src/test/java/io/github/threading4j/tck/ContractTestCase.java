package io.github.threading4j.tck;

import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The TCK's {@code JSR166TestCase}, reduced to what the contract tests here need: every test runs on platform
 * and on virtual threads ({@link #kind}); helper threads report their failures to the test, which rethrows the
 * first when it joins them or at the end ({@code threadUnexpectedException}).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(ThreadKind.class)
abstract class ContractTestCase {

    /** A piece of test code run on a helper thread; it may throw anything. */
    @FunctionalInterface
    interface Action {
        void run() throws Throwable;
    }

    /** The kind of thread the helper threads are. */
    @Parameter
    ThreadKind kind;

    private final List<Throwable> failures = new ArrayList<>();

    /** A started helper thread of {@link #kind} running {@code action}; a failure is kept for the test. */
    Thread start(Action action) {
        return kind.start(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        });
    }

    /** Joins {@code t} and rethrows the first failure of any helper thread. */
    void join(Thread t) {
        Threads.join(t);
        checkFailures();
    }

    @AfterEach
    void checkFailures() {
        synchronized (failures) {
            if (!failures.isEmpty()) {
                AssertionError e = new AssertionError("a helper thread failed", failures.get(0));
                failures.clear();
                throw e;
            }
        }
    }

    /** The TCK's {@code assertThreadBlocks}: waits until {@code t} is parked (it is waiting, not running). */
    static void waitBlocked(Thread t) {
        Threads.waitBlocked(t);
    }

    /**
     * Waits until every thread is parked with {@code blocker} as its blocker ({@link LockSupport#getBlocker}): a
     * thread waiting on a Condition, not merely blocked somewhere on the way to it.
     */
    static void waitParkedOn(Object blocker, List<Thread> threads) {
        Threads.waitUntil(() -> threads.stream().allMatch(t -> Threads.isBlocked(t) && LockSupport.getBlocker(t) == blocker),
                "threads to park on " + blocker);
    }

    static void waitParkedOn(Object blocker, Thread t) {
        waitParkedOn(blocker, List.of(t));
    }

    /** Milliseconds since {@code startNanos}. */
    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
