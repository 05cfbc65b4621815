package io.github.threading4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.Future;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link java.util.concurrent.Future} contract JDK code relies on, ported from the TCK's
 * {@code FutureTaskTest} (the parts a Future from an executor has: get/get(timeout) outcomes, isDone/isCancelled,
 * cancel before and after completion, the JDK 19 state()/resultNow()/exceptionNow()), on futures of each
 * executor with one worker, so that a task can be held PENDING behind another.
 */
abstract class FutureContractTests extends ContractTestCase {

    static final long SHORT_MILLIS = 50;

    /** A new executor that runs one task at a time. */
    abstract Executor newSingleWorkerExecutor();

    Executor executor;
    /** Opened to let the task holding the worker finish. */
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void createExecutor() {
        executor = newSingleWorkerExecutor();
    }

    @AfterEach
    void closeExecutor() {
        release.countDown();
        executor.close();
    }

    /** A task that runs until {@link #release} opens, holding the only worker; returns once it has started. */
    Future<String> occupyWorker() {
        CountDownLatch started = new CountDownLatch(1);
        Future<String> f = executor.submit(() -> {
            started.countDown();
            release.await();
            return "released";
        });
        Threads.await(started, "the task to start");
        return f;
    }

    /** A future that stays PENDING (queued behind {@link #occupyWorker()}) until released. */
    <T> Future<T> pendingFuture(Callable<T> task) {
        occupyWorker();
        Future<T> f = executor.submit(task);
        assertFalse(f.running());
        return f;
    }

    static void waitDone(Future<?> f) {
        Threads.waitUntil(f::isDone, "the future to be done");
    }

    /** A finished task: get() returns its result, isDone, not cancelled, state SUCCESS, resultNow; cancel fails. */
    @Test
    void succeededFuture() throws Exception {
        Future<Integer> f = executor.submit(() -> 42);
        assertEquals(42, f.get());
        assertEquals(42, f.get(0, TimeUnit.SECONDS), "a done future answers a zero-timeout get");
        assertTrue(f.isDone());
        assertFalse(f.isCancelled());
        assertEquals(java.util.concurrent.Future.State.SUCCESS, f.state());
        assertEquals(42, f.resultNow());
        assertThrows(IllegalStateException.class, f::exceptionNow);
        assertFalse(f.cancel(false));
        assertFalse(f.cancel(true));
        assertFalse(f.isCancelled());
        assertEquals(42, f.get());
    }

