package io.github.threading4j.futures;

import static io.github.threading4j.futures.FutureFixtures.cancelledAndNotified;
import static io.github.threading4j.futures.FutureFixtures.exception;
import static io.github.threading4j.futures.FutureFixtures.pending;
import static io.github.threading4j.futures.FutureFixtures.running;
import static io.github.threading4j.futures.FutureFixtures.successful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.UncheckedInterruptedException;
import io.github.threading4j.support.Threads;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Port of CPython's test_concurrent_futures/test_as_completed.py (AsCompletedTests), per executor type. */
abstract class AsCompletedTests {
    Executor executor;
    final CountDownLatch event = new CountDownLatch(1);

    abstract Executor newExecutor(int workers);

    @BeforeEach
    void setUp() {
        executor = newExecutor(ExecutorTests.WORKER_COUNT);
    }

    @AfterEach
    void tearDown() {
        event.countDown();
        executor.shutdown(true);
    }

    static <F> Set<F> collect(Results<F> results) {
        Set<F> s = Futures.identitySet();
        try (results) {
            results.forEach(s::add);
        }
        return s;
    }

    @Test
    void testNoTimeout() {
        Future<?> future1 = executor.submit(() -> 2 * 21);
        Future<?> future2 = executor.submit(() -> 7 * 6);
        List<Future<?>> all = List.of(cancelledAndNotified(), exception(), successful(), future1, future2);
        Set<Future<?>> completed = collect(Futures.asCompleted(all));
        assertEquals(WaitTests.set(all.toArray(new Future<?>[0])), completed);
    }

    @Test
    void testFutureTimesOut() {
        for (Duration timeout : new Duration[] {Duration.ZERO, Duration.ofMillis(10)}) {
            Future<?> future = executor.submit(() -> {
                Threads.await(event, "event");
                return null;
            });
            Future<?> cn = cancelledAndNotified();
            Future<?> failed = exception();
            Future<?> ok = successful();
            Set<Future<?>> completed = Futures.identitySet();
            assertThrows(TimeoutError.class, () -> {
                for (Future<?> f : Futures.asCompleted(List.of(cn, failed, ok, future), timeout)) {
                    completed.add(f);
                }
            });
            assertEquals(WaitTests.set(cn, failed, ok), completed, "timeout " + timeout);
        }
    }

    @Test
    void testDuplicateFutures() {
        Future<?> future1 = executor.submit(() -> {
            Threads.await(event, "event");
            return null;
        });
        event.countDown();
        List<Future<?>> completed = new ArrayList<>();
        Futures.asCompleted(Collections.nCopies(3, future1)).forEach(completed::add);
        assertEquals(1, completed.size());
    }

    @Test
    void testFreeReferenceYieldedFuture() {
        List<Future<?>> futuresList = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futuresList.add(new Future<String>());
        }
        futuresList.add(cancelledAndNotified());
        futuresList.add(successful());

        assertThrows(TimeoutError.class, () -> {
            Iterator<Future<?>> it = Futures.asCompleted(futuresList, Duration.ZERO).iterator();
            while (it.hasNext()) {
                WeakReference<Future<?>> wr = yieldedAndRemoved(it, futuresList);
                Threads.awaitCollected(wr, "a yielded future");
            }
        });
        completeFirst(futuresList);
        Iterator<Future<?>> it = Futures.asCompleted(futuresList).iterator();
        while (it.hasNext()) {
            WeakReference<Future<?>> wr = yieldedAndRemoved(it, futuresList);
            Threads.awaitCollected(wr, "a yielded future");
            if (!futuresList.isEmpty()) {
                completeFirst(futuresList);
            }
        }
        assertTrue(futuresList.isEmpty());
    }

    /** In a method of its own, so no local variable of the test keeps the future alive. */
    @SuppressWarnings("unchecked")
    private static void completeFirst(List<Future<?>> list) {
        ((Future<String>) list.get(0)).setResult("test");
    }

    /** Takes one future from {@code it}, removes it from the list, and keeps only a weak reference. */
    private static WeakReference<Future<?>> yieldedAndRemoved(Iterator<Future<?>> it, List<Future<?>> list) {
        Future<?> future = it.next();
        assertTrue(list.removeIf(f -> f == future));
        return new WeakReference<>(future);
    }

    @Test
    void testCorrectTimeoutExceptionMsg() {
        List<Future<Integer>> futuresList = List.of(cancelledAndNotified(), pending(), running(), successful());
        TimeoutError e = assertThrows(TimeoutError.class,
                () -> Futures.asCompleted(futuresList, Duration.ZERO).forEach(f -> {}));
        assertEquals("2 (of 4) futures unfinished", e.getMessage());
    }

    // ---- beyond CPython ------------------------------------------------------------------------------------

    /** After the futures already done, the others come in the order they complete; a cancel counts (D1). */
    @Test
    void yieldsInCompletionOrder() {
        Future<Integer> a = new Future<>();
        Future<Integer> b = new Future<>();
        Future<Integer> c = new Future<>();
        Future<Integer> done = successful();
        try (Results<Future<Integer>> results = Futures.asCompleted(List.of(a, b, c, done))) {
            Iterator<Future<Integer>> it = results.iterator();
            assertTrue(it.hasNext());
            assertEquals(done, it.next());
            c.setResult(3);
            b.cancel();
            a.setResult(1);
            assertEquals(c, it.next());
            assertEquals(b, it.next());
            assertEquals(a, it.next());
            assertFalse(it.hasNext());
        }
    }

    /** next() blocks until a completion; an interrupt ends the iteration with the status kept. */
    @Test
    void nextWaitsAndIsInterruptible() {
        Future<Integer> a = new Future<>();
        Future<Integer> b = new Future<>();
        Results<Future<Integer>> results = Futures.asCompleted(List.of(a, b));
        Iterator<Future<Integer>> it = results.iterator();
        Thread consumer = Thread.currentThread();
        Thread.ofVirtual().start(() -> {
            Threads.waitBlocked(consumer);
            a.setResult(1);
        });
        assertEquals(a, it.next());
        Thread.currentThread().interrupt();
        assertThrows(UncheckedInterruptedException.class, it::next);
        assertTrue(Thread.interrupted());
        assertFalse(it.hasNext());
        b.setResult(2); // its hook was removed: nothing breaks
        assertEquals(2, b.result());
    }

    /** A timeout beyond TIMEOUT_MAX fails only when next() has to wait (CPython's OverflowError). */
    @Test
    void tooLargeTimeoutFailsOnlyWhenWaiting() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        Future<Integer> done = successful();
        Iterator<Future<Integer>> it = Futures.asCompleted(List.of(done, pending()), huge).iterator();
        assertEquals(done, it.next());
        ArithmeticException e = assertThrows(ArithmeticException.class, it::next);
        assertEquals("timeout value is too large", e.getMessage());
    }

    /** Nothing happens before the first hasNext()/next(): the input is read then. */
    @Test
    void lazyUntilFirstNext() {
        List<Future<Integer>> fs = new ArrayList<>();
        Results<Future<Integer>> results = Futures.asCompleted(fs, Duration.ZERO);
        fs.add(successful()); // added after the call, before the first next(): seen
        assertEquals(1, collect(results).size());
    }
}
