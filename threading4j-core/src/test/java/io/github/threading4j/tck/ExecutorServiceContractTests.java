package io.github.threading4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link java.util.concurrent.ExecutorService} contract JDK code relies on, ported from the TCK's
 * {@code AbstractExecutorServiceTest}, {@code ExecutorsTest} and the service-level parts of
 * {@code ThreadPoolExecutorTest} (submit/execute, invokeAll/invokeAny with and without timeouts,
 * shutdown/shutdownNow/awaitTermination/isTerminated, the JDK 19 close()), plus JDK code driving our executors:
 * {@link CompletableFuture} async stages and {@link ExecutorCompletionService}.
 */
abstract class ExecutorServiceContractTests extends ContractTestCase {

    static final long SHORT_MILLIS = 50;
    static final int WORKERS = 2;

    /** A new executor running at most {@code workers} tasks at once. */
    abstract Executor newExecutor(int workers);

    Executor executor;
    /** Opened to let tasks waiting on it finish (the TCK's latch-awaiting tasks). */
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void createExecutor() {
        executor = newExecutor(WORKERS);
    }

    @AfterEach
    void closeExecutor() {
        release.countDown();
        executor.close();
        assertTrue(executor.isTerminated());
    }

    static long longMillis() {
        return Timeouts.LONG.toMillis();
    }

    /** A task that waits for {@link #release} and returns "released"; an interrupt makes it return "interrupted". */
    Callable<String> releasedTask(CountDownLatch started) {
        return () -> {
            started.countDown();
            try {
                return release.await(longMillis(), TimeUnit.MILLISECONDS) ? "released" : "timed out";
            } catch (InterruptedException e) {
                return "interrupted";
            }
        };
    }

