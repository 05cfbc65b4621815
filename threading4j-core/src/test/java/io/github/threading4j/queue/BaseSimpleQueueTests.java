package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code test_queue.BaseSimpleQueueTest} (3.14) against {@link SimpleQueue}, on platform and
 * virtual threads. CPython's {@code None} sentinel becomes a sentinel object (null items are refused), and its
 * random sub-millisecond sleeps between puts, and after an {@code Empty}, become {@link Thread#yield()}.
 */
abstract class BaseSimpleQueueTests {
    private static final Object SENTINEL = new Object() {
        @Override
        public String toString() {
            return "SENTINEL";
        }
    };

    private SimpleQueue<Object> q;

    abstract ThreadKind kind();

    @BeforeEach
    void setUp() {
        q = new SimpleQueue<>();
    }

    private interface Feeder {
        void feed(SimpleQueue<Object> q, ConcurrentLinkedDeque<Integer> seq, Random rnd);
    }

    private interface Consumer {
        void consume(SimpleQueue<Object> q, List<Integer> results);
    }

    private static void feed(SimpleQueue<Object> q, ConcurrentLinkedDeque<Integer> seq, Random rnd) {
        while (true) {
            Integer val = seq.pollLast();
            if (val == null) {
                q.put(SENTINEL);
                return;
            }
            q.put(val);
            if (rnd.nextDouble() > 0.5) {
                Thread.yield();
            }
        }
    }

    private static void consume(SimpleQueue<Object> q, List<Integer> results) {
        while (true) {
            Object val = q.get();
            if (val == SENTINEL) {
                return;
            }
            results.add((Integer) val);
        }
    }

    private static void consumeNonblock(SimpleQueue<Object> q, List<Integer> results) {
        while (true) {
            Object val;
            while (true) {
                try {
                    val = q.get(false);
                    break;
                } catch (Empty e) {
                    Thread.yield();
                }
            }
            if (val == SENTINEL) {
                return;
            }
            results.add((Integer) val);
        }
    }

    private static void consumeTimeout(SimpleQueue<Object> q, List<Integer> results) {
        while (true) {
            Object val;
            while (true) {
                try {
                    val = q.get(Duration.ofNanos(10_000));
                    break;
                } catch (Empty e) {
                    // try again
                }
            }
            if (val == SENTINEL) {
                return;
            }
            results.add((Integer) val);
        }
    }

    private List<Integer> runThreads(int nThreads, SimpleQueue<Object> q, List<Integer> inputs, Feeder feedFunc,
                                     Consumer consumeFunc) {
        List<Integer> results = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedDeque<Integer> seq = new ConcurrentLinkedDeque<>();
        for (int i = inputs.size() - 1; i >= 0; i--) {
            seq.add(inputs.get(i));  // reversed: pollLast() yields the inputs in order
        }
        Random rnd = new Random(42);
        List<Throwable> exceptions = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < nThreads; i++) {
            threads.add(kind().unstarted(logExceptions(exceptions, () -> feedFunc.feed(q, seq, rnd))));
        }
        for (int i = 0; i < nThreads; i++) {
            threads.add(kind().unstarted(logExceptions(exceptions, () -> consumeFunc.consume(q, results))));
        }
        threads.forEach(Thread::start);
        Threads.joinAll(threads);
        assertEquals(List.of(), exceptions);
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
        return results;
    }

    private static Runnable logExceptions(List<Throwable> exceptions, Runnable f) {
        return () -> {
            try {
                f.run();
            } catch (Throwable e) {
                exceptions.add(e);
            }
        };
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static List<Integer> sorted(List<Integer> results) {
        List<Integer> copy = new ArrayList<>(results);
        Collections.sort(copy);
        return copy;
    }

    /** get(), put() and friends on one thread. */
    @Test
    void testBasic() {
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
        q.put(1);
        assertFalse(q.empty());
        assertEquals(1, q.qsize());
        q.put(2);
        q.putNowait(3);
        q.put(4);
        assertFalse(q.empty());
        assertEquals(4, q.qsize());

        assertEquals(1, q.get());
        assertEquals(3, q.qsize());

        assertEquals(2, q.getNowait());
        assertEquals(2, q.qsize());

        assertEquals(3, q.get(false));
        assertFalse(q.empty());
        assertEquals(1, q.qsize());

        assertEquals(4, q.get(Duration.ofMillis(100)));
        assertTrue(q.empty());
        assertEquals(0, q.qsize());

        assertThrows(Empty.class, () -> q.get(false));
        assertThrows(Empty.class, () -> q.get(Duration.ofMillis(1)));
        assertThrows(Empty.class, q::getNowait);
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
    }

    /** A negative timeout of a blocking get is an IllegalArgumentException, even with an item there. */
    @Test
    void testNegativeTimeoutRaisesException() {
        q.put(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.get(Duration.ofSeconds(-1)));
        assertEquals("'timeout' must be a non-negative number", e.getMessage());
    }

    /** gh-156476: a non-blocking get ignores its timeout, even a negative one. */
    @Test
    void testNonblockingIgnoresTimeout() {
        q.put(1);
        assertEquals(1, q.get(false, Duration.ofSeconds(-1)));
        assertThrows(Empty.class, () -> q.get(false, Duration.ofSeconds(-1)));
        q.put(2);
        assertEquals(2, q.get(false, Duration.ofSeconds(1)));
        assertThrows(Empty.class, () -> q.get(false, Duration.ofSeconds(1)));
    }

    /** One producer and one consumer: the items come out in the order put. */
    @Test
    void testOrder() {
        List<Integer> inputs = range(100);
        List<Integer> results = runThreads(1, q, inputs, BaseSimpleQueueTests::feed, BaseSimpleQueueTests::consume);
        assertEquals(inputs, results);
    }

    /** 50 producers, 50 blocking consumers: every item delivered exactly once. */
    @Test
    void testManyThreads() {
        List<Integer> inputs = range(10000);
        List<Integer> results = runThreads(50, q, inputs, BaseSimpleQueueTests::feed, BaseSimpleQueueTests::consume);
        assertEquals(inputs, sorted(results));
    }

    /** 50 producers, 50 non-blocking consumers. */
    @Test
    void testManyThreadsNonblock() {
        List<Integer> inputs = range(10000);
        List<Integer> results = runThreads(50, q, inputs, BaseSimpleQueueTests::feed,
                BaseSimpleQueueTests::consumeNonblock);
        assertEquals(inputs, sorted(results));
    }

    /** 50 producers, 50 consumers with a tiny timeout. */
    @Test
    void testManyThreadsTimeout() {
        List<Integer> inputs = range(1000);
        List<Integer> results = runThreads(50, q, inputs, BaseSimpleQueueTests::feed,
                BaseSimpleQueueTests::consumeTimeout);
        assertEquals(inputs, sorted(results));
    }

    /** The queue keeps no reference to an item once it has been got. */
    @Test
    void testReferences() {
        int n = 20;
        for (int i = 0; i < n; i++) {
            q.put(new Object());
        }
        for (int i = 0; i < n; i++) {
            WeakReference<Object> wr = new WeakReference<>(q.get());
            Threads.awaitCollected(wr, "item " + i);
        }
    }
}
