package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of CPython's test_concurrent_futures/executor.py (ExecutorTest), run against every executor type by
 * its subclasses, with 5 workers (maxConcurrency 5 for virtual threads), plus the JDK-facing methods.
 */
abstract class ExecutorTests {
    static final int WORKER_COUNT = 5;

    Executor executor;

    /** CPython's {@code executor_type(max_workers=n)}. */
    abstract Executor newExecutor(int workers);

    /** The message a non-positive size gets. */
    abstract String badSizeMessage();

    @BeforeEach
    void setUp() {
        executor = newExecutor(WORKER_COUNT);
    }

    @AfterEach
    void tearDown() {
        executor.shutdown(true);
    }

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    static <T> List<T> list(Results<T> results) {
        try (results) {
            List<T> out = new ArrayList<>();
            results.forEach(out::add);
            return out;
        }
    }

    /** An input that never ends (Python's itertools.count()). */
    static Iterable<Integer> count() {
        return () -> Stream.iterate(0, i -> i + 1).iterator();
    }

    @Test
    void testSubmit() {
        Future<Integer> future = executor.submit(() -> (int) Math.pow(2, 8));
        assertEquals(256, future.result());
    }

    @Test
    void testMap() {
        List<Long> expected = range(10).stream().map(i -> (long) Math.pow(i, i)).toList();
        assertEquals(expected, list(executor.map((Integer a, Integer b) -> (long) Math.pow(a, b), range(10), range(10))));
    }

    @Test
    void testMapException() {
        Results<Integer> results = executor.map((Integer a, Integer b) -> a / b, List.of(1, 1, 1, 1), List.of(2, 3, 0, 5));
        Iterator<Integer> i = results.iterator();
        assertEquals(0, i.next());
        assertEquals(0, i.next());
        CompletionException e = assertThrows(CompletionException.class, i::next);
        assertInstanceOf(ArithmeticException.class, e.getCause());
        assertFalse(i.hasNext()); // the iteration is over after an exception
    }

