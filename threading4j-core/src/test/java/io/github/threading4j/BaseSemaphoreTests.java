package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Port of CPython's {@code lock_tests.BaseSemaphoreTests}: common tests for bounded and unbounded semaphores,
 * plus argument, timeout and interrupt rules (mapping §1.4–§1.6).
 */
abstract class BaseSemaphoreTests extends BaseTestCase {

    /** CPython's {@code semtype(value)}. */
    abstract Semaphore semtype(int value);

    /** CPython's {@code semtype()}: the default value. */
    abstract Semaphore semtype();

    @Test
    void testConstructor() {
        var e = assertThrows(IllegalArgumentException.class, () -> semtype(-1));
        assertEquals("semaphore initial value must be >= 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> semtype(Integer.MIN_VALUE));
    }

    @Test
    void testAcquire() {
        Semaphore sem = semtype(1);
        assertTrue(sem.acquire());
        sem.release();
        sem = semtype(2);
        assertTrue(sem.acquire());
        assertTrue(sem.acquire());
        sem.release();
        sem.release();
        assertEquals(2, sem.value());
    }

    /** Shared body of testAcquireContended and testMultirelease: three phases of releases. */
    private void checkContended(boolean multirelease) {
        int semValue = 7;
        Semaphore sem = semtype(semValue);
        sem.acquire();
        List<Boolean> semResults = new CopyOnWriteArrayList<>();
        List<Integer> results1 = new CopyOnWriteArrayList<>();
        List<Integer> results2 = new CopyOnWriteArrayList<>();
        int[] phaseNum = {0};
        Object phaseLock = new Object(); // phaseNum is read by workers: publish it
        Runnable func = () -> {
            semResults.add(sem.acquire());
            synchronized (phaseLock) {
                results1.add(phaseNum[0]);
            }
            semResults.add(sem.acquire());
            synchronized (phaseLock) {
                results2.add(phaseNum[0]);
            }
        };
        try (Bunch b = bunch(10, func)) {
            // phase 0
            int count1 = semValue - 1;
            waitCount(results1, results2, count1);
            assertEquals(Collections.nCopies(count1, 0), concat(results1, results2));
            // phase 1
            synchronized (phaseLock) {
                phaseNum[0] = 1;
            }
            int count2 = semValue;
            if (multirelease) {
                sem.release(count2);
            } else {
                for (int i = 0; i < count2; i++) {
                    sem.release();
                }
            }
            waitCount(results1, results2, count1 + count2);
            assertEquals(phases(count1, count2, 0), sorted(concat(results1, results2)));
            // phase 2
            synchronized (phaseLock) {
                phaseNum[0] = 2;
            }
            int count3 = semValue - 1;
            if (multirelease) {
                sem.release(count3);
            } else {
                for (int i = 0; i < count3; i++) {
                    sem.release();
                }
            }
            waitCount(results1, results2, count1 + count2 + count3);
            assertEquals(phases(count1, count2, count3), sorted(concat(results1, results2)));
            // the semaphore is still locked
            assertFalse(sem.acquire(false));
            // final release, to let the last thread finish
            sem.release();
            assertNotNull(b);
        }
        assertEquals(Collections.nCopies(20, true), semResults);
    }

    private static void waitCount(List<Integer> r1, List<Integer> r2, int count) {
        Threads.waitUntil(() -> r1.size() + r2.size() >= count, count + " acquisitions");
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Integer> sorted(List<Integer> l) {
        List<Integer> s = new ArrayList<>(l);
        Collections.sort(s);
        return s;
    }

    private static List<Integer> phases(int n0, int n1, int n2) {
        List<Integer> l = new ArrayList<>(Collections.nCopies(n0, 0));
        l.addAll(Collections.nCopies(n1, 1));
        l.addAll(Collections.nCopies(n2, 2));
        return l;
    }

    @Test
    void testAcquireContended() {
        checkContended(false);
    }

    @Test
    void testMultirelease() {
        checkContended(true);
    }

    @Test
    void testTryAcquire() {
        Semaphore sem = semtype(2);
        assertTrue(sem.acquire(false));
        assertTrue(sem.acquire(false));
        assertFalse(sem.acquire(false));
        sem.release();
        assertTrue(sem.acquire(false));
    }

    @Test
    void testTryAcquireContended() {
        Semaphore sem = semtype(4);
        sem.acquire();
        List<Boolean> results = new CopyOnWriteArrayList<>();
        try (Bunch b = bunch(5, () -> {
            results.add(sem.acquire(false));
            results.add(sem.acquire(false));
        })) {
            assertNotNull(b);
        }
        List<Boolean> s = new ArrayList<>(results);
        Collections.sort(s);
        List<Boolean> expected = new ArrayList<>(Collections.nCopies(7, false));
        expected.addAll(Collections.nCopies(3, true));
        assertEquals(expected, s);
    }

    @Test
    void testAcquireTimeout() {
        Semaphore sem = semtype(2);
        var e = assertThrows(IllegalArgumentException.class, () -> sem.acquire(false, Duration.ofSeconds(1)));
        assertEquals("can't specify timeout for non-blocking acquire", e.getMessage());
        assertTrue(sem.acquire(Duration.ofMillis(5)));
        assertTrue(sem.acquire(Duration.ofMillis(5)));
        assertFalse(sem.acquire(Duration.ofMillis(5)));
        sem.release();
        assertTrue(sem.acquire(Duration.ofMillis(5)));
        long t = System.nanoTime();
        assertFalse(sem.acquire(Duration.ofMillis(500)));
        assertTimeout(secondsSince(t), 0.5);
    }

    @Test
    void testDefaultValue() {
        Semaphore sem = semtype(); // the default initial value is 1
        sem.acquire();
        Bunch b = bunch(1, () -> {
            sem.acquire();
            sem.release();
        });
        try (b) {
            Threads.waitBlocked(b.threads()); // thread blocked on sem.acquire()
            assertEquals(0, b.finishedCount());
            sem.release(); // thread unblocked
        }
        assertEquals(1, b.finishedCount());
    }

    @Test
    void testWith() {
        Semaphore sem = semtype(2);
        class Boom extends RuntimeException {}
        Runnable withSem = () -> {
            try (var held = sem.hold()) {
                assertTrue(sem.acquire(false));
                sem.release();
                try (var inner = sem.hold()) {
                    assertFalse(sem.acquire(false));
                }
            }
        };
        withSem.run();
        assertTrue(sem.acquire(false));
        sem.release();
        assertThrows(Boom.class, () -> {
            try (var held = sem.hold()) {
                try (var inner = sem.hold()) {
                    throw new Boom();
                }
            }
        });
        assertTrue(sem.acquire(false));
        sem.release();
        assertEquals(2, sem.value());
    }

    // ---- beyond CPython -----------------------------------------------------------------------------------------

    /** release(n) rejects n < 1 with CPython's message, before anything else. */
    @Test
    void testReleaseArgument() {
        Semaphore sem = semtype(1);
        for (int n : new int[] {0, -1, Integer.MIN_VALUE}) {
            var e = assertThrows(IllegalArgumentException.class, () -> sem.release(n));
            assertEquals("n must be one or more", e.getMessage());
        }
        assertEquals(1, sem.value());
    }

    /** Zero and negative timeouts try once; too large a timeout fails only when it would wait. */
    @Test
    void testTimeoutArguments() {
        Semaphore sem = semtype(1);
        assertTrue(sem.acquire(Duration.ofSeconds(Long.MAX_VALUE)), "a free permit: no conversion, no error");
        assertFalse(sem.acquire(Duration.ZERO));
        assertFalse(sem.acquire(Duration.ofSeconds(-1)), "-1 does not mean forever here");
        var e = assertThrows(ArithmeticException.class, () -> sem.acquire(Threading.TIMEOUT_MAX.plusNanos(1)));
        assertEquals("timeout value is too large", e.getMessage());
        sem.release();
        assertTrue(sem.acquire(true, null));
    }

    /** An interrupt ends each blocking acquire: no permit taken, status kept, UncheckedInterruptedException. */
    @Test
    void testAcquireInterrupted() {
        List<java.util.function.Consumer<Semaphore>> calls = List.of(
                Semaphore::acquire, s -> s.acquire(true), s -> s.acquire(Duration.ofMinutes(10)),
                s -> s.acquire(true, null), Semaphore::hold);
        for (var call : calls) {
            Semaphore sem = semtype(1);
            sem.acquire();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> statusKept = new AtomicReference<>();
            Thread t = start(() -> {
                try {
                    call.accept(sem);
                } catch (Throwable x) {
                    thrown.set(x);
                }
                statusKept.set(Thread.currentThread().isInterrupted());
            });
            Threads.waitBlocked(t);
            t.interrupt();
            Threads.join(t);
            assertTrue(thrown.get() instanceof UncheckedInterruptedException, String.valueOf(thrown.get()));
            assertEquals(true, statusKept.get());
            sem.release();
            assertEquals(1, sem.value(), "no permit consumed");
        }
    }

    /** With the status set on entry a blocking acquire throws even with a free permit; acquire(false) does not. */
    @Test
    void testInterruptedOnEntry() {
        Semaphore sem = semtype(1);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = start(() -> {
            Thread.currentThread().interrupt();
            try {
                sem.acquire();
                result.set("no exception");
            } catch (UncheckedInterruptedException e) {
                boolean polled = sem.acquire(false);
                sem.release();
                result.set(List.of(polled, Thread.currentThread().isInterrupted()));
            }
        });
        Threads.join(t);
        assertEquals(List.of(true, true), result.get());
        assertEquals(1, sem.value());
    }

    /** Blocked acquirers are reported as waiting on the semaphore (for thread dumps). */
    @Test
    void testBlockedOnSemaphore() {
        Semaphore sem = semtype(1);
        sem.acquire();
        try (Bunch b = bunch(1, () -> {
            sem.acquire();
            sem.release();
        })) {
            Threads.waitBlocked(b.threads());
            assertEquals(sem, LockObserver.blockedOn(b.threads().get(0)));
            sem.release();
        }
    }
}
