package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of CPython's test_init.py InitializerMixin on ThreadPoolExecutor (2 workers): every worker runs the
 * initializer before its first task. The state is per thread here, so each task proves its own worker ran it.
 */
class ThreadPoolInitializerTests {
    static final int WORKER_COUNT = 2;
    private static final ThreadLocal<String> INITIALIZER_STATUS = ThreadLocal.withInitial(() -> "uninitialized");

    ThreadPoolExecutor executor;

    @BeforeEach
    void setUp() {
        String initargs = "initialized";
        executor = ThreadPoolExecutor.builder().maxWorkers(WORKER_COUNT)
                .initializer(() -> INITIALIZER_STATUS.set(initargs)).build();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown(true);
    }

    @Test
    void testInitializer() {
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < WORKER_COUNT; i++) {
            futures.add(executor.submit(INITIALIZER_STATUS::get));
        }
        for (Future<String> f : futures) {
            assertEquals("initialized", f.result());
        }
    }
}
