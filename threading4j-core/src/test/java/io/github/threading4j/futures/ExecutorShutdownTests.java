package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ChildJvm;
import io.github.threading4j.support.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Port of CPython's test_concurrent_futures/test_shutdown.py (ExecutorShutdownTest), per executor type. */
abstract class ExecutorShutdownTests {
    Executor executor;

    abstract Executor newExecutor(int workers);

    /** The executor's name for {@link ShutdownChild}. */
    abstract String childType();

    @BeforeEach
    void setUp() {
        executor = newExecutor(ExecutorTests.WORKER_COUNT);
    }

    @AfterEach
    void tearDown() {
        executor.shutdown(true);
    }

    /** CPython's time.sleep(t) task: the time passing is what keeps it running. */
    static Object sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return null;
    }

    @Test
    void testRunAfterShutdown() {
        executor.shutdown();
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class,
                () -> executor.submit(() -> Math.pow(2, 5)));
        assertEquals("cannot schedule new futures after shutdown", e.getMessage());
    }

    @Test
    void testInterpreterShutdown() {
        ChildJvm.Result r = ChildJvm.run(ShutdownChild.class, "interpreter_shutdown", childType());
        assertEquals("", r.stderr(), r.toString());
        assertEquals("apple", r.stdout().strip(), r.toString());
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void testSubmitAfterInterpreterShutdown() {
        ChildJvm.Result r = ChildJvm.run(ShutdownChild.class, "submit_after_interpreter_shutdown", childType());
        assertTrue(r.stderr().contains("RejectedExecutionException: cannot schedule new futures after interpreter shutdown"),
                r.toString());
        assertEquals("runtime-error", r.stdout().strip(), r.toString());
    }

    @Test
    void testHangIssue12364() {
        List<Future<Object>> fs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fs.add(executor.submit(() -> sleep(20)));
        }
        executor.shutdown();
        for (Future<Object> f : fs) {
            f.result();
        }
    }

    @Test
    void testCancelFutures() {
        CountDownLatch oneStarted = new CountDownLatch(1);
        List<Future<Object>> fs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fs.add(executor.submit(() -> {
                oneStarted.countDown();
                return sleep(100);
            }));
        }
        Threads.await(oneStarted, "a task to start"); // so that "at least one finished" cannot fail by a race
        executor.shutdown(true, true);
        List<Future<Object>> cancelled = fs.stream().filter(Future::cancelled).toList();
        assertTrue(cancelled.size() > 20, "cancelled " + cancelled.size());
        List<Future<Object>> others = fs.stream().filter(f -> !f.cancelled()).toList();
        for (Future<Object> f : others) {
            assertTrue(f.done(), f.futureState().toString());
            assertNull(f.exception());
        }
        assertTrue(others.size() > 0);
    }

    @Test
    void testHangGh83386() {
        ChildJvm.Result r = ChildJvm.run(ShutdownChild.class, "hang_gh83386", childType());
        assertEquals("", r.stderr(), r.toString());
        assertEquals("apple", r.stdout().strip(), r.toString());
    }

    @Test
    @Timeout(5)
    void testHangGh94440() {
        Executor e = newExecutor(1);
        e.submit(() -> 0).result();
        e.submit(() -> 0).cancel();
        e.shutdown(true);
    }

    // ---- beyond CPython ------------------------------------------------------------------------------------

    /** shutdown(wait=true) called by one of the executor's own tasks: the shutdown happens, then it refuses. */
    @Test
    void shutdownWaitFromOwnTaskRefuses() {
        Future<Object> f = executor.submit(() -> {
            executor.shutdown(true);
            return null;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try {
                f.result();
            } catch (java.util.concurrent.CompletionException c) {
                throw c.getCause();
            }
        });
        assertEquals("cannot join current thread", e.getMessage());
        assertTrue(executor.isShutdown());
    }

    /** D1: futures cancelled by shutdown(cancelFutures) never make wait() hang (gh-92001). */
    @Test
    void waitDoesNotHangOnFuturesCancelledByShutdown() {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Object>> fs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fs.add(executor.submit(() -> {
                Threads.await(release, "release");
                return null;
            }));
        }
        executor.shutdown(false, true);
        release.countDown();
        DoneAndNotDone<Future<Object>> r = Futures.wait(fs);
        assertEquals(20, r.done().size());
    }
}
