package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.threading4j.support.Threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;

/** Port of CPython's test_thread_pool.py (ThreadPoolExecutorTest), which also runs ExecutorTest. */
class ThreadPoolExecutorTests extends ExecutorTests {

    @Override
    Executor newExecutor(int workers) {
        return new ThreadPoolExecutor(workers);
    }

    @Override
    String badSizeMessage() {
        return "maxWorkers must be greater than 0";
    }

    @Test
    void testMapSubmitsWithoutIteration() {
        List<Integer> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        executor.map(finished::add, range(10));
        executor.shutdown(true);
        assertEquals(range(10), finished.stream().sorted().toList());
    }

    @Test
    void testDefaultWorkers() {
        ThreadPoolExecutor e = new ThreadPoolExecutor();
        assertEquals(Math.min(32, Runtime.getRuntime().availableProcessors() + 4), e.maxWorkers());
        e.shutdown(true);
    }

    @Test
    void testSaturation() throws InterruptedException {
        ThreadPoolExecutor e = new ThreadPoolExecutor(4);
        Semaphore sem = new Semaphore(0);
        for (int i = 0; i < 15 * e.maxWorkers(); i++) {
            e.submit(() -> {
                sem.acquire();
                return null;
            });
        }
        assertEquals(e.maxWorkers(), e.workerThreads().size());
        sem.release(15 * e.maxWorkers());
        e.shutdown(true);
    }

    @Test
    void testIdleThreadReuse() {
        ThreadPoolExecutor e = new ThreadPoolExecutor();
        e.submit(() -> 21 * 2).result();
        e.submit(() -> 6 * 7).result();
        e.submit(() -> 3 * 14).result();
        assertEquals(1, e.workerThreads().size());
        e.shutdown(true);
    }

    @Test
    void testExecutorMapCurrentFutureCancel() {
        java.util.concurrent.CountDownLatch stopEvent = new java.util.concurrent.CountDownLatch(1);
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.function.Function<String, Object> logNWait = ident -> {
            log.add("ident='" + ident + "' started");
            try {
                Threads.await(stopEvent, "stop event");
            } finally {
                log.add("ident='" + ident + "' stopped");
            }
            return null;
        };
        try (ThreadPoolExecutor pool = new ThreadPoolExecutor(1)) {
            Future<Object> fut = pool.submit(() -> logNWait.apply("first")); // saturate the pool
            try {
                try (Results<Object> gen = pool.map(logNWait, List.of("second", "third"), Duration.ZERO)) {
                    assertThrows(TimeoutError.class, () -> gen.iterator().next());
                }
            } finally {
                stopEvent.countDown();
            }
            fut.result();
        }
        // "second" was cancelled by the TimeoutError, "third" because it remained in the results
        assertEquals(List.of("ident='first' started", "ident='first' stopped"), log);
    }

    // ---- beyond CPython ------------------------------------------------------------------------------------

    /** With 5 workers, 3 blocking tasks start 3 threads; names follow prefix_n; idle workers are reused. */
    @Test
    void threadsStartLazilyAndAreNamed() throws InterruptedException {
        ThreadPoolExecutor e = ThreadPoolExecutor.builder().maxWorkers(5).threadNamePrefix("Lazy").build();
        assertEquals(0, e.workerThreads().size());
        Semaphore sem = new Semaphore(0);
        List<Future<Object>> fs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fs.add(e.submit(() -> {
                sem.acquire();
                return null;
            }));
        }
        assertEquals(3, e.workerThreads().size());
        sem.release(3);
        fs.forEach(Future::result);
        for (int i = 0; i < 3; i++) {
            e.submit(() -> 1).result(); // three idle workers: no new thread
        }
        assertEquals(List.of("Lazy_0", "Lazy_1", "Lazy_2"), e.workerThreads().stream().map(Thread::getName).toList());
        e.workerThreads().forEach(t -> assertEquals(true, t.isDaemon()));
        e.shutdown(true);
    }

    /** A bounded pool of virtual threads through the builder's threadFactory. */
    @Test
    void virtualWorkersThroughThreadFactory() {
        ThreadPoolExecutor e = ThreadPoolExecutor.builder().maxWorkers(2).threadNamePrefix("V")
                .threadFactory(Thread.ofVirtual().factory()).build();
        assertEquals(true, e.submit(() -> Thread.currentThread().isVirtual()).result());
        assertEquals("V_0", e.submit(() -> Thread.currentThread().getName()).result());
        e.shutdown(true);
    }
}