    /** Fills every worker with a task waiting for {@link #release}; returns their futures once all have started. */
    List<Future<String>> occupyWorkers() {
        CountDownLatch started = new CountDownLatch(WORKERS);
        List<Future<String>> fs = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            fs.add(executor.submit(releasedTask(started)));
        }
        Threads.await(started, "the workers to be busy");
        return fs;
    }

    // ---- execute and submit -------------------------------------------------------------------------------

    /** execute runs the command; submit returns a future of the callable's result, the runnable's null or given result. */
    @Test
    void executeAndSubmitRunTasks() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        executor.execute(ran::countDown);
        Threads.await(ran, "the executed command");
        assertEquals("c", executor.submit(() -> "c").get());
        AtomicBoolean done = new AtomicBoolean();
        assertNull(executor.submit(() -> done.set(true)).get());
        assertTrue(done.get());
        assertEquals(5, executor.submit(() -> { }, 5).get());
    }

    /** Null tasks are refused with NullPointerException. */
    @Test
    void nullTasksAreRefused() {
        assertThrows(NullPointerException.class, () -> executor.execute(null));
        assertThrows(NullPointerException.class, () -> executor.submit((Runnable) null));
        assertThrows(NullPointerException.class, () -> executor.submit((Callable<String>) null));
        assertThrows(NullPointerException.class, () -> executor.submit(null, "r"));
    }

    /**
     * A command given to execute() that throws does not break the executor (the JDK replaces the worker); ours
     * reports the exception to Threading's excepthook with the worker thread (futures.md §10).
     */
    @Test
    void failingExecuteCommandDoesNotBreakTheExecutor() throws Exception {
        io.github.threading4j.ExceptHook saved = io.github.threading4j.Threading.getExcepthook();
        AtomicReference<Throwable> reported = new AtomicReference<>();
        CountDownLatch hooked = new CountDownLatch(1);
        io.github.threading4j.Threading.setExcepthook(args -> {
            reported.set(args.excValue());
            hooked.countDown();
        });
        try {
            IllegalStateException failure = new IllegalStateException("command");
            executor.execute(() -> {
                throw failure;
            });
            Threads.await(hooked, "the excepthook");
            assertSame(failure, reported.get());
            for (int i = 0; i < 2 * WORKERS; i++) {
                int x = i;
                assertEquals(x, executor.submit(() -> x).get());
            }
        } finally {
            io.github.threading4j.Threading.setExcepthook(saved);
        }
    }

    /** Many threads submitting at once each get their own result. */
    @Test
    void concurrentSubmitters() {
        AtomicInteger sum = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 100;
            threads.add(start(() -> {
                for (int i = 0; i < 100; i++) {
                    int x = base + i;
                    sum.addAndGet(executor.submit(() -> x).get());
                }
            }));
        }
        threads.forEach(this::join);
        assertEquals(399 * 400 / 2, sum.get());
    }

    // ---- invokeAll ----------------------------------------------------------------------------------------

    /** invokeAll: null collection or element → NullPointerException; empty → empty list. */
    @Test
    void invokeAllArgumentContract() throws InterruptedException {
        assertThrows(NullPointerException.class, () -> executor.invokeAll(null));
        assertThrows(NullPointerException.class, () -> executor.invokeAll(null, 1, TimeUnit.SECONDS));
        assertThrows(NullPointerException.class, () -> executor.invokeAll(List.of(() -> 1), 1, null));
        assertEquals(List.of(), executor.invokeAll(List.of()));
        assertEquals(List.of(), executor.invokeAll(List.of(), longMillis(), TimeUnit.MILLISECONDS));
        List<Callable<String>> withNull = Arrays.asList(() -> "a", null);
        assertThrows(NullPointerException.class, () -> executor.invokeAll(withNull));
        assertThrows(NullPointerException.class, () -> executor.invokeAll(withNull, longMillis(), TimeUnit.MILLISECONDS));
    }

    /** invokeAll returns one done future per task, in the tasks' order; a failure is in its future. */
    @Test
    void invokeAllCompletesEveryTask() throws Exception {
        RuntimeException failure = new ArithmeticException("x");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            tasks.add(() -> {
                if (n == 3) {
                    throw failure;
                }
                return n * n;
            });
        }
        for (boolean timed : new boolean[] {false, true}) {
            List<Future<Integer>> fs = timed
                    ? executor.invokeAll(tasks, longMillis(), TimeUnit.MILLISECONDS)
                    : executor.invokeAll(tasks);
            assertEquals(6, fs.size());
            for (int i = 0; i < 6; i++) {
                Future<Integer> f = fs.get(i);
                assertTrue(f.isDone());
                if (i == 3) {
                    assertSame(failure, assertThrows(ExecutionException.class, f::get).getCause());
                } else {
                    assertEquals(i * i, f.get());
                }
            }
        }
    }

    /**
     * Timed invokeAll that runs out of time returns every future; unfinished tasks are cancelled or, already
     * running, interrupted. Deliberate difference (futures.md §10): a running task's future may not be done yet
     * on return (JDK: isDone and isCancelled); it completes with what the interrupted task returns.
     */
    @Test
    void timedInvokeAllCancelsWhatIsUnfinished() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<Callable<String>> tasks = List.of(() -> "quick", releasedTask(started), releasedTask(new CountDownLatch(1)),
                releasedTask(new CountDownLatch(1)));
        List<Future<String>> fs = executor.invokeAll(tasks, SHORT_MILLIS, TimeUnit.MILLISECONDS);
        assertEquals(4, fs.size());
        assertEquals("quick", fs.get(0).get());
        for (Future<String> f : fs.subList(1, 4)) {
            if (f.isCancelled()) {
                assertThrows(java.util.concurrent.CancellationException.class, f::get);
            } else {
                assertEquals("interrupted", f.get(longMillis(), TimeUnit.MILLISECONDS));
            }
        }
        assertTrue(fs.get(3).isCancelled(), "the task queued behind two running ones never started");
    }

    /**
     * Regression: a timed-out invokeAll interrupted a running task before cancelling the queued ones, so a queued
     * task could start on the worker the interrupted one freed and run after invokeAll had returned. Repeated
     * because the old order failed only when the worker won that race.
     */
    @Test
    void timedInvokeAllNeverStartsQueuedTasksAfterReturning() throws Exception {
        for (int round = 0; round < 20; round++) {
            AtomicInteger queuedRan = new AtomicInteger();
            List<Callable<String>> tasks = new ArrayList<>();
            tasks.add(releasedTask(new CountDownLatch(1)));
            for (int i = 0; i < 20; i++) {
                tasks.add(() -> {
                    queuedRan.incrementAndGet();
                    return "ran";
                });
            }
            List<Future<String>> fs;
            try (Executor single = newExecutor(1)) {
                fs = single.invokeAll(tasks, 10, TimeUnit.MILLISECONDS);
            }
            assertEquals(0, queuedRan.get(), "round " + round + ": cancelled tasks ran");
            for (Future<String> f : fs.subList(1, fs.size())) {
                assertTrue(f.isCancelled());
            }
            if (!fs.get(0).isCancelled()) { // it may not have started within 10 ms
                assertEquals("interrupted", fs.get(0).get());
            }
        }
    }

    /** Timed invokeAll with no time at all still returns one future per task, each cancelled, stopped or finished. */
    @Test
    void timedInvokeAllWithZeroTimeout() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(releasedTask(new CountDownLatch(1)));
        }
        List<Future<String>> fs = executor.invokeAll(tasks, 0, TimeUnit.SECONDS);
        assertEquals(4, fs.size());
        for (Future<String> f : fs) {
            if (!f.isCancelled()) {
                assertEquals("interrupted", f.get(longMillis(), TimeUnit.MILLISECONDS));
            }
        }
    }

    /** invokeAll interrupted while waiting → InterruptedException with the status cleared; its tasks are cancelled or interrupted. */
    @Test
    void invokeAllIsInterruptible() {
        for (boolean timed : new boolean[] {false, true}) {
            CountDownLatch started = new CountDownLatch(1);
            List<Callable<String>> tasks = List.of(releasedTask(started));
            Thread t = start(() -> {
                assertThrows(InterruptedException.class, () -> {
                    if (timed) {
                        executor.invokeAll(tasks, longMillis(), TimeUnit.MILLISECONDS);
                    } else {
                        executor.invokeAll(tasks);
                    }
                });
                assertFalse(Thread.interrupted(), "status cleared");
            });
            Threads.await(started, "the task to start");
            waitBlocked(t);
            t.interrupt();
            join(t);
        }
    }

    // ---- invokeAny ----------------------------------------------------------------------------------------

    /** invokeAny: null collection or element → NullPointerException; empty → IllegalArgumentException. */
    @Test
    void invokeAnyArgumentContract() {
        assertThrows(NullPointerException.class, () -> executor.invokeAny(null));
        assertThrows(NullPointerException.class, () -> executor.invokeAny(null, 1, TimeUnit.SECONDS));
        assertThrows(NullPointerException.class, () -> executor.invokeAny(List.of(() -> 1), 1, null));
        assertThrows(IllegalArgumentException.class, () -> executor.invokeAny(List.of()));
        assertThrows(IllegalArgumentException.class, () -> executor.invokeAny(List.of(), 1, TimeUnit.SECONDS));
        CountDownLatch started = new CountDownLatch(1);
        List<Callable<String>> withNull = Arrays.asList(releasedTask(started), null);
        assertThrows(NullPointerException.class, () -> executor.invokeAny(withNull));
        assertThrows(NullPointerException.class, () -> executor.invokeAny(withNull, longMillis(), TimeUnit.MILLISECONDS));
    }

    /** invokeAny returns the result of a task that succeeded, never of one that failed. */
    @Test
    void invokeAnyReturnsASuccess() throws Exception {
        List<Callable<String>> tasks = List.of(() -> {
            throw new IllegalStateException("no");
        }, () -> "yes", () -> {
            throw new IllegalStateException("no");
        });
        assertEquals("yes", executor.invokeAny(tasks));
        assertEquals("yes", executor.invokeAny(tasks, longMillis(), TimeUnit.MILLISECONDS));
        assertNull(executor.invokeAny(List.of(() -> null)), "a null result is a result");
    }

    /** After invokeAny returns, the tasks still running are interrupted (JDK: "tasks that have not completed are cancelled"). */
    @Test
    void invokeAnyStopsTheOtherTasks() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch slowEnded = new CountDownLatch(1);
        AtomicReference<String> slowOutcome = new AtomicReference<>();
        Callable<String> slow = () -> {
            try {
                String r = releasedTask(slowStarted).call();
                slowOutcome.set(r);
                return r;
            } finally {
                slowEnded.countDown();
            }
        };
        Callable<String> quick = () -> {
            Threads.await(slowStarted, "the slow task to start");
            return "quick";
        };
        assertEquals("quick", executor.invokeAny(List.of(slow, quick)));
        Threads.await(slowEnded, "the slow task to be stopped");
        assertEquals("interrupted", slowOutcome.get());
    }

    /** invokeAny when every task fails → ExecutionException whose cause is one task's exception. */
    @Test
    void invokeAnyWhenAllFail() {
        Set<Throwable> failures = Collections.synchronizedSet(new HashSet<>());
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(() -> {
                RuntimeException e = new NullPointerException("task");
                failures.add(e);
                throw e;
            });
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> executor.invokeAny(tasks));
        assertTrue(failures.contains(e.getCause()), "cause is a task's exception: " + e.getCause());
        e = assertThrows(ExecutionException.class, () -> executor.invokeAny(tasks, longMillis(), TimeUnit.MILLISECONDS));
        assertTrue(failures.contains(e.getCause()));
    }

    /** Timed invokeAny with no task done in time → TimeoutException; the waiting tasks are stopped. */
    @Test
    void timedInvokeAnyTimesOut() {
        CountDownLatch started = new CountDownLatch(1);
        long t0 = System.nanoTime();
        assertThrows(TimeoutException.class,
                () -> executor.invokeAny(List.of(releasedTask(started)), SHORT_MILLIS, TimeUnit.MILLISECONDS));
        assertTrue(millisSince(t0) >= SHORT_MILLIS * 6 / 10, "returned before the timeout");
        assertThrows(TimeoutException.class,
                () -> executor.invokeAny(List.of(releasedTask(new CountDownLatch(1))), 0, TimeUnit.SECONDS));
    }

    /** invokeAny interrupted while waiting → InterruptedException with the status cleared. */
    @Test
    void invokeAnyIsInterruptible() {
        for (boolean timed : new boolean[] {false, true}) {
            CountDownLatch started = new CountDownLatch(1);
            List<Callable<String>> tasks = List.of(releasedTask(started));
            Thread t = start(() -> {
                assertThrows(InterruptedException.class, () -> {
                    if (timed) {
                        executor.invokeAny(tasks, longMillis(), TimeUnit.MILLISECONDS);
                    } else {
                        executor.invokeAny(tasks);
                    }
                });
                assertFalse(Thread.interrupted(), "status cleared");
            });
            Threads.await(started, "the task to start");
            waitBlocked(t);
            t.interrupt();
            join(t);
        }
    }

    // ---- shutdown, termination, close ---------------------------------------------------------------------

    /** Before shutdown: not shut down, not terminated; awaitTermination waits its time and returns false. */
    @Test
    void awaitTerminationBeforeShutdown() throws InterruptedException {
        assertFalse(executor.isShutdown());
        assertFalse(executor.isTerminated());
        assertFalse(executor.awaitTermination(0, TimeUnit.SECONDS));
        assertFalse(executor.awaitTermination(-1, TimeUnit.DAYS));
        long t0 = System.nanoTime();
        assertFalse(executor.awaitTermination(SHORT_MILLIS, TimeUnit.MILLISECONDS));
        assertTrue(millisSince(t0) >= SHORT_MILLIS * 6 / 10, "returned before the timeout");
        assertThrows(NullPointerException.class, () -> executor.awaitTermination(1, null));
    }

    /** Huge timeouts saturate: awaitTermination, invokeAll and invokeAny with Long.MAX_VALUE days wait for the tasks. */
    @Test
    void hugeTimeoutsWait() throws Exception {
        List<Callable<String>> one = List.of(releasedTask(new CountDownLatch(1)));
        AtomicReference<Object> all = new AtomicReference<>();
        AtomicReference<Object> any = new AtomicReference<>();
        Thread invokers = start(() -> {
            all.set(executor.invokeAll(one, Long.MAX_VALUE, TimeUnit.DAYS).get(0).get());
            any.set(executor.invokeAny(one, Long.MAX_VALUE, TimeUnit.DAYS));
        });
        AtomicReference<Boolean> terminated = new AtomicReference<>();
        Thread awaiter = start(() -> terminated.set(executor.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS)));
        waitBlocked(invokers);
        waitBlocked(awaiter);
        release.countDown();
        join(invokers);
        assertEquals("released", all.get());
        assertEquals("released", any.get());
        assertTrue(awaiter.isAlive(), "not shut down yet");
        executor.shutdown();
        join(awaiter);
        assertEquals(true, terminated.get());
    }

    /** awaitTermination interrupted before or while waiting → InterruptedException, status cleared. */
    @Test
    void awaitTerminationIsInterruptible() {
        join(start(() -> {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> executor.awaitTermination(longMillis(), TimeUnit.MILLISECONDS));
            assertFalse(Thread.interrupted(), "status cleared");
        }));
        Thread t = start(() -> {
            assertThrows(InterruptedException.class, () -> executor.awaitTermination(longMillis(), TimeUnit.MILLISECONDS));
            assertFalse(Thread.interrupted(), "status cleared");
        });
        waitBlocked(t);
        t.interrupt();
        join(t);
    }

    /** An executor that never ran a task, or is idle, terminates on shutdown(); shutdownNow() then returns nothing. */
    @Test
    void idleExecutorTerminatesOnShutdown() throws Exception {
        executor.shutdown();
        assertTrue(executor.awaitTermination(longMillis(), TimeUnit.MILLISECONDS));
        assertTrue(executor.isTerminated());
        assertEquals(List.of(), executor.shutdownNow());
        Executor used = newExecutor(WORKERS);
        assertEquals(1, used.submit(() -> 1).get());
        assertEquals(List.of(), used.shutdownNow());
        assertTrue(used.awaitTermination(longMillis(), TimeUnit.MILLISECONDS));
        assertTrue(used.isShutdown());
    }

    /** shutdown() does not wait, refuses new tasks, lets submitted ones (queued included) finish, then terminates. */
    @Test
    void shutdownFinishesSubmittedWork() throws Exception {
        List<Future<String>> running = occupyWorkers();
        Future<String> queued = executor.submit(() -> "queued");
        executor.shutdown();
        assertTrue(executor.isShutdown());
        assertFalse(executor.isTerminated(), "tasks are still running");
        assertThrows(RejectedExecutionException.class, () -> executor.submit(() -> "late"));
        assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
        assertFalse(executor.awaitTermination(0, TimeUnit.SECONDS));
        release.countDown();
        assertTrue(executor.awaitTermination(longMillis(), TimeUnit.MILLISECONDS));
        assertTrue(executor.isTerminated());
        assertTrue(executor.awaitTermination(0, TimeUnit.SECONDS), "terminated: no wait needed");
        for (Future<String> f : running) {
            assertEquals("released", f.get());
        }
        assertEquals("queued", queued.get());
        executor.shutdown(); // again: no effect
        assertTrue(executor.isTerminated());
    }

    /**
     * shutdownNow() returns the tasks that never started and interrupts the running ones. Deliberate difference
     * (futures.md §9): the never-started tasks' futures are cancelled (JDK: they never complete).
     */
    @Test
    void shutdownNowInterruptsRunningAndReturnsQueued() throws Exception {
        List<Future<String>> running = occupyWorkers();
        AtomicBoolean queuedRan = new AtomicBoolean();
        Future<?> queued1 = executor.submit(() -> queuedRan.set(true));
        Future<?> queued2 = executor.submit(() -> queuedRan.set(true));
        List<Runnable> neverStarted = executor.shutdownNow();
        assertEquals(2, neverStarted.size());
        assertTrue(executor.isShutdown());
        assertTrue(executor.awaitTermination(longMillis(), TimeUnit.MILLISECONDS));
        assertTrue(executor.isTerminated());
        for (Future<String> f : running) {
            assertEquals("interrupted", f.get());
        }
        assertFalse(queuedRan.get());
        assertTrue(queued1.isCancelled());
        assertTrue(queued2.isCancelled());
        assertThrows(RejectedExecutionException.class, () -> executor.submit(() -> "late"));
    }

    /** Submissions racing shutdown() are either refused or run: no accepted task is lost or cancelled. */
    @Test
    void submissionsRacingShutdownAreNeverLost() throws Exception {
        List<List<Future<Integer>>> accepted = new ArrayList<>();
        List<Thread> submitters = new ArrayList<>();
        CountDownLatch halfway = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            List<Future<Integer>> mine = new ArrayList<>();
            accepted.add(mine);
            submitters.add(start(() -> {
                for (int i = 0; i < 500; i++) {
                    if (i == 50) {
                        halfway.countDown();
                    }
                    int x = i;
                    try {
                        mine.add(executor.submit(() -> x));
                    } catch (RejectedExecutionException refused) {
                        assertTrue(executor.isShutdown());
                    }
                }
            }));
        }
        Threads.await(halfway, "the submitters to be under way");
        executor.shutdown();
        submitters.forEach(this::join);
        assertTrue(executor.awaitTermination(longMillis(), TimeUnit.MILLISECONDS));
        int n = 0;
        for (List<Future<Integer>> mine : accepted) {
            for (int i = 0; i < mine.size(); i++) {
                assertEquals(i, mine.get(i).get(0, TimeUnit.SECONDS), "an accepted task ran");
                n++;
            }
        }
        assertTrue(n >= 4 * 50);
    }

    /** close() waits for every submitted task, then the executor is terminated; closing again does nothing. */
    @Test
    void closeWaitsForSubmittedWork() throws Exception {
        List<Future<String>> running = occupyWorkers();
        Future<String> queued = executor.submit(() -> "queued");
        AtomicBoolean closed = new AtomicBoolean();
        Thread closer = start(() -> {
            executor.close();
            closed.set(true);
        });
        waitBlocked(closer);
        assertFalse(closed.get());
        assertTrue(executor.isShutdown());
        release.countDown();
        join(closer);
        assertTrue(closed.get());
        assertTrue(executor.isTerminated());
        for (Future<String> f : running) {
            assertEquals("released", f.get());
        }
        assertEquals("queued", queued.get());
        executor.close();
    }

    /**
     * ExecutorService.close(): if interrupted while waiting, it cancels (shutdownNow) and keeps waiting until
     * terminated, then returns with the interrupt status set.
     */
    @Test
    void interruptedCloseStopsTasksAndKeepsStatus() throws Exception {
        List<Future<String>> running = occupyWorkers();
        AtomicReference<Boolean> statusAfter = new AtomicReference<>();
        Thread closer = start(() -> {
            executor.close();
            statusAfter.set(Thread.currentThread().isInterrupted());
        });
        waitBlocked(closer);
        closer.interrupt();
        join(closer);
        assertEquals(true, statusAfter.get());
        assertTrue(executor.isTerminated());
        for (Future<String> f : running) {
            assertEquals("interrupted", f.get());
        }
    }

    /** close() called with the interrupt status already set behaves as an interrupted close. */
    @Test
    void closeWithInterruptStatusSet() throws Exception {
        List<Future<String>> running = occupyWorkers();
        AtomicReference<Boolean> statusAfter = new AtomicReference<>();
        join(start(() -> {
            Thread.currentThread().interrupt();
            executor.close();
            statusAfter.set(Thread.interrupted());
        }));
        assertEquals(true, statusAfter.get());
        assertTrue(executor.isTerminated());
        for (Future<String> f : running) {
            assertEquals("interrupted", f.get());
        }
    }

    // ---- JDK code driving our executors -------------------------------------------------------------------

    /** CompletableFuture async stages run on our executor and compose; a failure reaches join() as CompletionException. */
    @Test
    void completableFutureStagesRunOnOurExecutor() throws Exception {
        Set<Thread> threads = Collections.synchronizedSet(new HashSet<>());
        CompletableFuture<Integer> cf = CompletableFuture.supplyAsync(() -> {
            threads.add(Thread.currentThread());
            return 20;
        }, executor).thenApplyAsync(x -> {
            threads.add(Thread.currentThread());
            return x + 1;
        }, executor).thenCombineAsync(CompletableFuture.supplyAsync(() -> 2, executor), (a, b) -> a * b, executor);
        assertEquals(42, cf.get(longMillis(), TimeUnit.MILLISECONDS));
        assertFalse(threads.contains(Thread.currentThread()));
        CompletableFuture<Void> ran = CompletableFuture.runAsync(() -> { }, executor);
        assertNull(ran.get(longMillis(), TimeUnit.MILLISECONDS));
        IllegalStateException failure = new IllegalStateException("stage");
        CompletableFuture<Object> failed = CompletableFuture.supplyAsync(() -> {
            throw failure;
        }, executor);
        assertSame(failure, assertThrows(CompletionException.class, failed::join).getCause());
        executor.shutdown();
        // the JDK lets the executor's RejectedExecutionException out of supplyAsync itself
        assertThrows(RejectedExecutionException.class, () -> CompletableFuture.supplyAsync(() -> 1, executor));
    }

    /** ExecutorCompletionService over our executor hands out futures in completion order. */
    @Test
    void executorCompletionServiceOverOurExecutor() throws Exception {
        ExecutorCompletionService<String> ecs = new ExecutorCompletionService<>(executor);
        CountDownLatch started = new CountDownLatch(1);
        Future<String> slow = ecs.submit(releasedTask(started));
        Threads.await(started, "the slow task to start");
        Future<String> fast = ecs.submit(() -> "fast");
        Future<String> first = ecs.take();
        assertSame(fast, first);
        assertEquals("fast", first.get());
        assertNull(ecs.poll());
        assertNull(ecs.poll(0, TimeUnit.SECONDS));
        release.countDown();
        Future<String> second = ecs.poll(longMillis(), TimeUnit.MILLISECONDS);
        assertSame(slow, second);
        assertEquals("released", second.get());
        assertNotEquals(first, second);
    }
}
