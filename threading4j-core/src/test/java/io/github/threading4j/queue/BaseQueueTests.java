package io.github.threading4j.queue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.threading4j.queue.BlockingTests.doBlockingTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code test_queue.BaseQueueTestMixin} (3.14), run against {@link Queue}, {@link LifoQueue}
 * and {@link PriorityQueue}, each on platform and on virtual threads. CPython's {@code None} sentinel and
 * {@code threading.Barrier}/{@code Event} become a sentinel value and the JDK's {@link CyclicBarrier} and
 * {@link CountDownLatch}; blocked threads are detected by their state, never by a sleep.
 */
abstract class BaseQueueTests {
    static final int QUEUE_SIZE = 5;

    /** CPython's {@code type2test(maxsize)}. */
    abstract <T> Queue<T> type2test(int maxsize);

    /** The kind of the threads the test starts. */
    abstract ThreadKind kind();

    /** The order 111, 333, 222 come out in (CPython's {@code target_order}). */
    abstract List<Integer> targetOrder();

    <T> Queue<T> type2test() {
        return type2test(0);
    }

    static boolean qfull(Queue<?> q) {
        return q.maxsize() > 0 && q.qsize() == q.maxsize();
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    // ------------------------------------------------------------------ basic

    private void basicQueueTest(Queue<Integer> q) {
        assertEquals(0, q.qsize(), "call this with an empty queue");
        assertTrue(q.empty());
        assertFalse(q.full());
        q.put(111, true);
        q.put(333, true);
        q.put(222, true);
        List<Integer> actualOrder = List.of(q.get(), q.get(), q.get());
        assertEquals(targetOrder(), actualOrder, "didn't seem to queue the correct data");
        for (int i = 0; i < QUEUE_SIZE - 1; i++) {
            q.put(i, true);
            assertTrue(q.qsize() > 0, "queue should not be empty");
        }
        assertFalse(qfull(q), "queue should not be full");
        int last = 2 * QUEUE_SIZE;
        int full = 3 * 2 * QUEUE_SIZE;
        q.put(last, true);
        assertTrue(qfull(q), "queue should be full");
        assertFalse(q.empty());
        assertTrue(q.full());
        assertThrows(Full.class, () -> q.put(full, false), "didn't appear to block with a full queue");
        assertThrows(Full.class, () -> q.put(full, seconds(0.01)), "didn't appear to time out with a full queue");
        // Test a blocking put
        doBlockingTest(kind(), () -> { q.put(full, true); return null; }, q::get);
        doBlockingTest(kind(), () -> { q.put(full, true, Duration.ofSeconds(10)); return null; }, q::get);
        // Empty it
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.get();
        }
        assertEquals(0, q.qsize(), "queue should be empty");
        assertThrows(Empty.class, () -> q.get(false), "didn't appear to block with an empty queue");
        assertThrows(Empty.class, () -> q.get(seconds(0.01)), "didn't appear to time out with an empty queue");
        // Test a blocking get
        assertEquals(Integer.valueOf(-1), BlockingTests.<Integer>doBlockingTest(kind(), q::get, () -> q.put(-1, true)));
        assertEquals(Integer.valueOf(-2), BlockingTests.<Integer>doBlockingTest(kind(), () -> q.get(true, Duration.ofSeconds(10)), () -> q.put(-2, true)));
    }

    private final AtomicLong cum = new AtomicLong();

    private void worker(Queue<Integer> q) {
        while (true) {
            int x = q.get();
            if (x < 0) {
                q.taskDone();
                return;
            }
            cum.addAndGet(x);
            q.taskDone();
        }
    }

