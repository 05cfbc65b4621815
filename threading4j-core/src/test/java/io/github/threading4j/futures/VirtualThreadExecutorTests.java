package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.Threading;
import io.github.threading4j.support.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** CPython's ExecutorTest run against VirtualThreadExecutor(maxConcurrency = 5), plus E1's own checks. */
class VirtualThreadExecutorTests extends ExecutorTests {

    @Override
    Executor newExecutor(int workers) {
        return new VirtualThreadExecutor(workers);
    }

    @Override
    String badSizeMessage() {
        return "maxConcurrency must be greater than 0";
    }

    /** Each task runs in a new virtual thread named prefix_n. */
    @Test
    void oneNamedVirtualThreadPerTask() {
        VirtualThreadExecutor e = VirtualThreadExecutor.builder().threadNamePrefix("io").build();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.add(e.submit(Thread::currentThread).result());
        }
        e.shutdown(true);
        assertEquals(List.of("io_0", "io_1", "io_2"), threads.stream().map(Thread::getName).toList());
        assertTrue(threads.stream().allMatch(Thread::isVirtual));
        assertEquals(3, threads.stream().distinct().count());
    }

    /** A task's thread is listed by Threading.enumerate() while the task runs (mapping §2.9), and not after. */
    @Test
    void taskThreadIsListedWhileRunning() {
        try (VirtualThreadExecutor e = new VirtualThreadExecutor(2)) {
            CountDownLatch release = new CountDownLatch(1);
            Future<Boolean> f = e.submit(() -> {
                boolean listed = Threading.enumerate().contains(Thread.currentThread());
                Threads.await(release, "release");
                return listed;
            });
            Thread runner = e.submit(Thread::currentThread).result();
            release.countDown();
            assertTrue(f.result());
            Threads.waitUntil(() -> !runner.isAlive(), "the second task's thread to end");
            assertFalse(Threading.enumerate().contains(runner));
        }
    }

    /** maxConcurrency bounds the running tasks; the others wait PENDING in FIFO order and can be cancelled. */
    @Test
    void maxConcurrencyBoundsRunningTasks() {
        VirtualThreadExecutor e = new VirtualThreadExecutor(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runningNow = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> startOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            fs.add(e.submit(() -> {
                startOrder.add(n);
                maxRunning.accumulateAndGet(runningNow.incrementAndGet(), Math::max);
                Threads.await(release, "release");
                runningNow.decrementAndGet();
                return n;
            }));
        }
        Threads.waitUntil(() -> fs.get(0).running() && fs.get(1).running(), "two tasks to run");
        assertEquals(FutureState.PENDING, fs.get(2).futureState());
        assertTrue(fs.get(5).cancel());
        release.countDown();
        for (int i = 0; i < 10; i++) {
            if (i != 5) {
                assertEquals(i, fs.get(i).result());
            }
        }
        e.shutdown(true);
        assertEquals(2, maxRunning.get());
        assertEquals(List.of(0, 1, 2, 3, 4, 6, 7, 8, 9), startOrder.stream().sorted().toList());
        assertEquals(FutureState.CANCELLED_AND_NOTIFIED, fs.get(5).futureState());
    }

    /** With maxConcurrency 1, pending tasks start one at a time in submission order. */
    @Test
    void pendingTasksStartInFifoOrder() {
        VirtualThreadExecutor e = new VirtualThreadExecutor(1);
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<Boolean>> fs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            fs.add(e.submit(() -> order.add(n)));
        }
        fs.forEach(Future::result);
        e.shutdown(true);
        assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), order);
    }
}