    @Test
    void testMapTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        List<Object> results = new ArrayList<>();
        try {
            assertThrows(TimeoutError.class, () -> {
                for (Object r : executor.map((Integer i) -> {
                    if (i > 0) {
                        Threads.await(release, "the test to end"); // a task still running at the deadline
                    }
                    return null;
                }, List.of(0, 0, 1), Duration.ofSeconds(1))) {
                    results.add(r);
                }
            });
        } finally {
            release.countDown();
        }
        assertEquals(java.util.Arrays.asList(null, null), results);
    }

    @Test
    void testMapBuffersizeValueValidation() {
        for (int bufferSize : new int[] {0, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> executor.map(String::valueOf, range(4), null, bufferSize));
            assertEquals("bufferSize must be > 0", e.getMessage());
        }
    }

    @Test
    void testMapBuffersize() {
        for (int bufferSize : new int[] {1, 2, 4, 8}) {
            assertEquals(List.of("0", "1", "2", "3"), list(executor.map(String::valueOf, range(4), null, bufferSize)));
        }
    }

    @Test
    void testMapBuffersizeOnMultipleIterables() {
        for (int bufferSize : new int[] {1, 2, 4, 8}) {
            assertEquals(List.of(0, 2, 4, 6),
                    list(executor.map((Integer a, Integer b) -> a + b, range(4), range(4), null, bufferSize)));
        }
    }

    @Test
    void testMapBuffersizeOnInfiniteIterable() {
        try (Results<String> res = executor.map(String::valueOf, count(), null, 2)) {
            Iterator<String> it = res.iterator();
            assertEquals("0", it.next());
            assertEquals("1", it.next());
            assertEquals("2", it.next());
        }
    }

    @Test
    void testMapBuffersizeOnMultipleInfiniteIterables() {
        try (Results<Integer> res = executor.map((Integer a, Integer b) -> a + b, count(), count(), null, 2)) {
            Iterator<Integer> it = res.iterator();
            assertEquals(0, it.next());
            assertEquals(2, it.next());
            assertEquals(4, it.next());
        }
    }

    @Test
    void testMapBuffersizeOnEmptyIterable() {
        try (Results<String> res = executor.map(String::valueOf, List.<Integer>of(), null, 2)) {
            assertFalse(res.iterator().hasNext());
        }
    }

    @Test
    void testMapBuffersizeWhenBufferIsFull() {
        Iterator<Integer> ints = range(4).iterator();
        int bufferSize = 2;
        executor.map(String::valueOf, () -> ints, null, bufferSize);
        executor.shutdown(true); // wait for the tasks to complete
        assertEquals(bufferSize, ints.next());
    }

    @Test
    void testShutdownRaceIssue12456() {
        executor.map(String::valueOf, java.util.Collections.nCopies(WORKER_COUNT + 1, 2));
        executor.shutdown();
    }

    @Test
    void testNoStaleReferences() {
        Object myObject = new Object();
        WeakReference<Object> collected = new WeakReference<>(myObject);
        Future<Integer> f = executor.submit(myObject::hashCode);
        myObject = null;
        f.result();
        Threads.awaitCollected(collected, "the task's captured object"); // while its future is still held
        assertTrue(f.done());
    }

    @Test
    void testMaxWorkersNegative() {
        for (int number : new int[] {0, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newExecutor(number));
            assertEquals(badSizeMessage(), e.getMessage());
        }
    }

    @Test
    void testFreeReference() {
        try (Results<Object> results = executor.map(i -> new Object(), range(10))) {
            Iterator<Object> it = results.iterator();
            while (it.hasNext()) {
                WeakReference<Object> wr = new WeakReference<>(it.next());
                Threads.awaitCollected(wr, "a yielded result");
            }
        }
    }

    // ---- beyond CPython's ExecutorTest ----------------------------------------------------------------

    /** Submission publishes: what the submitter wrote is visible to the task; results come in input order. */
    @Test
    void mapYieldsInInputOrderWhateverTheCompletionOrder() {
        List<CountDownLatch> gates = new ArrayList<>();
        for (int i = 0; i < WORKER_COUNT; i++) {
            gates.add(new CountDownLatch(1));
        }
        try (Results<Integer> res = executor.map(i -> {
            Threads.await(gates.get(i), "gate " + i);
            return i * 10;
        }, range(WORKER_COUNT))) {
            for (int i = WORKER_COUNT - 1; i >= 0; i--) {
                gates.get(i).countDown(); // complete in reverse order
            }
            assertEquals(List.of(0, 10, 20, 30, 40), res.stream().toList());
        }
    }

    /** D2: with a buffer size, never more than that many tasks are submitted and not yet yielded. */
    @Test
    void mapBufferSizeIsStrict() {
        try (Results<Integer> res = executor.map(i -> i, range(100), null, 3)) {
            MapResults<Integer> m = (MapResults<Integer>) res;
            assertEquals(3, m.outstanding());
            int sum = 0;
            for (Iterator<Integer> it = res.iterator(); it.hasNext(); ) {
                sum += it.next();
                assertTrue(m.outstanding() <= 3);
            }
            assertEquals(4950, sum);
        }
    }

    /** D3: closing map results cancels what has not started, also before the first next(). */
    @Test
    void closingMapResultsCancelsPendingTasks() {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Object>> blockers = new ArrayList<>();
        for (int i = 0; i < WORKER_COUNT; i++) {
            blockers.add(executor.submit(() -> {
                Threads.await(release, "release");
                return null;
            }));
        }
        List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        Results<Integer> res = executor.map(i -> {
            ran.add(i);
            return i;
        }, range(10));
        res.close();
        release.countDown();
        blockers.forEach(Future::result);
        executor.shutdown(true);
        assertEquals(List.of(), ran);
        assertFalse(res.iterator().hasNext());
        assertThrows(IllegalStateException.class, res::iterator); // one iteration only
    }

    @Test
    void submitAfterShutdownIsRejected() {
        executor.shutdown();
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> executor.submit(() -> 1));
        assertEquals("cannot schedule new futures after shutdown", e.getMessage());
        assertThrows(RejectedExecutionException.class, () -> executor.map(String::valueOf, range(3)));
        assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> {}));
    }

    /** execute(): a failure goes to Threading's excepthook with the thread that ran the task. */
    @Test
    void executeReportsFailuresToExcepthook() {
        List<Throwable> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch reported = new CountDownLatch(1);
        io.github.threading4j.Threading.setExcepthook(args -> {
            seen.add(args.excValue());
            threads.add(args.thread());
            reported.countDown();
        });
        try {
            IllegalStateException boom = new IllegalStateException("boom");
            executor.execute(() -> {
                throw boom;
            });
            Threads.await(reported, "the excepthook");
            assertEquals(List.of(boom), seen);
            assertTrue(threads.get(0) != Thread.currentThread());
        } finally {
            io.github.threading4j.Threading.setExcepthook(null);
        }
    }

    @Test
    void invokeAllAndInvokeAny() throws Exception {
        List<Callable<Integer>> tasks = List.of(() -> 1, () -> 2, () -> 3);
        List<java.util.concurrent.Future<Integer>> all = executor.invokeAll(tasks);
        assertEquals(List.of(1, 2, 3), all.stream().map(java.util.concurrent.Future::resultNow).toList());
        int any = executor.invokeAny(List.of(() -> {
            throw new IllegalStateException();
        }, () -> 7));
        assertEquals(7, any);
        ExecutionException e = assertThrows(ExecutionException.class, () -> executor.invokeAny(List.of(() -> {
            throw new IllegalStateException("only");
        })));
        assertEquals("only", e.getCause().getMessage());

        CountDownLatch never = new CountDownLatch(1);
        List<java.util.concurrent.Future<Object>> timed = executor.invokeAll(List.of(() -> 1, () -> {
            never.await();
            return 2;
        }), 1, TimeUnit.SECONDS);
        assertEquals(1, timed.get(0).resultNow());
        assertFalse(timed.get(0).isCancelled());
        // the running task was interrupted (D9) and so ends with InterruptedException
        Future<Object> second = (Future<Object>) timed.get(1);
        assertInstanceOf(InterruptedException.class, second.exception(Timeouts.LONG));
    }

    /** shutdownNow cancels queued tasks (their futures end done) and interrupts running ones. */
    @Test
    void shutdownNowCancelsQueuedAndInterruptsRunning() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(WORKER_COUNT);
        List<Future<String>> running = new ArrayList<>();
        for (int i = 0; i < WORKER_COUNT; i++) {
            running.add(executor.submit(() -> {
                started.countDown();
                new CountDownLatch(1).await(); // until interrupted
                return "not interrupted";
            }));
        }
        Threads.await(started, "the tasks to start");
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(executor.submit(() -> 1));
        }
        List<Runnable> neverStarted = executor.shutdownNow();
        assertEquals(10, neverStarted.size());
        for (Future<Integer> f : queued) {
            assertTrue(f.cancelled());
        }
        for (Future<String> f : running) {
            assertInstanceOf(InterruptedException.class, f.exception(Timeouts.LONG));
        }
        assertTrue(executor.awaitTermination(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        assertTrue(executor.isTerminated());
    }
}