    private void queueJoinTest(Queue<Integer> q) {
        cum.set(0);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            threads.add(kind().start(() -> worker(q)));
        }
        for (int i = 0; i < 100; i++) {
            q.put(i, true);
        }
        q.join();
        assertEquals(4950, cum.get(), "q.join() did not block until all tasks were done");
        for (int i = 0; i < 2; i++) {
            q.put(-1, true);  // instruct the threads to close
        }
        q.join();  // verify that you can join twice
        Threads.joinAll(threads);
    }

    /** taskDone() with nothing outstanding is an error (ValueError → IllegalArgumentException). */
    @Test
    void testQueueTaskDone() {
        Queue<Integer> q = type2test();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, q::taskDone,
                "did not detect task count going negative");
        assertEquals("taskDone() called too many times", e.getMessage());
        assertEquals(0, q.unfinishedTasks());
    }

    /** join() returns only after every put item was marked done, twice on the same queue. */
    @Test
    void testQueueJoin() {
        Queue<Integer> q = type2test();
        queueJoinTest(q);
        queueJoinTest(q);
        assertThrows(IllegalArgumentException.class, q::taskDone, "did not detect task count going negative");
    }

    /** The basic put/get contract, twice on the same instance. */
    @Test
    void testBasic() {
        Queue<Integer> q = type2test(QUEUE_SIZE);
        basicQueueTest(q);
        basicQueueTest(q);
    }

    /** A negative timeout of a blocking put or get is an IllegalArgumentException. */
    @Test
    void testNegativeTimeoutRaisesException() {
        Queue<Integer> q = type2test(QUEUE_SIZE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> q.put(1, Duration.ofSeconds(-1)));
        assertEquals("'timeout' must be a non-negative number", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> q.get(true, Duration.ofSeconds(-1)));
    }

    /** putNowait on a full queue throws Full; getNowait on an empty one throws Empty. */
    @Test
    void testNowait() {
        Queue<Integer> q = type2test(QUEUE_SIZE);
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.putNowait(1);
        }
        assertThrows(Full.class, () -> q.putNowait(1));
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.getNowait();
        }
        assertThrows(Empty.class, q::getNowait);
    }

    /** Issue 10110: a maxsize lowered below qsize still reports Full. */
    @Test
    void testShrinkingQueue() {
        Queue<Integer> q = type2test(3);
        q.put(1, true);
        q.put(2, true);
        q.put(3, true);
        assertThrows(Full.class, () -> q.putNowait(4));
        assertEquals(3, q.qsize());
        q.setMaxsize(2);  // shrink the queue
        assertThrows(Full.class, () -> q.putNowait(4));
    }

    // ------------------------------------------------------------------ shutdown (3.13)

    /** After shutdown an empty queue refuses put and get with ShutDown. */
    @Test
    void testShutdownEmpty() {
        Queue<String> q = type2test();
        q.shutdown();
        assertThrows(ShutDown.class, () -> q.put("data", true));
        assertThrows(ShutDown.class, q::get);
    }

    /** After shutdown the stored items are still handed out, then get throws ShutDown. */
    @Test
    void testShutdownNonempty() {
        Queue<String> q = type2test();
        q.put("data", true);
        q.shutdown();
        assertEquals("data", q.get());
        assertThrows(ShutDown.class, q::get);
    }

    /** An immediate shutdown discards the items: get throws ShutDown at once. */
    @Test
    void testShutdownImmediate() {
        Queue<String> q = type2test();
        q.put("data", true);
        q.shutdown(true);
        assertThrows(ShutDown.class, q::get);
    }

    /** alive → shutdown → immediate shutdown → shutdown again: all allowed. */
    @Test
    void testShutdownAllowedTransitions() {
        Queue<String> q = type2test();
        assertFalse(q.isShutdown());
        q.shutdown();
        assertTrue(q.isShutdown());
        q.shutdown(true);
        assertTrue(q.isShutdown());
        q.shutdown(false);
        assertTrue(q.isShutdown());
    }

    private void shutdownAllMethodsInOneThread(boolean immediate) {
        Queue<String> q = type2test(2);
        q.put("L", true);
        q.putNowait("O");
        q.shutdown(immediate);
        assertThrows(ShutDown.class, () -> q.put("E", true));
        assertThrows(ShutDown.class, () -> q.putNowait("W"));
        if (immediate) {
            assertThrows(ShutDown.class, q::get);
            assertThrows(ShutDown.class, q::getNowait);
            assertThrows(IllegalArgumentException.class, q::taskDone);
            q.join();
        } else {
            assertTrue(List.of("L", "O").contains(q.get()));
            q.taskDone();
            assertTrue(List.of("L", "O").contains(q.get()));
            q.taskDone();
            q.join();
            // when the queue is empty after shutdown(false), every get throws ShutDown
            assertThrows(ShutDown.class, q::get);
            assertThrows(ShutDown.class, q::getNowait);
            assertThrows(ShutDown.class, () -> q.get(true, Duration.ofSeconds(1)));
        }
    }

    /** Every method in one thread after shutdown(). */
    @Test
    void testShutdownAllMethodsInOneThread() {
        shutdownAllMethodsInOneThread(false);
    }

    /** Every method in one thread after shutdown(true). */
    @Test
    void testShutdownImmediateAllMethodsInOneThread() {
        shutdownAllMethodsInOneThread(true);
    }

    private void writeMsgThread(Queue<String> q, int n, List<Boolean> results, int iWhenExecShutdown,
                                CountDownLatch eventShutdown, AtomicBoolean shutdownClaimed, CyclicBarrier barrierStart)
            throws Exception {
        // every writer puts several items, then waits for the barrier
        for (int i = 0; i < iWhenExecShutdown / 2; i++) {
            q.put(i + "LOYD", true);
        }
        barrierStart.await();
        for (int i = iWhenExecShutdown / 2; i < n; i++) {
            try {
                q.put(i + "YDLO", true);
            } catch (ShutDown e) {
                results.add(false);
                break;
            }
            // trigger the shutdown: only one writer does
            if (i == iWhenExecShutdown && shutdownClaimed.compareAndSet(false, true)) {
                eventShutdown.countDown();
                results.add(true);
            }
        }
    }

    private void readMsgThread(Queue<String> q, List<Boolean> results, CyclicBarrier barrierStart) throws Exception {
        // get at least one item, then wait for the barrier
        q.get(true);
        q.taskDone();
        barrierStart.await();
        while (true) {
            try {
                q.get(false);
                q.taskDone();
            } catch (ShutDown e) {
                results.add(true);
                break;
            } catch (Empty e) {
                // adapted: CPython's loop spins; a virtual thread must let the others run on its carrier
                Thread.yield();
            }
        }
    }

    private void shutdownAllMethodsInManyThreads(boolean immediate) throws Exception {
        Queue<String> q = type2test();
        List<Boolean> resPuts = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> resGets = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> resShutdown = Collections.synchronizedList(new ArrayList<>());
        int writeThreads = 4;
        int readThreads = 6;
        int joinThreads = 2;
        int nbMsgs = 1024 * 64;
        int nbMsgsW = nbMsgs / writeThreads;
        int whenExecShutdown = nbMsgsW / 2;
        // the barrier makes every writer put its first items and every reader get one before going on;
        // the join threads take part only when the shutdown is immediate
        int nparties = writeThreads + readThreads + (immediate ? joinThreads : 0);
        CyclicBarrier barrierStart = new CyclicBarrier(nparties);
        CountDownLatch evExecShutdown = new CountDownLatch(1);
        AtomicBoolean shutdownClaimed = new AtomicBoolean();
        List<Thread> ps = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < writeThreads; i++) {
            ps.add(start(failures, () -> writeMsgThread(q, nbMsgsW, resPuts, whenExecShutdown, evExecShutdown,
                    shutdownClaimed, barrierStart)));
        }
        for (int i = 0; i < readThreads; i++) {
            ps.add(start(failures, () -> readMsgThread(q, resGets, barrierStart)));
        }
        ps.add(start(failures, () -> {
            evExecShutdown.await();
            q.shutdown(immediate);
            resShutdown.add(q.qsize() == 0);
        }));
        if (immediate) {
            for (int i = 0; i < joinThreads; i++) {
                ps.add(start(failures, () -> {
                    barrierStart.await();
                    q.join();
                }));
            }
        }
        Threads.joinAll(ps);
        assertEquals(List.of(), failures);
        assertTrue(resPuts.contains(true));
        assertEquals(readThreads, Collections.frequency(resGets, true));
        if (immediate) {
            assertEquals(List.of(true), resShutdown);
            assertTrue(q.empty());
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private Thread start(List<Throwable> failures, Body body) {
        return kind().start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
    }

    /** 4 writers, 6 readers and a shutdown in the middle: every reader ends with ShutDown. */
    @Test
    void testShutdownAllMethodsInManyThreads() throws Exception {
        shutdownAllMethodsInManyThreads(false);
    }

    /** The same with an immediate shutdown and two join() callers, which return. */
    @Test
    void testShutdownImmediateAllMethodsInManyThreads() throws Exception {
        shutdownAllMethodsInManyThreads(true);
    }

    /** CPython's {@code _get}: true when get's outcome (item or ShutDown) is the expected one. */
    private static void get(Queue<String> q, CountDownLatch go, List<Boolean> results, boolean shutdown)
            throws InterruptedException {
        go.await();
        try {
            q.get();
            results.add(!shutdown);
        } catch (ShutDown e) {
            results.add(shutdown);
        }
    }

    private static void getTaskDone(Queue<String> q, CountDownLatch go, List<Boolean> results)
            throws InterruptedException {
        go.await();
        try {
            q.get();
            q.taskDone();
            results.add(true);
        } catch (ShutDown e) {
            results.add(false);
        }
    }

    private static void put(Queue<String> q, String msg, CountDownLatch go, List<Boolean> results, boolean shutdown)
            throws InterruptedException {
        go.await();
        try {
            q.put(msg, true);
            results.add(!shutdown);
        } catch (ShutDown e) {
            results.add(shutdown);
        }
    }

    private static void join(Queue<String> q, List<Boolean> results) {
        try {
            q.join();
            results.add(true);
        } catch (ShutDown e) {
            results.add(false);
        }
    }

    private void shutdownGet(boolean immediate) {
        Queue<String> q = type2test(2);
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        q.put("Y", true);
        q.put("D", true);
        // queue full
        int n = immediate ? 2 : 3;  // after shutdown(false) one of three getters finds it empty
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(start(failures, () -> get(q, go, results, immediate)));
        }
        q.shutdown(immediate);
        go.countDown();
        Threads.joinAll(threads);
        assertEquals(List.of(), failures);
        if (immediate) {
            assertEquals(List.of(true, true), results);
        } else {
            List<Boolean> sorted = new ArrayList<>(results);
            Collections.sort(sorted);
            assertEquals(List.of(false, true, true), sorted);
        }
    }

    /** After shutdown(), two of three getters take the two items and the third gets ShutDown. */
    @Test
    void testShutdownGet() {
        shutdownGet(false);
    }

    /** After shutdown(true), every getter gets ShutDown. */
    @Test
    void testShutdownImmediateGet() {
        shutdownGet(true);
    }

    private void shutdownPut(boolean immediate) {
        Queue<String> q = type2test(2);
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        q.put("Y", true);
        q.put("D", true);
        // queue full
        List<Thread> threads = List.of(
                start(failures, () -> put(q, "E", go, results, true)),
                start(failures, () -> put(q, "W", go, results, true)));
        q.shutdown();  // as CPython's body: not immediate in either variant
        go.countDown();
        Threads.joinAll(threads);
        assertEquals(List.of(), failures);
        assertEquals(List.of(true, true), results);
    }

    /** Puts after shutdown() throw ShutDown. */
    @Test
    void testShutdownPut() {
        shutdownPut(false);
    }

    /** The immediate variant; CPython's body calls shutdown() here too. */
    @Test
    void testShutdownImmediatePut() {
        shutdownPut(true);
    }

    private void shutdownJoin(boolean immediate) {
        Queue<String> q = type2test();
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        q.put("Y", true);
        CountDownLatch go = new CountDownLatch(1);
        int nb = q.qsize();
        List<Thread> threads = new ArrayList<>();
        threads.add(start(failures, () -> join(q, results)));
        threads.add(start(failures, () -> join(q, results)));
        Threads.waitBlocked(threads);
        if (!immediate) {
            List<Boolean> res = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < nb; i++) {
                threads.add(start(failures, () -> getTaskDone(q, go, res)));
            }
        }
        q.shutdown(immediate);
        go.countDown();
        Threads.joinAll(threads);
        assertEquals(List.of(), failures);
        assertEquals(List.of(true, true), results);
    }

    /** Blocked join() callers return after an immediate shutdown discards the items. */
    @Test
    void testShutdownImmediateJoin() {
        shutdownJoin(true);
    }

    /** After shutdown() join() still returns once the items are got and marked done. */
    @Test
    void testShutdownJoin() {
        shutdownJoin(false);
    }

    private void shutdownPutJoin(boolean immediate) {
        Queue<String> q = type2test(2);
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        q.put("Y", true);
        // queue not full
        List<Thread> threads = List.of(
                start(failures, () -> put(q, "E", go, results, true)),
                start(failures, () -> join(q, results)));
        assertEquals(1, q.unfinishedTasks());
        q.shutdown(immediate);
        go.countDown();
        if (immediate) {
            assertThrows(ShutDown.class, q::getNowait);
        } else {
            assertEquals("Y", q.get());
            q.taskDone();
        }
        Threads.joinAll(threads);
        assertEquals(List.of(), failures);
        assertEquals(List.of(true, true), results);
    }

    /** A put after shutdown(true) fails and a join returns. */
    @Test
    void testShutdownImmediatePutJoin() {
        shutdownPutJoin(true);
    }

    /** A put after shutdown() fails and a join returns once the stored item is done. */
    @Test
    void testShutdownPutJoin() {
        shutdownPutJoin(false);
    }

    /** Getters that race with shutdown() still take both items and mark them done; joins return. */
    @Test
    void testShutdownGetTaskDoneJoin() {
        Queue<String> q = type2test(2);
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        q.put("Y", true);
        q.put("D", true);
        assertEquals(q.qsize(), q.unfinishedTasks());
        List<Thread> threads = List.of(
                start(failures, () -> getTaskDone(q, go, results)),
                start(failures, () -> getTaskDone(q, go, results)),
                start(failures, () -> join(q, results)),
                start(failures, () -> join(q, results)));
        go.countDown();
        q.shutdown(false);
        Threads.joinAll(threads);
        assertEquals(List.of(), failures);
        assertEquals(List.of(true, true, true, true), results);
    }

    /** A getter blocked on an empty queue wakes on shutdown() and throws ShutDown. */
    @Test
    void testShutdownPendingGet() {
        Queue<String> q = type2test();
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(kind(), 1, () -> {
            try {
                results.add(q.get());
            } catch (Exception e) {
                results.add(e);
            }
        })) {
            BlockingTests.waitParked(bunch.threads().get(0));  // stronger than CPython: it is really waiting
            q.shutdown(false);
        }
        assertEquals(1, results.size());
        assertInstanceOf(ShutDown.class, results.get(0));
    }
}
