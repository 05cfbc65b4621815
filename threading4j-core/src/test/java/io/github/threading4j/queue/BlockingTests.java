package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * CPython's {@code BlockingTestMixin}: runs a call that must block on a thread of the chosen kind, waits until
 * that thread is parked on a condition (instead of CPython's 0.1 s sleep in the trigger thread), runs the
 * trigger that unblocks it, and checks that the call returned only after the trigger.
 */
final class BlockingTests {
    private BlockingTests() {}

    /** CPython's {@code do_blocking_test}: returns what {@code blockFunc} returned. */
    static <R> R doBlockingTest(ThreadKind kind, Supplier<R> blockFunc, Runnable trigger) {
        AtomicBoolean triggered = new AtomicBoolean();
        CompletableFuture<R> result = new CompletableFuture<>();
        Thread t = kind.start(() -> {
            try {
                R r = blockFunc.get();
                if (!triggered.get()) {
                    throw new AssertionError("blocking function appeared not to block");
                }
                result.complete(r);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        waitParked(t);
        triggered.set(true);
        trigger.run();
        Threads.join(t);
        try {
            return result.join();
        } catch (CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** CPython's {@code do_exceptional_blocking_test}: {@code blockFunc} must throw {@code expected} after the trigger. */
    static <X extends Throwable> X doExceptionalBlockingTest(ThreadKind kind, Runnable blockFunc, Runnable trigger,
                                                             Class<X> expected) {
        return assertThrows(expected, () -> doBlockingTest(kind, () -> {
            blockFunc.run();
            return fail("expected exception of kind " + expected.getSimpleName());
        }, trigger));
    }

    /**
     * Waits until {@code t} is parked on a condition or a queue (not merely on the lock's entry), or has
     * ended (then the caller finds out it did not block).
     */
    static void waitParked(Thread t) {
        Threads.waitUntil(() -> !t.isAlive() || (Threads.isBlocked(t) && parkedOnCondition(t)),
                "thread to park on a condition: " + t);
    }

    private static boolean parkedOnCondition(Thread t) {
        Object blocker = LockSupport.getBlocker(t);
        return blocker != null && !(blocker instanceof AbstractQueuedSynchronizer);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError(t);
    }
}
