package io.github.threading4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.threading4j.support.Timeouts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The {@link BlockingQueue} contract JDK code relies on, ported from the TCK's {@code BlockingQueueTest},
 * {@code AbstractQueueTest}, {@code CollectionTest}/{@code Collection8Test} and the per-class tests
 * ({@code LinkedBlockingQueueTest}: capacity, drainTo, iterator, toArray). One subclass per queue type and
 * bound; the ordering checks ask the subclass for the order {@code take()} hands items out in.
 */
abstract class BlockingQueueContractTests extends ContractTestCase {

    /** The TCK's SIZE: how many items a populated queue holds, and the capacity of a bounded one. */
    static final int SIZE = 20;

    /** A short wait for the timed tests: the call must wait about this long, then give up. */
    static final long SHORT_MILLIS = 50;

    /** A new empty queue of the type under test; {@code capacity <= 0} means unbounded. */
    abstract BlockingQueue<Integer> newQueue(int capacity);

    /** The capacity the subclass tests: {@link #SIZE}, or 0 for unbounded. */
    abstract int capacity();

    /** The order take() hands out {@code inserted}: FIFO, LIFO or sorted. */
    abstract List<Integer> takeOrder(List<Integer> inserted);

    /** Whether iteration and toArray() follow {@link #takeOrder} (a heap's order is unspecified). */
    boolean iterationFollowsTakeOrder() {
        return true;
    }

    /** Whether iterators are snapshots taken at creation (our {@code Queue}s) or weakly consistent. */
    abstract boolean iteratorIsSnapshot();

    final boolean bounded() {
        return capacity() > 0;
    }

    BlockingQueue<Integer> emptyQueue() {
        return newQueue(capacity());
    }