    /** submit(Runnable) yields null; submit(Runnable, result) yields the given result. */
    @Test
    void runnableResults() throws Exception {
        assertNull(executor.submit(() -> { }).get());
        assertEquals("done", executor.submit(() -> { }, "done").get(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** A failed task: get() throws ExecutionException with the task's exception as cause; state FAILED; exceptionNow. */
    @Test
    void failedFuture() throws InterruptedException {
        IllegalStateException failure = new IllegalStateException("boom");
        Future<Integer> f = executor.submit(() -> {
            throw failure;
        });
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertSame(failure, e.getCause());
        e = assertThrows(ExecutionException.class, () -> f.get(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        assertSame(failure, e.getCause());
        assertTrue(f.isDone());
        assertFalse(f.isCancelled());
        assertEquals(java.util.concurrent.Future.State.FAILED, f.state());
        assertSame(failure, f.exceptionNow());
        assertThrows(IllegalStateException.class, f::resultNow);
        assertFalse(f.cancel(true));
    }

    /** A checked exception is the cause as well (not wrapped further). */
    @Test
    void failedWithCheckedException() {
        Exception failure = new java.io.IOException("io");
        Future<Integer> f = executor.submit(() -> {
            throw failure;
        });
        assertSame(failure, assertThrows(ExecutionException.class, f::get).getCause());
    }

    /**
     * cancel() before the task runs: true, isCancelled and isDone, state CANCELLED, get throws
     * CancellationException, resultNow/exceptionNow IllegalStateException, and the task never runs.
     */
    @Test
    void cancelledBeforeRunning() throws Exception {
        AtomicReference<Boolean> ran = new AtomicReference<>(false);
        Future<Integer> f = pendingFuture(() -> {
            ran.set(true);
            return 1;
        });
        assertEquals(java.util.concurrent.Future.State.RUNNING, f.state(), "JDK state(): a queued task is RUNNING");
        assertThrows(IllegalStateException.class, f::resultNow);
        assertThrows(IllegalStateException.class, f::exceptionNow);
        assertTrue(f.cancel(false));
        assertTrue(f.isCancelled());
        assertTrue(f.isDone());
        assertEquals(java.util.concurrent.Future.State.CANCELLED, f.state());
        assertThrows(CancellationException.class, f::get);
        assertThrows(CancellationException.class, () -> f.get(0, TimeUnit.SECONDS));
        assertThrows(IllegalStateException.class, f::resultNow);
        assertThrows(IllegalStateException.class, f::exceptionNow);
        // documented (CPython's cancel()): cancelling a cancelled future again reports true, as CompletableFuture does
        assertTrue(f.cancel(true));
        release.countDown();
        Future<Integer> after = executor.submit(() -> 2);
        assertEquals(2, after.get());
        assertFalse(ran.get(), "a cancelled task never runs");
        assertTrue(f.isCancelled());
    }

    /** get() waits until the task completes; a second thread's get sees the same result. */
    @Test
    void getWaitsForCompletion() throws Exception {
        Future<String> f = occupyWorker();
        AtomicReference<String> got = new AtomicReference<>();
        Thread t = start(() -> got.set(f.get()));
        waitBlocked(t);
        assertFalse(f.isDone());
        release.countDown();
        join(t);
        assertEquals("released", got.get());
        assertEquals("released", f.get());
    }

    /** Threads waiting in get() and get(timeout) on a queued task wake with CancellationException when it is cancelled. */
    @Test
    void cancelWakesWaitingGetters() {
        Future<Integer> f = pendingFuture(() -> 1);
        Thread plain = start(() -> assertThrows(CancellationException.class, f::get));
        Thread timed = start(() -> assertThrows(CancellationException.class,
                () -> f.get(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS)));
        waitBlocked(plain);
        waitBlocked(timed);
        assertTrue(f.cancel(false));
        join(plain);
        join(timed);
    }

    /** get(timeout) on an unfinished task: TimeoutException (at once for ≤ 0); a null unit → NullPointerException. */
    @Test
    void timedGetTimesOut() {
        Future<String> f = occupyWorker();
        assertThrows(TimeoutException.class, () -> f.get(0, TimeUnit.SECONDS));
        assertThrows(TimeoutException.class, () -> f.get(-1, TimeUnit.DAYS));
        assertThrows(TimeoutException.class, () -> f.get(Long.MIN_VALUE, TimeUnit.NANOSECONDS));
        long t0 = System.nanoTime();
        assertThrows(TimeoutException.class, () -> f.get(SHORT_MILLIS, TimeUnit.MILLISECONDS));
        assertTrue(millisSince(t0) >= SHORT_MILLIS * 6 / 10, "returned before the timeout");
        assertThrows(NullPointerException.class, () -> f.get(1, null));
        assertFalse(f.isDone());
    }

    /** A huge get timeout saturates: get(Long.MAX_VALUE, DAYS) waits for the result. */
    @Test
    void hugeGetTimeoutWaits() throws Exception {
        Future<String> f = occupyWorker();
        AtomicReference<String> got = new AtomicReference<>();
        Thread t = start(() -> got.set(f.get(Long.MAX_VALUE, TimeUnit.DAYS)));
        waitBlocked(t);
        release.countDown();
        join(t);
        assertEquals("released", got.get());
    }

    /** get() and get(timeout): interrupted before or while waiting → InterruptedException, status cleared. */
    @Test
    void getIsInterruptible() {
        Future<String> f = occupyWorker();
        java.util.List<Action> gets = java.util.List.of(f::get, () -> f.get(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        for (Action get : gets) {
            join(start(() -> {
                Thread.currentThread().interrupt();
                assertThrows(InterruptedException.class, get::run);
                assertFalse(Thread.interrupted(), "status cleared");
            }));
            Thread t = start(() -> {
                assertThrows(InterruptedException.class, get::run);
                assertFalse(Thread.interrupted(), "status cleared");
            });
            waitBlocked(t);
            t.interrupt();
            join(t);
        }
        assertFalse(f.isDone(), "the waiter's interrupt does not touch the task");
    }

    /** get() of a done future returns without looking at the interrupt status (FutureTask too), which stays set. */
    @Test
    void getOfDoneFutureIgnoresInterruptStatus() throws Exception {
        Future<Integer> f = executor.submit(() -> 7);
        waitDone(f);
        join(start(() -> {
            Thread.currentThread().interrupt();
            assertEquals(7, f.get());
            assertEquals(7, f.get(0, TimeUnit.SECONDS));
            assertTrue(Thread.interrupted());
        }));
    }

    /** cancel(false) of a running task fails and leaves it running to completion. */
    @Test
    void cancelWithoutInterruptOfRunningTaskFails() throws Exception {
        Future<String> f = occupyWorker();
        assertFalse(f.cancel(false));
        assertFalse(f.isCancelled());
        assertFalse(f.isDone());
        release.countDown();
        assertEquals("released", f.get());
    }

    /**
     * Deliberate difference (futures.md D9): cancel(true) of a running task interrupts it but returns false and
     * the future is not cancelled; it completes with whatever the task does (FutureTask would report cancelled).
     */
    @Test
    void cancelWithInterruptOfRunningTaskInterruptsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Future<String> f = executor.submit(() -> {
            started.countDown();
            try {
                release.await();
                return "released";
            } catch (InterruptedException e) {
                return "interrupted";
            }
        });
        Threads.await(started, "the task to start");
        assertFalse(f.cancel(true));
        assertEquals("interrupted", f.get());
        assertFalse(f.isCancelled());
        assertEquals(java.util.concurrent.Future.State.SUCCESS, f.state());
        // the worker cleared the interrupt before its next task
        assertEquals(false, executor.submit(() -> Thread.currentThread().isInterrupted()).get());
    }

    /** A Future made directly (executor authors): setResult and setException complete it as a task would. */
    @Test
    void directlyCompletedFutures() throws Exception {
        Future<String> ok = new Future<>();
        assertEquals(java.util.concurrent.Future.State.RUNNING, ok.state());
        assertThrows(TimeoutException.class, () -> ok.get(0, TimeUnit.SECONDS));
        ok.setResult("x");
        assertEquals("x", ok.get());
        assertEquals("x", ok.resultNow());
        Future<String> bad = new Future<>();
        RuntimeException failure = new RuntimeException("bad");
        bad.setException(failure);
        assertSame(failure, assertThrows(ExecutionException.class, bad::get).getCause());
        assertSame(failure, bad.exceptionNow());
        Future<String> cancelled = new Future<>();
        assertTrue(cancelled.cancel(true));
        assertInstanceOf(CancellationException.class, assertThrows(CancellationException.class, cancelled::get));
        assertEquals(java.util.concurrent.Future.State.CANCELLED, cancelled.state());
    }
}
