package io.github.threading4j.support;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waiting helpers for tests: each waits for a state, never for a fixed time, and fails the test only after
 * {@link Timeouts#LONG}, which fires only on a hang.
 */
public final class Threads {
    private Threads() {}

    /**
     * CPython's {@code wait_threads_blocked}: waits until every thread is parked or blocked
     * ({@code WAITING}, {@code TIMED_WAITING} or {@code BLOCKED}), as the TCK's {@code assertThreadBlocks}.
     */
    public static void waitBlocked(Collection<Thread> threads) {
        waitUntil(() -> threads.stream().allMatch(Threads::isBlocked), "threads to block: " + threads);
    }

    public static void waitBlocked(Thread... threads) {
        waitBlocked(Arrays.asList(threads));
    }

    /** Whether {@code t} is parked or blocked right now. */
    public static boolean isBlocked(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED;
    }

    /** Polls {@code condition} (yielding, then with short parks) until true; fails after {@link Timeouts#LONG}. */
    public static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Timeouts.LONG.toNanos();
        int spins = 0;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (++spins < 100) {
                Thread.yield();
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }
    }

    /** Awaits the latch; fails after {@link Timeouts#LONG}. */
    public static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("timed out waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    /** Joins {@code t}; fails after {@link Timeouts#LONG}. */
    public static void join(Thread t) {
        try {
            if (!t.join(Timeouts.LONG)) {
                throw new AssertionError("thread did not end: " + t);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted joining " + t, e);
        }
    }

    public static void joinAll(List<Thread> threads) {
        threads.forEach(Threads::join);
    }

    /**
     * The JVM has no reference counting: drops nothing itself, but calls {@code System.gc()} a bounded number
     * of times until {@code ref} is cleared, and fails only when the bound is reached.
     */
    public static void awaitCollected(WeakReference<?> ref, String what) {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            if (ref.get() != null) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        if (ref.get() != null) {
            throw new AssertionError(what + " was not collected: something still references it");
        }
    }
}
