package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.threading4j.support.Threads;

import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** Port of CPython's ThreadPoolWaitTests: WaitTests on ThreadPoolExecutor, plus test_pending_calls_race. */
class ThreadPoolWaitTests extends WaitTests {

    @Override
    Executor newExecutor(int workers) {
        return new ThreadPoolExecutor(workers);
    }

    /** No switch interval on the JVM: 100 futures released at once, waited with ALL_COMPLETED. */
    @Test
    void testPendingCallsRace() {
        CountDownLatch event = new CountDownLatch(1);
        Set<Future<?>> fs = Futures.identitySet();
        for (int i = 0; i < 100; i++) {
            fs.add(executor.submit(() -> {
                Threads.await(event, "event");
                return null;
            }));
        }
        event.countDown();
        DoneAndNotDone<Future<?>> r = Futures.wait(fs, ReturnWhen.ALL_COMPLETED);
        assertEquals(100, r.done().size());
        assertEquals(0, r.notDone().size());
    }
}
