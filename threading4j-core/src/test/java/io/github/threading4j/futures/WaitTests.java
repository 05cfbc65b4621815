package io.github.threading4j.futures;

import static io.github.threading4j.futures.FutureFixtures.cancelled;
import static io.github.threading4j.futures.FutureFixtures.cancelledAndNotified;
import static io.github.threading4j.futures.FutureFixtures.exception;
import static io.github.threading4j.futures.FutureFixtures.successful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.UncheckedInterruptedException;
import io.github.threading4j.support.Threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of CPython's test_concurrent_futures/test_wait.py (WaitTests), run against every executor type.
 * CPython's sleeping tasks become tasks blocked on {@link #release}, opened after the assertions.
 */
abstract class WaitTests {
    Executor executor;
    final CountDownLatch release = new CountDownLatch(1);

    abstract Executor newExecutor(int workers);

    @BeforeEach
    void setUp() {
        executor = newExecutor(ExecutorTests.WORKER_COUNT);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        executor.shutdown(true);
    }

    /** A task that stays running until the test ends (CPython: time.sleep(1.5)). */
    Future<Object> blocked() {
        return executor.submit(() -> {
            Threads.await(release, "the test to end");
            return null;
        });
    }

    @SafeVarargs
    static <F> Set<F> set(F... fs) {
        Set<F> s = Futures.identitySet();
        s.addAll(List.of(fs));
        return s;
    }

    @Test
    void test20369() {
        Future<Object> future = blocked();
        release.countDown();
        DoneAndNotDone<Future<Object>> r = Futures.wait(List.of(future, future));
        assertEquals(set(future), r.done());
        assertEquals(set(), r.notDone());
    }

    /** D1: the already-cancelled future counts as done, so wait returns at once with it in done. */
    @Test
    void testFirstCompleted() {
        Future<?> cancelled = cancelled();
        Future<?> f1 = executor.submit(() -> 21 * 2);
        Future<?> f2 = blocked();
        f1.result();
        DoneAndNotDone<Future<?>> r = Futures.wait(List.of(cancelled, f1, f2), ReturnWhen.FIRST_COMPLETED);
        assertEquals(set(cancelled, f1), r.done());
        assertEquals(set(f2), r.notDone());
    }

    /** The CPython expectation without the pre-cancelled future: the quick task alone is done. */
    @Test
    void firstCompletedWakesOnTheFirstCompletion() {
        Future<?> f2 = blocked();
        CountDownLatch go = new CountDownLatch(1);
        Future<?> f1 = executor.submit(() -> {
            Threads.await(go, "go");
            return 42;
        });
        Thread waiter = Thread.currentThread();
        Thread.ofVirtual().start(() -> {
            Threads.waitBlocked(waiter);
            go.countDown();
        });
        DoneAndNotDone<Future<?>> r = Futures.wait(List.of(f1, f2), ReturnWhen.FIRST_COMPLETED);
        assertEquals(set(f1), r.done());
        assertEquals(set(f2), r.notDone());
    }

    @Test
    void testFirstCompletedSomeAlreadyCompleted() {
        Future<?> f1 = blocked();
        Future<?> cn = cancelledAndNotified();
        Future<?> ok = successful();
        DoneAndNotDone<Future<?>> r = Futures.wait(List.of(cn, ok, f1), ReturnWhen.FIRST_COMPLETED);
        assertEquals(set(cn, ok), r.done());
        assertEquals(set(f1), r.notDone());
    }

    @Test
    void testFirstException() {
        CountDownLatch raise = new CountDownLatch(1);
        Future<?> f1 = executor.submit(() -> 2 * 21);
        Future<?> f2 = executor.submit(() -> {
            Threads.await(raise, "raise");
            throw new RuntimeException("sleep and raise");
        });
        Future<?> f3 = blocked();
        f1.result();
        Thread waiter = Thread.currentThread();
        Thread.ofVirtual().start(() -> {
            Threads.waitBlocked(waiter);
            raise.countDown();
        });
        DoneAndNotDone<Future<?>> r = Futures.wait(List.of(f1, f2, f3), ReturnWhen.FIRST_EXCEPTION);
        assertEquals(set(f1, f2), r.done());
        assertEquals(set(f3), r.notDone());
        f2.exception();
    }

