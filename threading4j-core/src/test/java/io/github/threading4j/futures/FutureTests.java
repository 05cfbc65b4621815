package io.github.threading4j.futures;

import static io.github.threading4j.futures.FutureFixtures.cancelled;
import static io.github.threading4j.futures.FutureFixtures.cancelledAndNotified;
import static io.github.threading4j.futures.FutureFixtures.exception;
import static io.github.threading4j.futures.FutureFixtures.pending;
import static io.github.threading4j.futures.FutureFixtures.running;
import static io.github.threading4j.futures.FutureFixtures.successful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.UncheckedInterruptedException;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Port of CPython's test_concurrent_futures/test_future.py (FutureTests), plus the JDK-facing methods
 * (D4, D9, E3). The waiting side runs on the subclass's kind of thread: {@link PlatformFutureTests},
 * {@link VirtualFutureTests}.
 */
abstract class FutureTests {

    abstract ThreadKind kind();

    /** Runs {@code body} on a thread of this kind and returns what it returned, rethrowing its failure. */
    private <T> T onThread(java.util.concurrent.Callable<T> body, java.util.function.Consumer<Thread> whileRunning) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = kind().start(() -> {
            try {
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        whileRunning.accept(t);
        Threads.join(t);
        if (failure.get() instanceof RuntimeException re) {
            throw re;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    // ---- callbacks ---------------------------------------------------------------------------------------

    @Test
    void testDoneCallbackWithResult() {
        AtomicReference<Integer> callbackResult = new AtomicReference<>();
        Future<Integer> f = new Future<>();
        f.addDoneCallback(cf -> callbackResult.set(cf.result()));
        f.setResult(5);
        assertEquals(5, callbackResult.get());
    }

    @Test
    void testDoneCallbackWithException() {
        AtomicReference<Throwable> callbackException = new AtomicReference<>();
        Future<Integer> f = new Future<>();
        f.addDoneCallback(cf -> callbackException.set(cf.exception()));
        f.setException(new Exception("test"));
        assertEquals("test", callbackException.get().getMessage());
    }

    @Test
    void testDoneCallbackWithCancel() {
        AtomicBoolean wasCancelled = new AtomicBoolean();
        Future<Integer> f = new Future<>();
        f.addDoneCallback(cf -> wasCancelled.set(cf.cancelled()));
        assertTrue(f.cancel());
        assertTrue(wasCancelled.get());
    }

    @Test
    void testDoneCallbackRaises() {
        AtomicBoolean raisingWasCalled = new AtomicBoolean();
        AtomicBoolean fnWasCalled = new AtomicBoolean();
        try (LogCapture log = new LogCapture()) {
            Future<Integer> f = new Future<>();
            f.addDoneCallback(cf -> {
                raisingWasCalled.set(true);
                throw new IllegalStateException("doh!");
            });
            f.addDoneCallback(cf -> fnWasCalled.set(true));
            f.setResult(5);
            assertTrue(raisingWasCalled.get());
            assertTrue(fnWasCalled.get());
            assertTrue(log.text().contains("IllegalStateException: doh!"), log.text());
        }
    }

    @Test
    void testDoneCallbackAlreadySuccessful() {
        AtomicReference<Integer> callbackResult = new AtomicReference<>();
        Future<Integer> f = new Future<>();
        f.setResult(5);
        f.addDoneCallback(cf -> callbackResult.set(cf.result()));
        assertEquals(5, callbackResult.get());
    }

    @Test
    void testDoneCallbackAlreadyFailed() {
        AtomicReference<Throwable> callbackException = new AtomicReference<>();
        Future<Integer> f = new Future<>();
        f.setException(new Exception("test"));
        f.addDoneCallback(cf -> callbackException.set(cf.exception()));
        assertEquals("test", callbackException.get().getMessage());
    }

    @Test
    void testDoneCallbackAlreadyCancelled() {
        AtomicBoolean wasCancelled = new AtomicBoolean();
        Future<Integer> f = new Future<>();
        assertTrue(f.cancel());
        f.addDoneCallback(cf -> wasCancelled.set(cf.cancelled()));
        assertTrue(wasCancelled.get());
    }

    @Test
    void testDoneCallbackRaisesAlreadySucceeded() {
        try (LogCapture log = new LogCapture()) {
            Future<Integer> f = new Future<>();
            f.setResult(5);
            f.addDoneCallback(cf -> {
                throw new IllegalStateException("doh!");
            });
            assertTrue(log.text().contains("exception calling callback for " + f), log.text());
            assertTrue(log.text().contains("doh!"), log.text());
        }
    }

    /** Callbacks run once, in registration order, after the state change. */
    @Test
    void callbacksRunInRegistrationOrder() {
        List<Integer> order = new ArrayList<>();
        Future<Integer> f = new Future<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            f.addDoneCallback(cf -> {
                assertTrue(cf.done());
                order.add(n);
            });
        }
        f.setResult(1);
        assertFalse(f.cancel()); // a finished future: no change, callbacks do not run again
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    // ---- repr and states ---------------------------------------------------------------------------------

    @Test
    void testRepr() {
        assertTrue(pending().toString().matches("<Future at 0x[0-9a-f]+ state=pending>"), pending().toString());
        assertTrue(running().toString().matches("<Future at 0x[0-9a-f]+ state=running>"));
        assertTrue(cancelled().toString().matches("<Future at 0x[0-9a-f]+ state=cancelled>"));
        assertTrue(cancelledAndNotified().toString().matches("<Future at 0x[0-9a-f]+ state=cancelled>"));
        assertTrue(exception().toString().matches("<Future at 0x[0-9a-f]+ state=finished raised IOException>"));
        assertTrue(successful().toString().matches("<Future at 0x[0-9a-f]+ state=finished returned Integer>"));
        Future<Object> none = new Future<>();
        none.setResult(null);
        assertTrue(none.toString().matches("<Future at 0x[0-9a-f]+ state=finished returned null>"));
    }

    @Test
    void testCancel() {
        Future<Integer> f1 = pending();
        Future<Integer> f2 = running();
        Future<Integer> f3 = cancelled();
        Future<Integer> f4 = cancelledAndNotified();
        Future<Integer> f5 = exception();
        Future<Integer> f6 = successful();

        assertTrue(f1.cancel());
        assertEquals(FutureState.CANCELLED, f1.futureState());
        assertFalse(f2.cancel());
        assertEquals(FutureState.RUNNING, f2.futureState());
        assertTrue(f3.cancel());
        assertEquals(FutureState.CANCELLED, f3.futureState());
        assertTrue(f4.cancel());
        assertEquals(FutureState.CANCELLED_AND_NOTIFIED, f4.futureState());
        assertFalse(f5.cancel());
        assertEquals(FutureState.FINISHED, f5.futureState());
        assertFalse(f6.cancel());
        assertEquals(FutureState.FINISHED, f6.futureState());
    }

    @Test
    void testCancelled() {
        assertFalse(pending().cancelled());
        assertFalse(running().cancelled());
        assertTrue(cancelled().cancelled());
        assertTrue(cancelledAndNotified().cancelled());
        assertFalse(exception().cancelled());
        assertFalse(successful().cancelled());
    }

    @Test
    void testDone() {
        assertFalse(pending().done());
        assertFalse(running().done());
        assertTrue(cancelled().done());
        assertTrue(cancelledAndNotified().done());
        assertTrue(exception().done());
        assertTrue(successful().done());
    }

    @Test
    void testRunning() {
        assertFalse(pending().running());
        assertTrue(running().running());
        assertFalse(cancelled().running());
        assertFalse(cancelledAndNotified().running());
        assertFalse(exception().running());
        assertFalse(successful().running());
    }

    // ---- result and exception ----------------------------------------------------------------------------

    @Test
    void testResultWithTimeout() {
        assertThrows(TimeoutError.class, () -> pending().result(Duration.ZERO));
        assertThrows(TimeoutError.class, () -> running().result(Duration.ZERO));
        assertThrows(CancelledError.class, () -> cancelled().result(Duration.ZERO));
        assertThrows(CancelledError.class, () -> cancelledAndNotified().result(Duration.ZERO));
        CompletionException e = assertThrows(CompletionException.class, () -> exception().result(Duration.ZERO));
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals(42, successful().result(Duration.ZERO));
    }

    @Test
    void testResultWithSuccess() {
        Future<Integer> f1 = pending();
        int r = onThread(() -> f1.result(Duration.ofSeconds(5)), waiter -> {
            Threads.waitBlocked(waiter);
            f1.setResult(42);
        });
        assertEquals(42, r);
    }

    @Test
    void testResultWithCancel() {
        Future<Integer> f1 = pending();
        assertThrows(CancelledError.class, () -> onThread(() -> f1.result(Duration.ofSeconds(5)), waiter -> {
            Threads.waitBlocked(waiter);
            f1.cancel();
        }));
    }

    @Test
    void testExceptionWithTimeout() {
        assertThrows(TimeoutError.class, () -> pending().exception(Duration.ZERO));
        assertThrows(TimeoutError.class, () -> running().exception(Duration.ZERO));
        assertThrows(CancelledError.class, () -> cancelled().exception(Duration.ZERO));
        assertThrows(CancelledError.class, () -> cancelledAndNotified().exception(Duration.ZERO));
        assertInstanceOf(IOException.class, exception().exception(Duration.ZERO));
        assertNull(successful().exception(Duration.ZERO));
    }

    @Test
    void testExceptionWithSuccess() {
        Future<Integer> f1 = pending();
        IOException raised = new IOException();
        Throwable seen = onThread(() -> f1.exception(Timeouts.SHORT), waiter -> {
            Threads.waitBlocked(waiter);
            f1.setException(raised);
        });
        assertSame(raised, seen);
    }

    @Test
    void testMultipleSetResult() {
        Future<Integer> f = pending();
        f.setResult(1);
        InvalidStateError e = assertThrows(InvalidStateError.class, () -> f.setResult(2));
        assertTrue(e.getMessage().matches("FINISHED: <Future at 0x[0-9a-f]+ state=finished returned Integer>"),
                e.getMessage());
        assertTrue(f.done());
        assertEquals(1, f.result());
    }

    @Test
    void testMultipleSetException() {
        Future<Integer> f = pending();
        IllegalArgumentException e = new IllegalArgumentException();
        f.setException(e);
        InvalidStateError err = assertThrows(InvalidStateError.class, () -> f.setException(new Exception()));
        assertTrue(err.getMessage().matches(
                "FINISHED: <Future at 0x[0-9a-f]+ state=finished raised IllegalArgumentException>"), err.getMessage());
        assertSame(e, f.exception());
    }

    // ---- beyond CPython: waiting, interrupts, the JDK interface ------------------------------------------

    /** result() keeps waiting through time; it returns only on completion, cancellation or the deadline. */
    @Test
    void resultTimesOutWithinCPythonBounds() {
        Future<Integer> f = pending();
        Duration t = Duration.ofMillis(500);
        long start = System.nanoTime();
        assertThrows(TimeoutError.class, () -> onThread(() -> f.result(t), waiter -> {}));
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= t.toNanos() * 6 / 10, "returned after " + elapsed + " ns");
        assertTrue(elapsed < t.toNanos() * 10, "returned after " + elapsed + " ns");
    }

    /** An interrupted result() throws UncheckedInterruptedException, keeps the status, changes nothing. */
    @Test
    void resultIsInterruptible() {
        Future<Integer> f = pending();
        AtomicBoolean statusKept = new AtomicBoolean();
        assertThrows(UncheckedInterruptedException.class, () -> onThread(() -> {
            try {
                return f.result();
            } finally {
                statusKept.set(Thread.currentThread().isInterrupted());
            }
        }, waiter -> {
            Threads.waitBlocked(waiter);
            waiter.interrupt();
        }));
        assertTrue(statusKept.get());
        assertEquals(FutureState.PENDING, f.futureState());
        f.setResult(1); // a waiter that left does not break completion
        assertEquals(1, f.result());
    }

    /** A zero timeout does not wait, so it ignores a pending interrupt (mapping §1.5). */
    @Test
    void zeroTimeoutIgnoresInterruptStatus() {
        Future<Integer> f = successful();
        int r = onThread(() -> {
            Thread.currentThread().interrupt();
            return f.result(Duration.ZERO) + (Thread.interrupted() ? 0 : 1000);
        }, waiter -> {});
        assertEquals(42, r);
        assertThrows(TimeoutError.class, () -> onThread(() -> {
            Thread.currentThread().interrupt();
            return pending().result(Duration.ZERO);
        }, waiter -> {}));
    }

    @Test
    void tooLargeTimeoutFailsOnlyWhenWaiting() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        assertEquals(42, successful().result(huge));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> pending().result(huge));
        assertEquals("timeout value is too large", e.getMessage());
    }

    /** D4: result() wraps the very exception, with its own stack trace; exception() returns it. */
    @Test
    void resultWrapsTheOriginalException() {
        Future<Integer> f = new Future<>();
        IOException raised = new IOException("disk");
        StackTraceElement[] trace = raised.getStackTrace();
        f.setException(raised);
        CompletionException first = assertThrows(CompletionException.class, f::result);
        CompletionException second = assertThrows(CompletionException.class, f::result);
        assertSame(raised, first.getCause());
        assertSame(raised, second.getCause());
        assertEquals(List.of(trace), List.of(raised.getStackTrace()));
        assertSame(raised, f.exception());
    }

    /** The JDK's get, state, resultNow and exceptionNow (mapping §4.1). */
    @Test
    void jdkFutureContract() throws Exception {
        assertEquals(42, successful().get());
        assertEquals(42, successful().get(0, TimeUnit.SECONDS));
        ExecutionException ee = assertThrows(ExecutionException.class, () -> exception().get());
        assertInstanceOf(IOException.class, ee.getCause());
        assertThrows(CancelledError.class, () -> cancelled().get());
        assertThrows(TimeoutException.class, () -> pending().get(1, TimeUnit.MILLISECONDS));

        assertEquals(java.util.concurrent.Future.State.RUNNING, pending().state());
        assertEquals(java.util.concurrent.Future.State.RUNNING, running().state());
        assertEquals(java.util.concurrent.Future.State.SUCCESS, successful().state());
        assertEquals(java.util.concurrent.Future.State.FAILED, exception().state());
        assertEquals(java.util.concurrent.Future.State.CANCELLED, cancelledAndNotified().state());

        assertEquals(42, successful().resultNow());
        assertThrows(IllegalStateException.class, () -> pending().resultNow());
        assertThrows(IllegalStateException.class, () -> exception().resultNow());
        assertInstanceOf(IOException.class, exception().exceptionNow());
        assertThrows(IllegalStateException.class, () -> successful().exceptionNow());
        assertThrows(IllegalStateException.class, () -> cancelled().exceptionNow());
        assertTrue(cancelled().isCancelled());
        assertTrue(exception().isDone());
    }

    /** The JDK's get() throws the checked InterruptedException and clears the status. */
    @Test
    void getIsInterruptibleWithJdkContract() {
        Future<Integer> f = pending();
        AtomicBoolean statusCleared = new AtomicBoolean();
        assertThrows(AssertionError.class, () -> onThread(() -> {
            try {
                return f.get();
            } catch (InterruptedException e) {
                statusCleared.set(!Thread.currentThread().isInterrupted());
                throw e;
            }
        }, waiter -> {
            Threads.waitBlocked(waiter);
            waiter.interrupt();
        }));
        assertTrue(statusCleared.get());
    }

    /** D9: cancel(true) on a running future returns false and interrupts the thread running it. */
    @Test
    void cancelTrueInterruptsTheRunningThread() {
        Future<Integer> f = new Future<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Thread runner = kind().start(() -> {
            assertTrue(f.setRunningOrNotifyCancel());
            started.countDown();
            try {
                new java.util.concurrent.CountDownLatch(1).await(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
                f.setResult(0); // not interrupted
            } catch (InterruptedException e) {
                f.setResult(-1);
            }
        });
        Threads.await(started, "the task to run");
        assertFalse(f.cancel(false));
        assertFalse(f.cancel(true));
        assertEquals(-1, f.result(Timeouts.LONG));
        Threads.join(runner);
        assertFalse(f.cancelled());
    }

    /** E3: the CompletableFuture follows the future, in each of the three outcomes, without blocking. */
    @Test
    void toCompletableFuture() {
        Future<Integer> f = pending();
        CompletableFuture<Integer> cf = f.toCompletableFuture();
        assertFalse(cf.isDone());
        f.setResult(7);
        assertEquals(7, cf.join());

        IOException raised = new IOException();
        Future<Integer> g = pending();
        CompletableFuture<Integer> cg = g.toCompletableFuture();
        g.setException(raised);
        assertSame(raised, assertThrows(CompletionException.class, cg::join).getCause());

        Future<Integer> h = pending();
        CompletableFuture<Integer> ch = h.toCompletableFuture();
        h.cancel();
        assertTrue(ch.isCancelled());

        Future<Integer> k = pending();
        k.toCompletableFuture().complete(3); // one-way
        assertEquals(FutureState.PENDING, k.futureState());
    }

    /** setRunningOrNotifyCancel in a wrong state: IllegalStateException, logged. */
    @Test
    void setRunningOrNotifyCancelInWrongState() {
        try (LogCapture log = new LogCapture()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> running().setRunningOrNotifyCancel());
            assertEquals("Future in unexpected state", e.getMessage());
            assertTrue(log.text().contains("in unexpected state: RUNNING"), log.text());
        }
        assertThrows(InvalidStateError.class, () -> cancelled().setResult(1));
        assertTrue(assertThrows(InvalidStateError.class, () -> cancelled().setResult(1))
                .getMessage().startsWith("CANCELLED: <Future"));
    }

    /** Many threads blocked on one future are all woken by one completion. */
    @Test
    void completionWakesEveryWaiter() {
        Future<Integer> f = pending();
        List<Thread> waiters = new ArrayList<>();
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            waiters.add(kind().start(() -> seen.add(f.result())));
        }
        Threads.waitBlocked(waiters);
        f.setResult(9);
        Threads.joinAll(waiters);
        assertEquals(List.of(9, 9, 9, 9, 9, 9, 9, 9), seen);
    }
}
