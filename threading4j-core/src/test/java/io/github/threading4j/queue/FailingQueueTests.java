package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.threading4j.queue.BlockingTests.doBlockingTest;
import static io.github.threading4j.queue.BlockingTests.doExceptionalBlockingTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code test_queue.FailingQueueTest}: a {@link Queue} subclass whose storage hooks
 * ({@code storagePut}/{@code storageGet}, CPython's {@code _put}/{@code _get}) fail on demand; the failure
 * reaches the caller and leaves the queue consistent and usable. Run on platform and virtual threads.
 */
abstract class FailingQueueTests {
    static final int QUEUE_SIZE = 5;

    abstract ThreadKind kind();

    static final class FailingQueueException extends RuntimeException {
        FailingQueueException(String message) {
            super(message);
        }
    }

    /** CPython's {@code FailingQueue}. */
    static final class FailingQueue extends Queue<Object> {
        volatile boolean failNextPut;
        volatile boolean failNextGet;

        FailingQueue(int maxsize) {
            super(maxsize);
        }

        @Override
        protected void storagePut(Object item) {
            if (failNextPut) {
                failNextPut = false;
                throw new FailingQueueException("You Lose");
            }
            super.storagePut(item);
        }

        @Override
        protected Object storageGet() {
            if (failNextGet) {
                failNextGet = false;
                throw new FailingQueueException("You Lose");
            }
            return super.storageGet();
        }
    }

    private static boolean qfull(Queue<?> q) {
        return BaseQueueTests.qfull(q);
    }

    private void failingQueueTest(FailingQueue q) {
        assertEquals(0, q.qsize(), "call this with an empty queue");
        for (int i = 0; i < QUEUE_SIZE - 1; i++) {
            q.put(i, true);
        }
        long unfinished = q.unfinishedTasks();
        // Test a failing non-blocking put.
        q.failNextPut = true;
        assertThrows(FailingQueueException.class, () -> q.put("oops", false));
        q.failNextPut = true;
        assertThrows(FailingQueueException.class, () -> q.put("oops", Duration.ofMillis(100)));
        assertEquals(unfinished, q.unfinishedTasks(), "a failed put must not count a task");
        q.put("last", true);
        assertTrue(qfull(q), "queue should be full");
        // Test a failing blocking put
        q.failNextPut = true;
        assertThrows(FailingQueueException.class,
                () -> doBlockingTest(kind(), () -> { q.put("full", true); return null; }, q::get));
        // Check the Queue isn't damaged: the put failed, but the get succeeded - re-add
        q.put("last", true);
        // Test a failing timeout put
        q.failNextPut = true;
        doExceptionalBlockingTest(kind(), () -> q.put("full", true, Duration.ofSeconds(10)), q::get,
                FailingQueueException.class);
        // Check the Queue isn't damaged: the put failed, but the get succeeded - re-add
        q.put("last", true);
        assertTrue(qfull(q), "queue should be full");
        q.get();
        assertFalse(qfull(q), "queue should not be full");
        q.put("last", true);
        assertTrue(qfull(q), "queue should be full");
        // Test a blocking put
        doBlockingTest(kind(), () -> { q.put("full", true); return null; }, q::get);
        // Empty it
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.get();
        }
        assertEquals(0, q.qsize(), "queue should be empty");
        q.put("first", true);
        q.failNextGet = true;
        assertThrows(FailingQueueException.class, q::get);
        assertTrue(q.qsize() > 0, "queue should not be empty");
        q.failNextGet = true;
        assertThrows(FailingQueueException.class, () -> q.get(Duration.ofMillis(100)));
        assertTrue(q.qsize() > 0, "queue should not be empty");
        q.get();
        assertEquals(0, q.qsize(), "queue should be empty");
        q.failNextGet = true;
        doExceptionalBlockingTest(kind(), q::get, () -> q.put("empty", true), FailingQueueException.class);
        // the put succeeded, but the get failed
        assertTrue(q.qsize() > 0, "queue should not be empty");
        q.get();
        assertEquals(0, q.qsize(), "queue should be empty");
    }

    /** A failing storage hook leaves the queue working, twice on the same instance. */
    @Test
    void testFailingQueue() {
        FailingQueue q = new FailingQueue(QUEUE_SIZE);
        failingQueueTest(q);
        failingQueueTest(q);
    }
}
