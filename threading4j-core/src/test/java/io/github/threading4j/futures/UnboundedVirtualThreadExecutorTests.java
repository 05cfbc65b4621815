package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.ExceptHookArgs;
import io.github.threading4j.Threading;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Disabled;

/**
 * CPython's ExecutorTest against VirtualThreadExecutor() without a bound (the path that keeps no count of its
 * own), plus what that path does differently inside: own-thread detection, shutdownNow, the name.
 */
class UnboundedVirtualThreadExecutorTests extends ExecutorTests {

    @Override
    Executor newExecutor(int workers) {
        // bad sizes still go through the bounded constructor, whose message the inherited test checks
        return workers <= 0 ? new VirtualThreadExecutor(workers) : new VirtualThreadExecutor();
    }

    @Override
    String badSizeMessage() {
        return "maxConcurrency must be greater than 0";
    }

    /** Names are prefix_n, n counting tasks from 0, set before the task runs. */
    @Test
    void namesCountTasks() {
        VirtualThreadExecutor e = VirtualThreadExecutor.builder().threadNamePrefix("io").build();
        List<String> names = List.of(e.submit(() -> Thread.currentThread().getName()).result(),
                e.submit(() -> Thread.currentThread().getName()).result());
        e.shutdown(true);
        assertEquals(List.of("io_0", "io_1"), names);
        assertTrue(e.isTerminated());
    }

    /**
     * The deliberate deviation of the unbounded path: the task is the thread's whole body, so its thread is not
     * in Threading.enumerate() (the bounded executor's threads are: VirtualThreadExecutorTests).
     */
    @Test
    void taskThreadIsNotListed() {
        try (VirtualThreadExecutor e = new VirtualThreadExecutor()) {
            assertFalse(e.submit(() -> Threading.enumerate().contains(Thread.currentThread())).result());
        }
    }

    /** close() from a task of the executor refuses; the same call from another executor's task waits. */
    @Test
    void closeFromOwnTaskRefusesButNotFromAnotherExecutors() {
        VirtualThreadExecutor a = new VirtualThreadExecutor();
        VirtualThreadExecutor b = new VirtualThreadExecutor();
        Future<Object> own = a.submit(() -> {
            a.close();
            return null;
        });
        CompletionException refused = assertThrows(CompletionException.class, own::result);
        assertEquals("cannot join current thread", refused.getCause().getMessage());
        assertTrue(a.isShutdown());
        VirtualThreadExecutor c = new VirtualThreadExecutor();
        Future<Boolean> other = c.submit(() -> {
            b.close();
            return b.isTerminated();
        });
        assertTrue(other.result());
        c.close();
    }

    /** shutdownNow interrupts a running task (D9) and the executor then terminates; nothing was pending. */
    @Test
    void shutdownNowInterruptsRunningTask() throws InterruptedException {
        VirtualThreadExecutor e = new VirtualThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        Future<String> f = e.submit(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
                return "not interrupted";
            } catch (InterruptedException ie) {
                return "interrupted";
            }
        });
        Threads.await(started, "the task to start");
        assertEquals(List.of(), e.shutdownNow());
        assertEquals("interrupted", f.result(Timeouts.LONG));
        assertTrue(e.awaitTermination(Timeouts.LONG.toNanos(), TimeUnit.NANOSECONDS));
        assertTrue(e.isTerminated());
    }

    /** Termination waits for the running task; isTerminated turns true only after it ended. */
    @Test
    void terminatesWhenLastTaskEnds() throws InterruptedException {
        VirtualThreadExecutor e = new VirtualThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> f = e.submit(() -> {
            Threads.await(release, "release");
            return 7;
        });
        e.shutdown(false);
        assertTrue(e.isShutdown());
        assertFalse(e.awaitTermination(0, TimeUnit.NANOSECONDS));
        assertFalse(e.isTerminated());
        assertTrue(e.toString().endsWith("maxConcurrency=none shutdown>"), e.toString());
        release.countDown();
        assertEquals(7, f.result());
        assertTrue(e.awaitTermination(Timeouts.LONG.toNanos(), TimeUnit.NANOSECONDS));
        assertTrue(e.toString().endsWith("terminated>"), e.toString());
    }

    /** An Error escaping a task's thread (from a done-callback) reaches Threading's excepthook with that thread. */
    @Test
    void escapingErrorGoesToExcepthook() {
        AtomicReference<ExceptHookArgs> seen = new AtomicReference<>();
        CountDownLatch hooked = new CountDownLatch(1);
        var old = Threading.getExcepthook();
        Threading.setExcepthook(args -> {
            seen.set(args);
            hooked.countDown();
        });
        try (VirtualThreadExecutor e = VirtualThreadExecutor.builder().threadNamePrefix("err").build()) {
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> f = e.submit(() -> {
                Threads.await(release, "release");
                return 1;
            });
            f.addDoneCallback(done -> {
                throw new AssertionError("from a callback");
            });
            release.countDown();
            Threads.await(hooked, "the excepthook");
        } finally {
            Threading.setExcepthook(old);
        }
        assertEquals("from a callback", seen.get().excValue().getMessage());
        assertEquals("err_0", seen.get().thread().getName());
    }

    private static final String NEEDS_A_QUEUE =
            "needs queued tasks: without a bound every task gets its thread at once (the bounded subclass runs it)";

    @Override
    @Disabled(NEEDS_A_QUEUE)
    void closingMapResultsCancelsPendingTasks() {}

    @Override
    @Disabled(NEEDS_A_QUEUE)
    void shutdownNowCancelsQueuedAndInterruptsRunning() throws InterruptedException {}
}
