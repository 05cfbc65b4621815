package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Port of CPython's {@code lock_tests.BarrierTests}, plus the timeout, interrupt and state rules of threading §6. */
abstract class BarrierTests extends BaseTestCase {
    static final int N = 5;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    Barrier barrier;

    /** CPython's {@code barriertype(parties, action, timeout)}. */
    abstract Barrier barriertype(int parties, Runnable action, Duration timeout);

    Barrier barriertype(int parties) {
        return barriertype(parties, null, null);
    }

    @BeforeEach
    void setUp() {
        barrier = barriertype(N, null, DEFAULT_TIMEOUT);
    }

    @AfterEach
    void tearDown() {
        barrier.abort();
    }

    private void runThreads(Runnable f) {
        try (Bunch b = bunch(N, f)) {
            assertNotNull(b);
        }
    }

    private void multipass(List<List<Boolean>> results, int n) {
        int m = barrier.parties();
        assertEquals(N, m);
        for (int i = 0; i < n; i++) {
            results.get(0).add(true);
            assertEquals(i * m, results.get(1).size());
            barrier.await();
            results.get(1).add(true);
            assertEquals((i + 1) * m, results.get(0).size());
            barrier.await();
        }
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    @Test
    void testConstructor() {
        var e = assertThrows(IllegalArgumentException.class, () -> barriertype(0));
        assertEquals("parties must be >= 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> barriertype(-1));
    }

    private void checkBarrier(int passes) {
        List<List<Boolean>> results = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        runThreads(() -> multipass(results, passes));
    }

    /** The barrier is passed in lockstep. */
    @Test
    void testBarrier() {
        checkBarrier(1);
    }

    /** The barrier works for 10 consecutive runs. */
    @Test
    void testBarrier10() {
        checkBarrier(10);
    }

    /** The return values of await are the arrival indices 0..N-1. */
    @Test
    void testWaitReturn() {
        List<Integer> results = new CopyOnWriteArrayList<>();
        runThreads(() -> results.add(barrier.await()));
        assertEquals(N * (N - 1) / 2, results.stream().mapToInt(Integer::intValue).sum());
        List<Integer> sorted = new ArrayList<>(results);
        Collections.sort(sorted);
        assertEquals(List.of(0, 1, 2, 3, 4), sorted);
    }

    /** The action runs once, before anyone is released. */
    @Test
    void testAction() {
        List<Boolean> results = new CopyOnWriteArrayList<>();
        Barrier barrier = barriertype(N, () -> results.add(true), null);
        runThreads(() -> {
            barrier.await();
            assertEquals(1, results.size());
        });
    }

    /** An abort puts the barrier in a broken state. */
    @Test
    void testAbort() {
        List<Boolean> results1 = new CopyOnWriteArrayList<>();
        List<Boolean> results2 = new CopyOnWriteArrayList<>();
        runThreads(() -> {
            try {
                int i = barrier.await();
                if (i == N / 2) {
                    throw new IllegalStateException("boom");
                }
                barrier.await();
                results1.add(true);
            } catch (BrokenBarrierError e) {
                results2.add(true);
            } catch (IllegalStateException e) {
                barrier.abort();
            }
        });
        assertEquals(0, results1.size());
        assertEquals(N - 1, results2.size());
        assertTrue(barrier.isBroken());
    }

    /** A reset frees the waiting threads, and the barrier can be passed again. */
    @Test
    void testReset() {
        List<Boolean> results1 = new CopyOnWriteArrayList<>();
        List<Boolean> results2 = new CopyOnWriteArrayList<>();
        List<Boolean> results3 = new CopyOnWriteArrayList<>();
        runThreads(() -> {
            int i = barrier.await();
            if (i == N / 2) {
                // wait until the other threads are all in the barrier
                Threads.waitUntil(() -> barrier.nWaiting() >= N - 1, "the others to wait");
                barrier.reset();
            } else {
                try {
                    barrier.await();
                    results1.add(true);
                } catch (BrokenBarrierError e) {
                    results2.add(true);
                }
            }
            // now, pass the barrier again
            barrier.await();
            results3.add(true);
        });
        assertEquals(0, results1.size());
        assertEquals(N - 1, results2.size());
        assertEquals(N, results3.size());
    }

    /** A barrier can be reset after being broken. */
    @Test
    void testAbortAndReset() {
        List<Boolean> results1 = new CopyOnWriteArrayList<>();
        List<Boolean> results2 = new CopyOnWriteArrayList<>();
        List<Boolean> results3 = new CopyOnWriteArrayList<>();
        Barrier barrier2 = barriertype(N);
        runThreads(() -> {
            try {
                int i = barrier.await();
                if (i == N / 2) {
                    throw new IllegalStateException("boom");
                }
                barrier.await();
                results1.add(true);
            } catch (BrokenBarrierError e) {
                results2.add(true);
            } catch (IllegalStateException e) {
                barrier.abort();
            }
            // synchronize and reset the barrier: everyone has left it when we reset, nobody enters before
            if (barrier2.await() == N / 2) {
                barrier.reset();
            }
            barrier2.await();
            barrier.await();
            results3.add(true);
        });
        assertEquals(0, results1.size());
        assertEquals(N - 1, results2.size());
        assertEquals(N, results3.size());
    }

    /** await(timeout) times out, breaking the barrier for everyone. */
    @Test
    void testTimeout() {
        runThreads(() -> {
            int i = barrier.await();
            if (i == N / 2) {
                // one thread is late: CPython sleeps half the default timeout; we wait for the others' timeout
                Threads.waitUntil(barrier::isBroken, "the others to time out");
            }
            // the default timeout is 2 s, so this is shorter
            assertThrows(BrokenBarrierError.class, () -> barrier.await(DEFAULT_TIMEOUT.dividedBy(4)));
        });
    }

    /** The barrier's default timeout applies when await has none. */
    @Test
    void testDefaultTimeout() {
        double timeout = 0.100;
        Barrier barrier = barriertype(2, null, seconds(timeout));
        long start = System.nanoTime();
        try (Bunch b = bunch(1, () -> assertThrows(BrokenBarrierError.class, barrier::await))) {
            assertNotNull(b);
        }
        assertTrue(secondsSince(start) >= timeout);
        assertTrue(barrier.isBroken());
    }

    @Test
    void testSingleThread() {
        Barrier b = barriertype(1);
        assertEquals(0, b.await());
        assertEquals(0, b.await());
    }

    @Test
    void testRepr() {
        Barrier barrier = barriertype(3);
        assertMatches("<Barrier at .*: waiters=0/3>", barrier);
        int n = 2;
        try (Bunch b = bunch(n, () -> barrier.await(Timeouts.LONG))) {
            Threads.waitUntil(() -> barrier.nWaiting() >= n, "threads blocked on barrier.await()");
            assertMatches("<Barrier at .*: waiters=2/3>", barrier);
            barrier.await(Timeouts.LONG); // threads unblocked
        }
        assertMatches("<Barrier at .*: waiters=0/3>", barrier);
        barrier.abort();
        assertMatches("<Barrier at .*: broken>", barrier);
    }

    static void assertMatches(String regex, Object o) {
        assertTrue(Pattern.compile(regex).matcher(o.toString()).find(), () -> o + " !~ " + regex);
    }

    // ---- beyond CPython -----------------------------------------------------------------------------------------

    /** The action's exception reaches the last arriver unchanged; the others get BrokenBarrierError. */
    @Test
    void testActionThrows() {
        class Boom extends RuntimeException {}
        Barrier barrier = barriertype(3, () -> {
            throw new Boom();
        }, null);
        List<Class<?>> thrown = new CopyOnWriteArrayList<>();
        try (Bunch b = bunch(3, () -> {
            try {
                barrier.await();
            } catch (RuntimeException e) {
                thrown.add(e.getClass());
            }
        })) {
            assertNotNull(b);
        }
        assertEquals(1, thrown.stream().filter(c -> c == Boom.class).count());
        assertEquals(2, thrown.stream().filter(c -> c == BrokenBarrierError.class).count());
        assertTrue(barrier.isBroken());
        assertThrows(BrokenBarrierError.class, barrier::await, "late arrivals too");
        barrier.reset();
        assertFalse(barrier.isBroken());
    }

    /** Zero and negative timeouts break the barrier at once unless the caller is the last to arrive. */
    @Test
    void testZeroTimeout() {
        Barrier b1 = barriertype(1);
        assertEquals(0, b1.await(Duration.ZERO), "the last arriver never waits");
        assertEquals(0, b1.await(Duration.ofSeconds(-1)));
        assertEquals(0, b1.await(Threading.TIMEOUT_MAX.plusSeconds(1)), "nor converts its timeout");
        Barrier b2 = barriertype(2);
        assertThrows(BrokenBarrierError.class, () -> b2.await(Duration.ZERO));
        assertTrue(b2.isBroken());
        Barrier b3 = barriertype(2);
        assertThrows(BrokenBarrierError.class, () -> b3.await(Duration.ofSeconds(-1)));
        Barrier b4 = barriertype(2);
        var e = assertThrows(ArithmeticException.class, () -> b4.await(Threading.TIMEOUT_MAX.plusNanos(1)));
        assertEquals("timeout value is too large", e.getMessage());
    }

    /** A per-call timeout overrides the constructor's default. */
    @Test
    void testCallTimeoutOverridesDefault() {
        Barrier b = barriertype(2, null, Duration.ofMillis(1));
        try (Bunch bunch = bunch(1, () -> assertEquals(0, b.await(Timeouts.LONG)))) {
            Threads.waitUntil(() -> b.nWaiting() == 1, "the first party");
            waitParkedOn(b, bunch.threads());
            assertEquals(1, b.await(Timeouts.LONG));
        }
    }

    /** An interrupted waiter breaks the barrier (as CyclicBarrier), keeps its status and throws unchecked. */
    @Test
    void testAwaitInterrupted() {
        checkAwaitInterrupted(Barrier::await);
        checkAwaitInterrupted(b -> b.await(Duration.ofMinutes(10)));
    }

    private void checkAwaitInterrupted(java.util.function.ToIntFunction<Barrier> await) {
        Barrier b = barriertype(3);
        AtomicReference<Object> outcome = new AtomicReference<>();
        List<Class<?>> others = new CopyOnWriteArrayList<>();
        Thread t = start(() -> {
            try {
                await.applyAsInt(b);
                outcome.set("returned");
            } catch (UncheckedInterruptedException e) {
                outcome.set(Thread.currentThread().isInterrupted());
            }
        });
        try (Bunch bunch = bunch(1, () -> others.add(assertThrows(BrokenBarrierError.class, b::await).getClass()))) {
            waitParkedOn(b, List.of(t, bunch.threads().get(0)));
            t.interrupt();
            Threads.join(t);
        }
        assertEquals(true, outcome.get());
        assertEquals(List.of(BrokenBarrierError.class), others);
        assertTrue(b.isBroken());
    }

    /** Indices follow arrival: the first thread to arrive gets 0, the last parties-1 (and runs the action). */
    @Test
    void testIndexByArrival() {
        AtomicReference<Thread> actionThread = new AtomicReference<>();
        Barrier b = barriertype(3, () -> actionThread.set(Thread.currentThread()), null);
        List<Integer> indices = new CopyOnWriteArrayList<>(List.of(-1, -1));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int arrival = i;
            threads.add(start(() -> indices.set(arrival, b.await())));
            Threads.waitUntil(() -> b.nWaiting() == arrival + 1, "arrival " + arrival);
        }
        assertEquals(2, b.await());
        assertSame(Thread.currentThread(), actionThread.get());
        threads.forEach(Threads::join);
        assertEquals(List.of(0, 1), indices);
    }

    /** With the interrupt status set on entry, await does not arrive at all. */
    @Test
    void testAwaitInterruptedOnEntry() {
        Barrier b = barriertype(2);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = start(() -> {
            Thread.currentThread().interrupt();
            try {
                b.await();
                outcome.set("returned");
            } catch (UncheckedInterruptedException e) {
                outcome.set(b.nWaiting());
            }
        });
        Threads.join(t);
        assertEquals(0, outcome.get());
        assertFalse(b.isBroken());
    }

    /** Waiters park on the barrier (for thread dumps); parties() and nWaiting() report the round. */
    @Test
    void testAccessors() {
        Barrier b = barriertype(3);
        assertEquals(3, b.parties());
        try (Bunch bunch = bunch(2, b::await)) {
            waitParkedOn(b, bunch.threads());
            assertEquals(2, b.nWaiting());
            assertSame(b, LockObserver.blockedOn(bunch.threads().get(0)));
            b.await();
        }
        assertEquals(0, b.nWaiting());
    }
}
