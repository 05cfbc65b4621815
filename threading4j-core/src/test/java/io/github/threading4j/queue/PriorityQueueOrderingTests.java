package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link PriorityQueue} beyond CPython's tests: first-in first-out among equal priorities, a comparator,
 * bounded blocking (which {@link java.util.concurrent.PriorityBlockingQueue} lacks), and a failing comparison
 * leaving the queue unchanged (queue §4 deviation).
 */
class PriorityQueueOrderingTests {
    record Job(int priority, String name) {}

    /** Items of equal priority come out in the order they were put, in a long random sequence. */
    @Test
    void equalPrioritiesComeOutFirstInFirstOut() {
        PriorityQueue<Job> q = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
        Random rnd = new Random(7);
        List<Job> put = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Job job = new Job(rnd.nextInt(5), "job" + i);
            put.add(job);
            q.put(job, true);
            if (rnd.nextInt(4) == 0) {  // interleave some gets, as a worker would
                Job expected = expectedNext(put);
                put.remove(expected);
                assertEquals(expected, q.get());
            }
        }
        while (!put.isEmpty()) {
            Job expected = expectedNext(put);
            put.remove(expected);
            assertEquals(expected, q.get());
        }
        assertNull(q.poll());
    }

    /** The first job of the lowest priority among {@code jobs} (stable). */
    private static Job expectedNext(List<Job> jobs) {
        Job best = jobs.get(0);
        for (Job j : jobs) {
            if (j.priority() < best.priority()) {
                best = j;
            }
        }
        return best;
    }

    /** The class Javadoc's example. */
    @Test
    void javadocExample() {
        PriorityQueue<Job> jobs = new PriorityQueue<>(100, Comparator.comparingInt(Job::priority));
        jobs.put(new Job(2, "index"), true);
        jobs.put(new Job(1, "fetch"), true);
        jobs.put(new Job(2, "report"), true);
        assertEquals(List.of("fetch", "index", "report"),
                List.of(jobs.get().name(), jobs.get().name(), jobs.get().name()));
    }

    /** A bounded priority queue blocks a putter while full; the get takes the smallest item. */
    @Test
    void boundedPriorityQueueBlocksWhileFull() {
        PriorityQueue<Integer> q = new PriorityQueue<>(2, Comparator.reverseOrder());
        q.put(1, true);
        q.put(5, true);
        assertThrows(Full.class, () -> q.put(3, false));
        BlockingTests.doBlockingTest(ThreadKind.VIRTUAL, () -> { q.put(3, true); return null; },
                () -> assertEquals(5, q.get()));
        assertEquals(List.of(3, 1), List.of(q.get(), q.get()));
    }

    /** A non-Comparable item without a comparator: ClassCastException, nothing stored, no task counted. */
    @Test
    void incomparableItemLeavesTheQueueUnchanged() {
        PriorityQueue<Object> q = new PriorityQueue<>(5);
        assertThrows(ClassCastException.class, () -> q.put(new Object(), true));  // even into an empty queue
        q.put(2, true);
        q.put(1, true);
        assertThrows(ClassCastException.class, () -> q.put("two", true));
        assertThrows(ClassCastException.class, () -> q.offer(new Object()));
        assertEquals(2, q.qsize());
        assertEquals(2, q.unfinishedTasks());
        assertEquals(List.of(1, 2), List.of(q.get(), q.get()));
    }

    /** A comparator that fails deep in the heap: the put and the get that hit it leave the heap as it was. */
    @Test
    void failingComparisonLeavesTheHeapUnchanged() {
        AtomicInteger failAfter = new AtomicInteger(Integer.MAX_VALUE);
        Comparator<Integer> fragile = (a, b) -> {
            if (failAfter.decrementAndGet() < 0) {
                throw new ClassCastException("cannot compare " + a + " and " + b);
            }
            return Integer.compare(a, b);
        };
        PriorityQueue<Integer> q = new PriorityQueue<>(fragile);
        for (int i = 20; i > 0; i--) {
            q.put(i * 10, true);
        }
        failAfter.set(2);  // the put's third comparison fails, half way up the heap
        assertThrows(ClassCastException.class, () -> q.put(1, true));
        failAfter.set(3);  // the get's fourth comparison fails, half way down
        assertThrows(ClassCastException.class, q::get);
        failAfter.set(Integer.MAX_VALUE);
        assertEquals(20, q.qsize());
        assertEquals(20, q.unfinishedTasks());
        for (int i = 1; i <= 20; i++) {
            assertEquals(i * 10, q.get());
        }
    }

    /** removeIf keeps the heap valid and the order among equals. */
    @Test
    void removeIfKeepsOrderAmongEquals() {
        PriorityQueue<Job> q = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
        for (int i = 0; i < 30; i++) {
            q.put(new Job(i % 3, "job" + i), true);
        }
        q.removeIf(j -> Integer.parseInt(j.name().substring(3)) % 2 == 0);
        List<String> names = new ArrayList<>();
        while (!q.empty()) {
            names.add(q.get().name());
        }
        assertEquals(List.of("job3", "job9", "job15", "job21", "job27", "job1", "job7", "job13", "job19", "job25",
                "job5", "job11", "job17", "job23", "job29"), names);
    }
}