    /** D1: the cancelled future is in done, not in notDone. */
    @Test
    void testFirstExceptionSomeAlreadyComplete() {
        Future<?> f1 = executor.submit(() -> 21 / 0);
        Future<?> f2 = blocked();
        Future<?> ok = successful();
        Future<?> c = cancelled();
        Future<?> cn = cancelledAndNotified();
        f1.exception();
        DoneAndNotDone<Future<?>> r = Futures.wait(List.of(ok, c, cn, f1, f2), ReturnWhen.FIRST_EXCEPTION);
        assertEquals(set(ok, c, cn, f1), r.done());
        assertEquals(set(f2), r.notDone());
    }

    @Test
    void testFirstExceptionOneAlreadyFailed() {
        Future<?> f1 = blocked();
        Future<?> failed = exception();
        DoneAndNotDone<Future<?>> r = Futures.wait(List.of(failed, f1), ReturnWhen.FIRST_EXCEPTION);
        assertEquals(set(failed), r.done());
        assertEquals(set(f1), r.notDone());
    }

    @Test
    void testAllCompleted() {
        Future<?> f1 = executor.submit(() -> 2 / 0);
        Future<?> f2 = executor.submit(() -> 2 * 21);
        Future<?> ok = successful();
        Future<?> cn = cancelledAndNotified();
        Future<?> failed = exception();
        DoneAndNotDone<Future<?>> r = Futures.wait(List.of(ok, cn, failed, f1, f2), ReturnWhen.ALL_COMPLETED);
        assertEquals(set(ok, cn, failed, f1, f2), r.done());
        assertEquals(set(), r.notDone());
        f1.exception();
    }

    @Test
    void testTimeout() {
        Future<?> f1 = blocked();
        Future<?> cn = cancelledAndNotified();
        Future<?> failed = exception();
        Future<?> ok = successful();
        Duration t = Duration.ofMillis(50);
        long start = System.nanoTime();
        DoneAndNotDone<Future<?>> r = Futures.wait(List.of(cn, failed, ok, f1), t, ReturnWhen.ALL_COMPLETED);
        long elapsed = System.nanoTime() - start;
        assertEquals(set(cn, failed, ok), r.done());
        assertEquals(set(f1), r.notDone());
        assertTrue(elapsed >= t.toNanos() * 6 / 10, "waited only " + elapsed + " ns");
    }

    // ---- beyond CPython ------------------------------------------------------------------------------------

    /** D1: a future cancelled while wait() blocks on it wakes the wait (gh-92001 hangs there). */
    @Test
    void cancellationWakesWaitAtOnce() {
        Future<Object> pending = new Future<>();
        Thread waiter = Thread.currentThread();
        Thread.ofVirtual().start(() -> {
            Threads.waitBlocked(waiter);
            pending.cancel();
        });
        DoneAndNotDone<Future<Object>> r = Futures.wait(List.of(pending));
        assertEquals(set(pending), r.done());
    }

    @Test
    void waitIsInterruptible() {
        Future<?> f1 = blocked();
        Thread.currentThread().interrupt();
        assertThrows(UncheckedInterruptedException.class, () -> Futures.wait(List.of(f1)));
        assertTrue(Thread.interrupted()); // status kept
        // a zero timeout does not wait, so it ignores the status
        Thread.currentThread().interrupt();
        assertEquals(set(f1), Futures.wait(List.of(f1), Duration.ZERO).notDone());
        assertTrue(Thread.interrupted());
        assertEquals(set(), Futures.wait(List.<Future<?>>of()).done());
    }
}
