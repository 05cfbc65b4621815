package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many producers and consumers on each bounded queue type, on platform and on virtual threads: 4 producers and
 * 4 consumers pass {@value #ITEMS} items per run (two runs per type, one per thread kind: 1,000,000 per type),
 * through every put and get variant (blocking, non-blocking with retry, timed, and the JDK methods); every
 * item arrives exactly once and {@code join()} returns only after the last {@code taskDone()}. Then an
 * immediate shutdown in the middle of a run: every item a producer tried to put is either delivered, returned
 * by the shutdown, or refused to its producer with {@link ShutDown}, exactly one of these.
 */
class QueueStressTest {
    static final int ITEMS = 500_000;
    static final int SHUTDOWN_ITEMS = 200_000;
    static final int PRODUCERS = 4;
    static final int CONSUMERS = 4;
    static final int MAXSIZE = 64;
    static final Duration SHORT_WAIT = Duration.ofMillis(1);

    static Stream<Arguments> queues() {
        List<Arguments> args = new ArrayList<>();
        List<IntFunction<Queue<Integer>>> types = List.of(Queue::new, LifoQueue::new, PriorityQueue::new);
        List<String> names = List.of("Queue", "LifoQueue", "PriorityQueue");
        for (int i = 0; i < types.size(); i++) {
            for (ThreadKind kind : ThreadKind.values()) {
                args.add(Arguments.of(names.get(i), types.get(i), kind));
            }
        }
        return args.stream();
    }

    /** Puts {@code item} with the variant {@code way} (0..4) picks; false if the queue refused it with ShutDown. */
    private static boolean put(Queue<Integer> q, int item, int way) throws InterruptedException {
        try {
            switch (way) {
                case 0 -> q.put(item, true);
                case 1 -> {
                    while (true) {
                        try {
                            q.putNowait(item);
                            break;
                        } catch (Full e) {
                            Thread.yield();
                        }
                    }
                }
                case 2 -> {
                    while (true) {
                        try {
                            q.put(item, SHORT_WAIT);
                            break;
                        } catch (Full e) {
                            // try again
                        }
                    }
                }
                case 3 -> {
                    while (!q.offer(item, 1, TimeUnit.MILLISECONDS)) {
                        if (q.isShutdown()) {
                            return false;
                        }
                    }
                }
                default -> q.put(item);
            }
            return true;
        } catch (ShutDown e) {
            return false;
        }
    }

    /** Gets an item with the variant {@code way} (0..4) picks; null once the queue is shut down and empty. */
    private static Integer get(Queue<Integer> q, int way) throws InterruptedException {
        try {
            return switch (way) {
                case 0 -> q.get();
                case 1 -> {
                    while (true) {
                        try {
                            yield q.getNowait();
                        } catch (Empty e) {
                            Thread.yield();
                        }
                    }
                }
                case 2 -> {
                    while (true) {
                        try {
                            yield q.get(SHORT_WAIT);
                        } catch (Empty e) {
                            // try again
                        }
                    }
                }
                case 3 -> {
                    while (true) {
                        Integer x = q.poll(1, TimeUnit.MILLISECONDS);
                        if (x != null) {
                            yield x;
                        }
                        if (q.isShutdown() && q.empty()) {
                            yield null;
                        }
                    }
                }
                default -> q.take();
            };
        } catch (ShutDown e) {
            return null;
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Thread start(ThreadKind kind, List<Throwable> failures, Body body) {
        return kind.start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
    }

    /** Every item delivered exactly once; join() returns only after the last taskDone(). */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void everyItemDeliveredOnceAndJoinWaitsForTheLastTaskDone(String name, IntFunction<Queue<Integer>> type,
                                                              ThreadKind kind) {
        Queue<Integer> q = type.apply(MAXSIZE);
        AtomicIntegerArray seen = new AtomicIntegerArray(ITEMS);
        AtomicLong done = new AtomicLong();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> producers = new ArrayList<>();
        List<Thread> consumers = new ArrayList<>();
        int perProducer = ITEMS / PRODUCERS;
        for (int p = 0; p < PRODUCERS; p++) {
            int first = p * perProducer;
            producers.add(start(kind, failures, () -> {
                for (int i = 0; i < perProducer; i++) {
                    assertTrue(put(q, first + i, (first + i) % 5), "refused before shutdown");
                }
            }));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            int way = c;
            consumers.add(start(kind, failures, () -> {
                Integer x;
                while ((x = get(q, way)) != null) {
                    assertEquals(0, seen.getAndIncrement(x), () -> "delivered twice");
                    done.incrementAndGet();
                    q.taskDone();
                }
            }));
        }
        Threads.joinAll(producers);
        q.join();
        long doneAtJoin = done.get();
        q.shutdown();
        Threads.joinAll(consumers);
        assertEquals(List.of(), failures);
        assertEquals(ITEMS, doneAtJoin, "join() returned before the last taskDone()");
        for (int i = 0; i < ITEMS; i++) {
            if (seen.get(i) != 1) {
                throw new AssertionError("item " + i + " delivered " + seen.get(i) + " times");
            }
        }
        assertEquals(0, q.unfinishedTasks());
        assertEquals(0, q.qsize());
    }

    /** An immediate shutdown mid-run: each item is delivered, returned by shutdown(true), or refused; one only. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void immediateShutdownMidRunAccountsForEveryItem(String name, IntFunction<Queue<Integer>> type,
                                                     ThreadKind kind) {
        Queue<Integer> q = type.apply(MAXSIZE);
        AtomicIntegerArray fate = new AtomicIntegerArray(SHUTDOWN_ITEMS);  // 0 never tried, else one per outcome
        AtomicLong delivered = new AtomicLong();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        int perProducer = SHUTDOWN_ITEMS / PRODUCERS;
        int[] attempted = new int[PRODUCERS];
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            int first = p * perProducer;
            threads.add(start(kind, failures, () -> {
                for (int i = 0; i < perProducer; i++) {
                    attempted[producer] = i + 1;
                    if (!put(q, first + i, (first + i) % 5)) {
                        assertEquals(0, fate.getAndAdd(first + i, 3), "refused item had another fate");
                        return;
                    }
                }
            }));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            int way = c;
            threads.add(start(kind, failures, () -> {
                Integer x;
                while ((x = get(q, way)) != null) {
                    assertEquals(0, fate.getAndAdd(x, 1), "delivered item had another fate");
                    delivered.incrementAndGet();
                    q.taskDone();
                }
            }));
        }
        Threads.waitUntil(() -> delivered.get() >= SHUTDOWN_ITEMS / 2, "half the items delivered");
        List<Integer> removed = q.shutdown(true);
        for (int x : removed) {
            assertEquals(0, fate.getAndAdd(x, 2), "returned item had another fate");
        }
        Threads.joinAll(threads);
        q.join();  // the consumers marked every item they got as done; the shutdown finished the rest
        assertEquals(List.of(), failures);
        assertTrue(removed.size() <= MAXSIZE);
        int accounted = 0;
        for (int p = 0; p < PRODUCERS; p++) {
            int first = p * perProducer;
            for (int i = 0; i < perProducer; i++) {
                int f = fate.get(first + i);
                if (i < attempted[p]) {
                    assertTrue(f == 1 || f == 2 || f == 3, "item " + (first + i) + " lost (fate " + f + ")");
                    accounted++;
                } else {
                    assertEquals(0, f, "item never put has a fate");
                }
            }
        }
        assertTrue(accounted >= SHUTDOWN_ITEMS / 2);
        assertEquals(0, q.unfinishedTasks());
        assertEquals(0, q.qsize());
    }
}
