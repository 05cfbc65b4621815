package io.github.threading4j.queue;

import io.github.threading4j.UncheckedInterruptedException;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SimpleQueue} beyond CPython's tests: put from a {@link Cleaner} action and while a getter waits,
 * null items, interrupts, the {@link java.util.concurrent.BlockingQueue} methods and {@code toString}.
 */
class SimpleQueueExtraTests {

    /** A Cleaner action can put (CPython's reentrancy guarantee: put from a finalizer). */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void putFromACleanerAction(ThreadKind kind) {
        SimpleQueue<String> q = new SimpleQueue<>();
        Cleaner cleaner = Cleaner.create(kind.factory());
        Object resource = new Object();
        cleaner.register(resource, () -> q.put("resource collected"));
        resource = null;
        String got = null;
        for (int i = 0; i < 50 && got == null; i++) {
            System.gc();
            try {
                got = q.get(Duration.ofMillis(100));
            } catch (Empty e) {
                // not collected yet
            }
        }
        assertEquals("resource collected", got);
    }

    /** put never waits: not for a lock a getter holds, not while the caller holds a lock a getter wants. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void putNeverWaits(ThreadKind kind) {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        ReentrantLock held = new ReentrantLock();
        held.lock();
        try {
            CompletableFuture<Integer> got = new CompletableFuture<>();
            Thread getter = kind.start(() -> got.complete(q.get()));
            BlockingTests.waitParked(getter);
            Thread contender = kind.start(() -> {
                held.lock();  // waits for the lock this thread holds while it puts
                held.unlock();
            });
            Threads.waitBlocked(contender);
            q.put(1);
            q.put(2, false);
            q.put(3, Duration.ofSeconds(-1));  // ignored, as CPython
            q.put(4, true, Duration.ofSeconds(-1));
            q.putNowait(5);
            assertEquals(1, got.join());
            Threads.join(getter);
        } finally {
            held.unlock();
        }
        assertEquals(List.of(2, 3, 4, 5), List.of(q.get(), q.get(), q.get(), q.get()));
    }

    /** Null items are refused with "item must not be null". */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void nullItemsRefused(ThreadKind kind) {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        List<Runnable> inserts = List.of(() -> q.put(null), () -> q.put(null, true), () -> q.putNowait(null),
                () -> q.offer(null), () -> q.add(null), () -> q.offer(null, 1, TimeUnit.SECONDS));
        for (Runnable insert : inserts) {
            assertEquals("item must not be null", assertThrows(NullPointerException.class, insert::run).getMessage());
        }
        assertTrue(q.empty());
    }

    /** A blocked Python-named get: interrupt keeps the status and throws unchecked; take() throws checked. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void interrupts(ThreadKind kind) {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        for (int variant = 0; variant < 3; variant++) {
            int v = variant;
            CompletableFuture<List<Object>> outcome = new CompletableFuture<>();
            Thread t = kind.start(() -> {
                try {
                    switch (v) {
                        case 0 -> q.get();
                        case 1 -> q.get(Duration.ofHours(1));
                        default -> q.take();
                    }
                    outcome.complete(List.of("returned"));
                } catch (Throwable e) {
                    outcome.complete(List.of(e, Thread.currentThread().isInterrupted()));
                }
            });
            BlockingTests.waitParked(t);
            t.interrupt();
            Threads.join(t);
            List<Object> result = outcome.join();
            if (v < 2) {
                assertInstanceOf(UncheckedInterruptedException.class, result.get(0));
                assertEquals(true, result.get(1));
            } else {
                assertInstanceOf(InterruptedException.class, result.get(0));
                assertEquals(false, result.get(1));
            }
        }
        q.put(1);
        Thread.currentThread().interrupt();
        try {
            assertThrows(UncheckedInterruptedException.class, q::get);  // may wait: the status on entry counts
            Thread.currentThread().interrupt();
            assertEquals(1, q.get(false));  // cannot wait: ignores it
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    /** The JDK methods: offer always true, poll/peek null when empty, remove/element Empty, drainTo, capacity. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void jdkMethods(ThreadKind kind) throws Exception {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        assertNull(q.poll());
        assertNull(q.peek());
        assertNull(q.poll(1, TimeUnit.MILLISECONDS));
        assertThrows(Empty.class, q::remove);
        assertThrows(Empty.class, q::element);
        assertTrue(q.offer(1));
        assertTrue(q.offer(2, 1, TimeUnit.SECONDS));
        assertTrue(q.add(3));
        q.put(4);
        assertEquals(Integer.MAX_VALUE, q.remainingCapacity());
        assertEquals(List.of(1, 2, 3, 4), new ArrayList<>(q));
        assertEquals(1, q.peek());
        assertTrue(q.remove((Object) 3));
        List<Integer> drained = new ArrayList<>();
        assertEquals(3, q.drainTo(drained));
        assertEquals(List.of(1, 2, 4), drained);
        assertThrows(IllegalArgumentException.class, () -> q.drainTo(q));
        assertFalse(q.contains(1));
        assertTrue(q.toString().matches("<SimpleQueue at 0x[0-9a-f]+: qsize=0>"), q.toString());
        CompletableFuture<Integer> took = new CompletableFuture<>();
        Thread t = kind.start(() -> {
            try {
                took.complete(q.take());
            } catch (InterruptedException e) {
                took.completeExceptionally(e);
            }
        });
        BlockingTests.waitParked(t);
        q.put(9);
        assertEquals(9, took.get(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
    }
}
