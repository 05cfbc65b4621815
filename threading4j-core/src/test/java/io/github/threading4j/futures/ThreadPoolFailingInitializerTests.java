package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Threads;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Port of CPython's test_init.py FailingInitializerMixin on ThreadPoolExecutor (2 workers). */
class ThreadPoolFailingInitializerTests {
    ThreadPoolExecutor executor;

    @BeforeEach
    void setUp() {
        executor = ThreadPoolExecutor.builder().maxWorkers(2).initializer(() -> {
            throw new IllegalArgumentException("error in initializer");
        }).build();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown(true);
    }

    @Test
    void testInitializer() {
        try (LogCapture log = new LogCapture()) {
            Future<String> future = null;
            try {
                future = executor.submit(() -> "never");
            } catch (BrokenExecutor perhapsAlreadyBroken) {
                // the executor may already be broken
            }
            if (future != null) {
                Future<String> f = future;
                CompletionException e = assertThrows(CompletionException.class, f::result);
                assertInstanceOf(BrokenThreadPool.class, e.getCause());
                assertEquals("A thread initializer failed, the thread pool is not usable anymore",
                        e.getCause().getMessage());
            }
            Threads.waitUntil(executor::isBroken, "the executor to break");
            assertThrows(BrokenExecutor.class, () -> executor.submit(() -> "never"));
            assertThrows(BrokenThreadPool.class, () -> executor.submit(() -> "never"));
            assertTrue(log.text().contains("Exception in initializer:"), log.text());
            assertTrue(log.text().contains("IllegalArgumentException: error in initializer"), log.text());
        }
    }

    /** D7: a queued future that was already cancelled stays cancelled when the pool breaks. */
    @Test
    void brokenPoolSkipsCancelledFutures() {
        try (LogCapture log = new LogCapture()) {
            ThreadPoolExecutor one = ThreadPoolExecutor.builder().maxWorkers(1).initializer(() -> {
                throw new IllegalArgumentException("error in initializer");
            }).build();
            Future<Integer> a;
            Future<Integer> b;
            try {
                a = one.submit(() -> 1);
                b = one.submit(() -> 2);
                b.cancel();
            } catch (BrokenExecutor alreadyBroken) {
                one.shutdown(true);
                return; // the single worker failed before the second submit; nothing queued to check
            }
            Threads.waitUntil(one::isBroken, "the executor to break");
            Threads.waitUntil(a::done, "the queued future to fail");
            assertTrue(b.cancelled());
            assertInstanceOf(BrokenThreadPool.class, a.exception());
            one.shutdown(true);
            assertTrue(log.text().contains("Exception in initializer:"));
        }
    }
}
