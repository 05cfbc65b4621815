package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ChildJvm;
import io.github.threading4j.support.Threads;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;

/** Port of CPython's ThreadPoolShutdownTest: ExecutorShutdownTest on ThreadPoolExecutor plus its own tests. */
class ThreadPoolShutdownTests extends ExecutorShutdownTests {

    @Override
    Executor newExecutor(int workers) {
        return new ThreadPoolExecutor(workers);
    }

    @Override
    String childType() {
        return "ThreadPoolExecutor";
    }

    ThreadPoolExecutor pool() {
        return (ThreadPoolExecutor) executor;
    }

    @Test
    void testThreadsTerminate() {
        Semaphore sem = new Semaphore(0);
        for (int i = 0; i < 3; i++) {
            executor.submit(() -> {
                sem.acquire();
                return null;
            });
        }
        assertEquals(3, pool().workerThreads().size());
        sem.release(3);
        executor.shutdown();
        pool().workerThreads().forEach(Threads::join);
    }

    @Test
    void testContextManagerShutdown() {
        ThreadPoolExecutor executor;
        try (ThreadPoolExecutor e = new ThreadPoolExecutor(5)) {
            executor = e;
            assertEquals(List.of(5, 4, 3, 2, 1, 0, 1, 2, 3, 4),
                    ExecutorTests.list(e.map(Math::abs, List.of(-5, -4, -3, -2, -1, 0, 1, 2, 3, 4))));
        }
        for (Thread t : executor.workerThreads()) {
            assertFalse(t.isAlive()); // close() waited for them
        }
    }

    @Test
    void testDelShutdown() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(5);
        List<Integer> inputs = List.of(-5, -4, -3, -2, -1, 0, 1, 2, 3, 4);
        Results<Integer> res = executor.map(Math::abs, inputs);
        List<Thread> threads = executor.workerThreads();
        WeakReference<ThreadPoolExecutor> ref = new WeakReference<>(executor);
        executor = null;
        Threads.awaitCollected(ref, "the executor");
        threads.forEach(Threads::join); // D10: the Cleaner shut it down, the workers ended
        assertEquals(inputs.stream().map(Math::abs).toList(), ExecutorTests.list(res));
    }

    @Test
    void testShutdownNoWait() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(5);
        List<Integer> inputs = List.of(-5, -4, -3, -2, -1, 0, 1, 2, 3, 4);
        Results<Integer> res = executor.map(Math::abs, inputs);
        List<Thread> threads = executor.workerThreads();
        executor.shutdown(false);
        threads.forEach(Threads::join);
        assertEquals(inputs.stream().map(Math::abs).toList(), ExecutorTests.list(res));
    }

    @Test
    void testThreadNamesAssigned() {
        List<Thread> threads = namesAfterCollection(
                ThreadPoolExecutor.builder().maxWorkers(5).threadNamePrefix("SpecialPool").build());
        for (Thread t : threads) {
            assertTrue(t.getName().matches("^SpecialPool_[0-4]$"), t.getName());
            Threads.join(t);
        }
    }

    @Test
    void testThreadNamesDefault() {
        List<Thread> threads = namesAfterCollection(new ThreadPoolExecutor(5));
        for (Thread t : threads) {
            assertTrue(t.getName().matches("ThreadPoolExecutor-\\d+_[0-4]$"), t.getName());
            Threads.join(t);
        }
    }

    /** CPython's map, del executor, gc_collect; the work is a method of its own so no local keeps the executor. */
    private static List<Thread> namesAfterCollection(ThreadPoolExecutor executor) {
        WeakReference<ThreadPoolExecutor> ref = new WeakReference<>(executor);
        List<Thread> threads = mapAndList(executor);
        executor = null;
        Threads.awaitCollected(ref, "the executor");
        return threads;
    }

    private static List<Thread> mapAndList(ThreadPoolExecutor executor) {
        executor.map(Math::abs, List.of(-5, -4, -3, -2, -1, 0, 1, 2, 3, 4));
        return executor.workerThreads();
    }

    @Test
    void testCancelFuturesWaitFalse() {
        ChildJvm.Result r = ChildJvm.run(ShutdownChild.class, "cancel_futures_wait_false", "ThreadPoolExecutorDefault");
        assertEquals("", r.stderr(), r.toString());
        assertTrue(List.of("apple", "").contains(r.stdout().strip()), r.toString());
    }
}