    /** 0..n-1 in a scrambled order (7 is coprime with SIZE), so FIFO, LIFO and priority orders all differ. */
    static List<Integer> scrambled(int n) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(n == SIZE ? (i * 7) % n : i);
        }
        return items;
    }

    /** A queue holding {@code scrambled(SIZE)}, full if bounded. */
    BlockingQueue<Integer> populatedQueue() {
        BlockingQueue<Integer> q = emptyQueue();
        for (Integer i : scrambled(SIZE)) {
            assertTrue(q.offer(i));
        }
        assertEquals(SIZE, q.size());
        assertFalse(q.isEmpty());
        return q;
    }

    List<Integer> expectedOrder() {
        return takeOrder(scrambled(SIZE));
    }

    List<Integer> pollAll(BlockingQueue<Integer> q) {
        List<Integer> out = new ArrayList<>();
        for (Integer x; (x = q.poll()) != null; ) {
            out.add(x);
        }
        return out;
    }

    void assertIterationContents(List<Integer> expected, List<Integer> actual) {
        if (iterationFollowsTakeOrder()) {
            assertEquals(expected, actual);
        } else {
            List<Integer> sorted = new ArrayList<>(actual);
            Collections.sort(sorted);
            List<Integer> want = new ArrayList<>(expected);
            Collections.sort(want);
            assertEquals(want, sorted);
        }
    }

    // ---- empty and populated queues ---------------------------------------------------------------------

    /** A new queue is empty: size 0, poll and peek null, remove and element throw NoSuchElementException. */
    @Test
    void emptyQueueContract() {
        BlockingQueue<Integer> q = emptyQueue();
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
        assertNull(q.peek());
        assertNull(q.poll());
        assertThrows(NoSuchElementException.class, q::element);
        assertThrows(NoSuchElementException.class, q::remove);
        assertFalse(q.iterator().hasNext());
        assertThrows(NoSuchElementException.class, () -> q.iterator().next());
        assertEquals(bounded() ? SIZE : Integer.MAX_VALUE, q.remainingCapacity());
        Object bomb = new Object() {
            @Override
            public boolean equals(Object x) {
                throw new AssertionError("an empty queue compared an argument");
            }

            @Override
            public int hashCode() {
                throw new AssertionError("an empty queue hashed an argument");
            }
        };
        assertFalse(q.contains(bomb));
        assertFalse(q.remove(bomb));
        java.util.function.Consumer<Integer> alwaysThrows = x -> {
            throw new AssertionError("visited " + x);
        };
        q.forEach(alwaysThrows);
        q.iterator().forEachRemaining(alwaysThrows);
        q.spliterator().forEachRemaining(alwaysThrows);
        assertFalse(q.spliterator().tryAdvance(alwaysThrows));
        Object[] none = new Object[0];
        assertSame(none, q.toArray(none));
    }

    /** The Collection methods taking a collection or function reject null (Collection8Test testNullPointerExceptions). */
    @Test
    void nullArgumentsOfCollectionMethods() {
        BlockingQueue<Integer> q = populatedQueue();
        assertThrows(NullPointerException.class, () -> q.containsAll(null));
        assertThrows(NullPointerException.class, () -> q.iterator().forEachRemaining(null));
        assertThrows(NullPointerException.class, () -> q.spliterator().forEachRemaining(null));
        assertThrows(NullPointerException.class, () -> q.spliterator().tryAdvance(null));
        assertEquals(SIZE, q.size());
    }

    /** Every way of traversing yields the same items: iterator, forEach, spliterator, toArray, streams. */
    @Test
    void traversalsAgree() {
        BlockingQueue<Integer> q = populatedQueue();
        List<Integer> iterated = new ArrayList<>();
        q.iterator().forEachRemaining(iterated::add);
        List<Integer> each = new ArrayList<>();
        q.forEach(each::add);
        List<Integer> split = new ArrayList<>();
        q.spliterator().forEachRemaining(split::add);
        List<Integer> advanced = new ArrayList<>();
        java.util.Spliterator<Integer> sp = q.spliterator();
        while (sp.tryAdvance(advanced::add)) {
            assertTrue(advanced.size() <= SIZE);
        }
        assertEquals(iterated, each);
        assertEquals(iterated, split);
        assertEquals(iterated, advanced);
        assertEquals(iterated, toIntegers(q.toArray()));
        assertEquals(iterated, q.stream().toList());
        assertEquals(sortedCopy(iterated), q.parallelStream().sorted().toList());
        assertTrue(q.containsAll(iterated));
        assertIterationContents(expectedOrder(), iterated);
    }

    /** poll() hands out every item once, in the queue's order, then null. */
    @Test
    void pollHandsOutItemsInOrder() {
        BlockingQueue<Integer> q = populatedQueue();
        assertEquals(expectedOrder(), pollAll(q));
        assertTrue(q.isEmpty());
    }

    /** peek() and element() show the head without removing it; remove() removes it. */
    @Test
    void peekElementAndRemoveSeeTheHead() {
        BlockingQueue<Integer> q = populatedQueue();
        for (Integer expected : expectedOrder()) {
            assertEquals(expected, q.peek());
            assertEquals(expected, q.element());
            assertEquals(expected, q.remove());
            assertNotEquals(expected, q.peek());
        }
        assertNull(q.peek());
        assertThrows(NoSuchElementException.class, q::element);
        assertThrows(NoSuchElementException.class, q::remove);
    }

    /** remainingCapacity() is capacity - size when bounded, Integer.MAX_VALUE when unbounded. */
    @Test
    void remainingCapacityTracksSize() throws InterruptedException {
        BlockingQueue<Integer> q = populatedQueue();
        for (int i = 0; i < SIZE; i++) {
            assertEquals(bounded() ? i : Integer.MAX_VALUE, q.remainingCapacity());
            assertEquals(SIZE - i, q.size());
            q.take();
        }
        for (int i = 0; i < SIZE; i++) {
            assertEquals(bounded() ? SIZE - i : Integer.MAX_VALUE, q.remainingCapacity());
            assertEquals(i, q.size());
            assertTrue(q.add(i));
        }
    }

    /** A full queue: offer() returns false, add() throws IllegalStateException, timed offer ≤ 0 does not wait. */
    @Test
    void fullQueueRefusesNewItems() throws InterruptedException {
        assumeTrue(bounded(), "only a bounded queue can be full");
        BlockingQueue<Integer> q = populatedQueue();
        assertEquals(0, q.remainingCapacity());
        assertFalse(q.offer(SIZE));
        assertThrows(IllegalStateException.class, () -> q.add(SIZE));
        assertFalse(q.offer(SIZE, 0, TimeUnit.SECONDS));
        assertFalse(q.offer(SIZE, -1, TimeUnit.SECONDS));
        assertFalse(q.offer(SIZE, Long.MIN_VALUE, TimeUnit.NANOSECONDS));
        assertEquals(SIZE, q.size());
        assertFalse(q.contains(SIZE));
    }

    /** Every insertion method refuses null with NullPointerException and leaves the queue unchanged. */
    @Test
    void nullsAreRejected() {
        BlockingQueue<Integer> q = emptyQueue();
        q.add(1);
        assertThrows(NullPointerException.class, () -> q.offer(null));
        assertThrows(NullPointerException.class, () -> q.add(null));
        assertThrows(NullPointerException.class, () -> q.put(null));
        assertThrows(NullPointerException.class, () -> q.offer(null, 1, TimeUnit.MILLISECONDS));
        assertThrows(NullPointerException.class, () -> q.addAll(Arrays.asList(2, null, 3)));
        assertThrows(NullPointerException.class, () -> q.addAll(null));
        assertThrows(NullPointerException.class, () -> q.drainTo(null));
        assertThrows(NullPointerException.class, () -> q.drainTo(null, 0));
        assertThrows(NullPointerException.class, () -> q.toArray((Integer[]) null));
        assertThrows(NullPointerException.class, () -> q.removeIf(null));
        assertThrows(NullPointerException.class, () -> q.removeAll(null));
        assertThrows(NullPointerException.class, () -> q.retainAll(null));
        assertThrows(NullPointerException.class, () -> q.forEach(null));
        assertFalse(q.contains(null));
        assertFalse(q.remove(null));
        // addAll adds the items before the null (AbstractQueue.addAll, as the JDK's queues do)
        assertEquals(List.of(1, 2), sorted(new ArrayList<>(q)));
    }

    private static List<Integer> sorted(List<Integer> l) {
        Collections.sort(l);
        return l;
    }

    /** addAll(this) throws IllegalArgumentException; addAll adds in iteration order of the argument. */
    @Test
    void addAllContract() {
        BlockingQueue<Integer> q = populatedQueue();
        assertThrows(IllegalArgumentException.class, () -> q.addAll(q));
        assertEquals(SIZE, q.size());
        BlockingQueue<Integer> r = emptyQueue();
        assertTrue(r.addAll(scrambled(SIZE)));
        assertFalse(r.addAll(List.of()));
        assertEquals(expectedOrder(), pollAll(r));
    }

    /** addAll of more items than fit adds those that fit, then throws IllegalStateException (AbstractQueue). */
    @Test
    void addAllBeyondCapacityThrows() {
        assumeTrue(bounded(), "only a bounded queue can be full");
        BlockingQueue<Integer> q = emptyQueue();
        List<Integer> tooMany = new ArrayList<>(scrambled(SIZE));
        tooMany.add(SIZE);
        assertThrows(IllegalStateException.class, () -> q.addAll(tooMany));
        assertEquals(SIZE, q.size());
        assertFalse(q.contains(SIZE));
    }

    /** put() then take() hands items out in the queue's order. */
    @Test
    void putThenTakeInOrder() throws InterruptedException {
        BlockingQueue<Integer> q = emptyQueue();
        for (Integer i : scrambled(SIZE)) {
            q.put(i);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            out.add(q.take());
        }
        assertEquals(expectedOrder(), out);
    }

    // ---- timed and blocking calls -----------------------------------------------------------------------

    /** poll with a zero or negative timeout does not wait: the head, or null at once. */
    @Test
    void timedPollWithoutWaiting() throws InterruptedException {
        BlockingQueue<Integer> q = populatedQueue();
        for (Integer expected : expectedOrder()) {
            assertEquals(expected, q.poll(0, TimeUnit.SECONDS));
        }
        assertNull(q.poll(0, TimeUnit.SECONDS));
        assertNull(q.poll(-1, TimeUnit.DAYS));
        assertNull(q.poll(Long.MIN_VALUE, TimeUnit.NANOSECONDS));
    }

    /** poll(timeout) on an empty queue waits about the timeout, then returns null. */
    @Test
    void timedPollTimesOut() throws InterruptedException {
        BlockingQueue<Integer> q = emptyQueue();
        long t0 = System.nanoTime();
        assertNull(q.poll(SHORT_MILLIS, TimeUnit.MILLISECONDS));
        assertTrue(millisSince(t0) >= SHORT_MILLIS * 6 / 10, "returned before the timeout");
    }

    /** A thread waiting in poll(timeout) or take() gets the item another thread offers. */
    @Test
    void waitingTakersGetOfferedItems() throws InterruptedException {
        BlockingQueue<Integer> q = emptyQueue();
        AtomicReference<Integer> polled = new AtomicReference<>();
        AtomicReference<Integer> taken = new AtomicReference<>();
        Thread poller = start(() -> polled.set(q.poll(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS)));
        waitBlocked(poller);
        assertTrue(q.offer(1));
        join(poller);
        Thread taker = start(() -> taken.set(q.take()));
        waitBlocked(taker);
        q.put(2);
        join(taker);
        assertEquals(1, polled.get());
        assertEquals(2, taken.get());
        assertTrue(q.isEmpty());
    }

    /** take() and poll(timeout) on an empty queue: interrupted before or while waiting → InterruptedException, status cleared. */
    @Test
    void takeAndTimedPollAreInterruptible() throws InterruptedException {
        BlockingQueue<Integer> q = emptyQueue();
        List<Action> waits = List.of(q::take, () -> q.poll(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        for (Action wait : waits) {
            Thread before = start(() -> {
                Thread.currentThread().interrupt();
                assertThrows(InterruptedException.class, wait::run);
                assertFalse(Thread.interrupted(), "status cleared");
            });
            join(before);
            Thread during = start(() -> {
                assertThrows(InterruptedException.class, wait::run);
                assertFalse(Thread.interrupted(), "status cleared");
            });
            waitBlocked(during);
            during.interrupt();
            join(during);
        }
        // nothing was lost or left behind by the interrupted takers
        q.put(7);
        assertEquals(7, q.poll(0, TimeUnit.SECONDS));
    }

    /** put() on a full queue waits for room; interrupted before or while waiting → InterruptedException, nothing stored. */
    @Test
    void putOnFullQueueWaitsAndIsInterruptible() throws InterruptedException {
        assumeTrue(bounded(), "only a bounded queue can be full");
        BlockingQueue<Integer> q = populatedQueue();
        Thread before = start(() -> {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> q.put(SIZE));
            assertFalse(Thread.interrupted(), "status cleared");
        });
        join(before);
        Thread during = start(() -> {
            assertThrows(InterruptedException.class, () -> q.put(SIZE));
            assertFalse(Thread.interrupted(), "status cleared");
        });
        waitBlocked(during);
        during.interrupt();
        join(during);
        assertEquals(SIZE, q.size());
        assertFalse(q.contains(SIZE));

        Thread putter = start(() -> q.put(SIZE));
        waitBlocked(putter);
        assertEquals(SIZE, q.size());
        Integer head = q.take();
        join(putter);
        assertEquals(expectedOrder().get(0), head);
        assertTrue(q.contains(SIZE));
        assertEquals(0, q.remainingCapacity());
    }

    /** offer(timeout) on a full queue: times out with false, is interruptible, and succeeds once room appears. */
    @Test
    void timedOfferOnFullQueue() throws InterruptedException {
        assumeTrue(bounded(), "only a bounded queue can be full");
        BlockingQueue<Integer> q = populatedQueue();
        long t0 = System.nanoTime();
        assertFalse(q.offer(SIZE, SHORT_MILLIS, TimeUnit.MILLISECONDS));
        assertTrue(millisSince(t0) >= SHORT_MILLIS * 6 / 10, "returned before the timeout");
        Thread before = start(() -> {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> q.offer(SIZE, Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            assertFalse(Thread.interrupted(), "status cleared");
        });
        join(before);
        Thread during = start(() -> {
            assertThrows(InterruptedException.class, () -> q.offer(SIZE, Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            assertFalse(Thread.interrupted(), "status cleared");
        });
        waitBlocked(during);
        during.interrupt();
        join(during);
        assertFalse(q.contains(SIZE));

        AtomicReference<Boolean> offered = new AtomicReference<>();
        Thread offerer = start(() -> offered.set(q.offer(SIZE, Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS)));
        waitBlocked(offerer);
        q.poll();
        join(offerer);
        assertEquals(true, offered.get());
        assertTrue(q.contains(SIZE));
    }

    /** Huge timeouts saturate (no overflow into "no wait"): poll and offer with Long.MAX_VALUE days wait for their chance. */
    @Test
    void hugeTimeoutsWait() throws InterruptedException {
        BlockingQueue<Integer> q = emptyQueue();
        AtomicReference<Integer> polled = new AtomicReference<>();
        Thread poller = start(() -> polled.set(q.poll(Long.MAX_VALUE, TimeUnit.DAYS)));
        waitBlocked(poller);
        q.put(3);
        join(poller);
        assertEquals(3, polled.get());
        if (bounded()) {
            BlockingQueue<Integer> full = populatedQueue();
            AtomicReference<Boolean> offered = new AtomicReference<>();
            Thread offerer = start(() -> offered.set(full.offer(SIZE, Long.MAX_VALUE, TimeUnit.NANOSECONDS)));
            waitBlocked(offerer);
            full.take();
            join(offerer);
            assertEquals(true, offered.get());
        }
    }

    /** A producer and a consumer through put/take lose and duplicate nothing, blocking on both sides if bounded. */
    @Test
    void producerAndConsumerHandOverEverything() throws InterruptedException {
        BlockingQueue<Integer> q = emptyQueue();
        int n = 2_000;
        List<Integer> consumed = new ArrayList<>();
        Thread consumer = start(() -> {
            for (int i = 0; i < n; i++) {
                consumed.add(q.take());
            }
        });
        Thread producer = start(() -> {
            for (int i = 0; i < n; i++) {
                q.put(i);
            }
        });
        join(producer);
        join(consumer);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        assertEquals(all, sorted(consumed));
        assertTrue(q.isEmpty());
    }

    /**
     * Timed waiters that give up must not swallow a wake-up meant for another: consumers mixing take() and short
     * timed polls, producers mixing put() and short timed offers, through a queue of capacity 1 when bounded,
     * deliver every item exactly once (a lost wake-up leaves a take() waiting forever).
     */
    @Test
    void timedWaitersDoNotLoseWakeups() throws InterruptedException {
        BlockingQueue<Integer> q = bounded() ? newQueue(1) : emptyQueue();
        int perProducer = 500;
        int producers = 2;
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong sum = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            boolean timed = p % 2 == 0;
            threads.add(start(() -> {
                for (int i = 1; i <= perProducer; i++) {
                    if (timed) {
                        while (!q.offer(i, 1, TimeUnit.MILLISECONDS)) {
                            assertTrue(bounded(), "an unbounded queue refused an item");
                        }
                    } else {
                        q.put(i);
                    }
                }
            }));
        }
        int total = producers * perProducer;
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            boolean timed = c % 2 == 0;
            consumers.add(start(() -> {
                while (taken.get() < total) {
                    Integer x = timed ? q.poll(1, TimeUnit.MILLISECONDS) : q.poll(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
                    if (x != null) {
                        sum.addAndGet(x);
                        taken.incrementAndGet();
                    } else if (!timed) {
                        throw new AssertionError("a waiting consumer was never woken; " + taken.get() + " taken");
                    }
                }
            }));
        }
        threads.forEach(this::join); // the producers
        // a consumer may still be waiting when the last item went to the other: zeros (which add nothing) end it
        io.github.threading4j.support.Threads.waitUntil(() -> taken.get() >= total, "every item to be taken");
        io.github.threading4j.support.Threads.waitUntil(() -> {
            q.offer(0);
            return consumers.stream().noneMatch(Thread::isAlive);
        }, "the consumers to end");
        consumers.forEach(this::join);
        assertEquals((long) producers * perProducer * (perProducer + 1) / 2, sum.get());
    }

    // ---- drainTo ----------------------------------------------------------------------------------------

    /** drainTo moves every item, in the queue's order; to itself it throws IllegalArgumentException. */
    @Test
    void drainToMovesEverything() {
        BlockingQueue<Integer> q = populatedQueue();
        assertThrows(IllegalArgumentException.class, () -> q.drainTo(q));
        assertThrows(IllegalArgumentException.class, () -> q.drainTo(q, 1));
        assertThrows(IllegalArgumentException.class, () -> q.drainTo(q, 0));
        assertEquals(SIZE, q.size());
        List<Integer> sink = new ArrayList<>();
        assertEquals(SIZE, q.drainTo(sink));
        assertEquals(expectedOrder(), sink);
        assertTrue(q.isEmpty());
        assertEquals(bounded() ? SIZE : Integer.MAX_VALUE, q.remainingCapacity());
        assertEquals(0, q.drainTo(sink));
        assertEquals(SIZE, sink.size());
    }

    /** drainTo(c, max) moves min(max, size) items from the head; max ≤ 0 moves none. */
    @Test
    void drainToMovesAtMostMaxElements() {
        BlockingQueue<Integer> one = emptyQueue();
        one.add(1);
        List<Integer> none = new ArrayList<>();
        for (int max : new int[] {0, -1, -42, Integer.MIN_VALUE}) {
            assertEquals(0, one.drainTo(none, max));
        }
        assertEquals(List.of(), none);
        assertEquals(1, one.size());
        for (int max = -1; max <= SIZE + 2; max++) {
            BlockingQueue<Integer> q = populatedQueue();
            List<Integer> sink = new ArrayList<>();
            int k = Math.max(0, Math.min(max, SIZE));
            assertEquals(k, q.drainTo(sink, max));
            assertEquals(expectedOrder().subList(0, k), sink);
            assertEquals(SIZE - k, q.size());
            assertEquals(expectedOrder().subList(k, SIZE), pollAll(q));
        }
    }

    /** drainTo wakes a putter waiting for room. */
    @Test
    void drainToMakesRoomForWaitingPutters() throws InterruptedException {
        assumeTrue(bounded(), "only a bounded queue can be full");
        BlockingQueue<Integer> q = populatedQueue();
        Thread putter = start(() -> q.put(SIZE));
        waitBlocked(putter);
        List<Integer> sink = new ArrayList<>();
        q.drainTo(sink, 1);
        join(putter);
        assertEquals(SIZE, q.size());
        assertTrue(q.contains(SIZE));
    }

    // ---- Collection methods -----------------------------------------------------------------------------

    /** contains() sees every item; remove(Object) removes one occurrence and reports whether it found it. */
    @Test
    void containsAndRemoveObject() {
        BlockingQueue<Integer> q = populatedQueue();
        for (int i = 0; i < SIZE; i++) {
            assertTrue(q.contains(i));
        }
        assertFalse(q.contains(SIZE));
        assertFalse(q.remove(SIZE));
        for (int i = 0; i < SIZE; i += 2) {
            assertTrue(q.remove(i));
            assertFalse(q.contains(i));
            assertFalse(q.remove(i));
            assertTrue(q.contains(i + 1));
        }
        assertEquals(SIZE / 2, q.size());
        List<Integer> odd = new ArrayList<>(expectedOrder());
        odd.removeIf(x -> x % 2 == 0);
        assertEquals(odd, pollAll(q));
    }

    /** Equal items: remove(Object) removes exactly one of them. */
    @Test
    void removeObjectRemovesOneOccurrence() {
        BlockingQueue<Integer> q = emptyQueue();
        q.addAll(List.of(5, 5, 5));
        assertTrue(q.remove(5));
        assertEquals(2, q.size());
        assertTrue(q.contains(5));
    }

    /** clear() empties the queue and restores its capacity. */
    @Test
    void clearEmpties() {
        BlockingQueue<Integer> q = populatedQueue();
        q.clear();
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
        assertEquals(bounded() ? SIZE : Integer.MAX_VALUE, q.remainingCapacity());
        assertTrue(q.add(1));
        assertEquals(1, q.poll());
    }

    /** removeIf, removeAll and retainAll remove exactly the matching items and keep the others' order. */
    @Test
    void bulkRemovals() {
        BlockingQueue<Integer> q = populatedQueue();
        assertFalse(q.removeIf(x -> x >= SIZE));
        assertTrue(q.removeIf(x -> x % 3 == 0));
        assertFalse(q.removeAll(List.of(0, 3, 6)));
        assertTrue(q.removeAll(Set.of(1, 4)));
        assertFalse(q.retainAll(scrambled(SIZE)));
        assertTrue(q.retainAll(Set.of(2, 5, 7, 8, 11)));
        List<Integer> expected = new ArrayList<>(expectedOrder());
        expected.retainAll(Set.of(2, 5, 7, 8, 11));
        assertEquals(expected, pollAll(q));
    }

    /** toArray() holds the items; toArray(T[]) fills a big enough array (null after the last), else allocates one of its type. */
    @Test
    void toArrayContract() {
        BlockingQueue<Integer> q = populatedQueue();
        Object[] plain = q.toArray();
        assertSame(Object[].class, plain.getClass());
        assertIterationContents(expectedOrder(), toIntegers(plain));

        Integer[] small = new Integer[1];
        Integer[] fresh = q.toArray(small);
        assertNotSameArray(small, fresh);
        assertSame(Integer[].class, fresh.getClass());
        assertArrayEquals(plain, fresh);

        Integer[] big = new Integer[SIZE + 2];
        Arrays.fill(big, -1);
        assertSame(big, q.toArray(big));
        assertArrayEquals(plain, Arrays.copyOf(big, SIZE));
        assertNull(big[SIZE]);

        Integer[] exact = new Integer[SIZE];
        assertSame(exact, q.toArray(exact));
        assertArrayEquals(plain, exact);

        assertThrows(ArrayStoreException.class, () -> q.toArray(new String[0]));
        assertEquals(SIZE, q.size(), "toArray does not remove");
    }

    /** An empty queue's toArray: length 0, and toArray(a) sets a[0] to null (Collection8Test testEmptyMeansEmpty). */
    @Test
    void toArrayOfEmptyQueue() {
        BlockingQueue<Integer> q = emptyQueue();
        assertEquals(0, q.toArray().length);
        Integer[] a = {1, 2};
        assertSame(a, q.toArray(a));
        assertNull(a[0]);
        assertEquals(2, a[1]);
        assertEquals(0, q.toArray(new Integer[0]).length);
    }

    private static void assertNotSameArray(Object[] a, Object[] b) {
        assertFalse(a == b, "a too small array is not used");
    }

    private static List<Integer> toIntegers(Object[] a) {
        List<Integer> l = new ArrayList<>();
        for (Object o : a) {
            l.add((Integer) o);
        }
        return l;
    }

    /** The iterator visits every item once; forEach visits the same sequence. */
    @Test
    void iteratorAndForEachVisitEverything() {
        BlockingQueue<Integer> q = populatedQueue();
        List<Integer> iterated = new ArrayList<>();
        Iterator<Integer> it = q.iterator();
        while (it.hasNext()) {
            iterated.add(it.next());
        }
        assertThrows(NoSuchElementException.class, it::next);
        assertIterationContents(expectedOrder(), iterated);
        List<Integer> visited = new ArrayList<>();
        q.forEach(visited::add);
        assertEquals(iterated, visited);
        assertEquals(SIZE, q.stream().count());
        assertEquals(SIZE, q.size(), "iteration does not remove");
    }

    /** Iterator.remove() removes the last item returned; before next() or twice, IllegalStateException. */
    @Test
    void iteratorRemove() {
        BlockingQueue<Integer> q = populatedQueue();
        Iterator<Integer> it = q.iterator();
        assertThrows(IllegalStateException.class, it::remove);
        Integer first = it.next();
        it.remove();
        assertThrows(IllegalStateException.class, it::remove);
        assertFalse(q.contains(first));
        assertEquals(SIZE - 1, q.size());
        Integer second = it.next();
        it.remove();
        assertFalse(q.contains(second));
        List<Integer> rest = new ArrayList<>(expectedOrder());
        rest.remove(first);
        rest.remove(second);
        assertEquals(rest, pollAll(q));
    }

    /** Room made by remove(Object), Iterator.remove() or clear() wakes a putter waiting on a full queue. */
    @Test
    void discardingRemovalsMakeRoomForWaitingPutters() throws InterruptedException {
        assumeTrue(bounded(), "only a bounded queue can be full");
        BlockingQueue<Integer> q = populatedQueue();
        List<Action> removals = List.of(() -> assertTrue(q.remove(q.peek())), () -> {
            Iterator<Integer> it = q.iterator();
            it.next();
            it.remove();
        }, q::clear);
        int next = SIZE;
        for (Action removal : removals) {
            int item = next++;
            Thread putter = start(() -> q.put(item));
            waitBlocked(putter);
            try {
                removal.run();
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
            join(putter);
            assertTrue(q.contains(item));
            while (q.remainingCapacity() > 0) {
                q.put(-1);
            }
        }
    }

    /** Iterator.remove() after forEachRemaining removes the last item visited (Collection8Test). */
    @Test
    void iteratorRemoveAfterForEachRemaining() {
        BlockingQueue<Integer> q = populatedQueue();
        Iterator<Integer> it = q.iterator();
        List<Integer> seen = new ArrayList<>();
        it.forEachRemaining(seen::add);
        it.remove();
        assertEquals(SIZE - 1, q.size());
        assertFalse(q.contains(seen.get(SIZE - 1)));
        assertThrows(IllegalStateException.class, it::remove);
    }

    /**
     * Changes after an iterator was made never make it throw ConcurrentModificationException; our {@code Queue}s
     * document a snapshot, so theirs still returns exactly the items present when it was made.
     */
    @Test
    void iteratorSurvivesConcurrentChanges() {
        BlockingQueue<Integer> q = populatedQueue();
        List<Integer> before = new ArrayList<>(q);
        Iterator<Integer> it = q.iterator();
        Integer firstSeen = it.next();
        pollAll(q);
        for (int i = 100; i < 105; i++) {
            q.add(i);
        }
        List<Integer> seen = new ArrayList<>();
        seen.add(firstSeen);
        it.forEachRemaining(seen::add);
        if (iteratorIsSnapshot()) {
            assertEquals(before, seen);
        } else {
            for (Integer x : seen) {
                assertTrue(before.contains(x) || x >= 100, "iterator returned an item never stored: " + x);
            }
        }
        assertEquals(5, q.size());
    }

    /** equals and hashCode are Object's (identity), as for every JDK queue other than a List or Set. */
    @Test
    void equalsAndHashCodeAreIdentity() {
        BlockingQueue<Integer> a = populatedQueue();
        BlockingQueue<Integer> b = populatedQueue();
        assertEquals(a, a);
        assertNotEquals(a, b);
        assertNotEquals(b, a);
        assertEquals(System.identityHashCode(a), a.hashCode());
    }

    /**
     * toString() is our documented state summary (mapping §1.8), {@code <Queue at 0x…: qsize=3 …>}; it
     * deliberately differs from AbstractCollection's {@code [a, b, c]} element list.
     */
    @Test
    void toStringIsTheDocumentedSummary() {
        BlockingQueue<Integer> q = emptyQueue();
        q.addAll(List.of(10, 11, 12));
        String s = q.toString();
        String name = q.getClass().getSimpleName();
        assertTrue(s.matches("<" + name + " at 0x[0-9a-f]+: qsize=3( maxsize=" + (bounded() ? SIZE : 0)
                + " unfinished=3)?>"), s);
        assertEquals(q instanceof io.github.threading4j.queue.Queue, s.contains("maxsize="), s);
    }

    /** Helper for subclasses: a list reversed. */
    static List<Integer> reversed(List<Integer> l) {
        List<Integer> r = new ArrayList<>(l);
        Collections.reverse(r);
        return r;
    }

    /** Helper for subclasses: a list sorted. */
    static List<Integer> sortedCopy(Collection<Integer> l) {
        List<Integer> r = new ArrayList<>(l);
        Collections.sort(r);
        return r;
    }
}
