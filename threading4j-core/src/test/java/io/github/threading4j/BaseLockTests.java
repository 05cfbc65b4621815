package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Port of CPython's {@code lock_tests.BaseLockTests}: tests for recursive and non-recursive locks, run against
 * {@link Lock}, {@link RLock} and {@code new Condition()} by the subclasses, plus the interrupt rules of the
 * Python-named blocking calls (mapping §1.5), which CPython cannot test.
 */
abstract class BaseLockTests extends BaseTestCase {

    /** CPython's {@code locktype()}: a new lock of the type under test. */
    abstract LockLike locktype();

    static void assertReprMatches(String regex, Object o) {
        assertTrue(Pattern.compile(regex).matcher(o.toString()).find(), () -> o + " !~ " + regex);
    }

    @Test
    void testConstructor() {
        LockLike lock = locktype();
        assertFalse(lock.locked());
    }

    @Test
    void testRepr() {
        assertReprMatches("<unlocked .* object (.*)?at .*>", locktype());
    }

    @Test
    void testLockedRepr() {
        LockLike lock = locktype();
        lock.acquire();
        assertReprMatches("<locked .* object (.*)?at .*>", lock);
    }

    @Test
    void testAcquireRelease() {
        LockLike lock = locktype();
        assertTrue(lock.acquire());
        assertTrue(lock.locked());
        lock.release();
        assertFalse(lock.locked());
    }

    @Test
    void testTryAcquire() {
        LockLike lock = locktype();
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @Test
    void testTryAcquireContended() {
        LockLike lock = locktype();
        lock.acquire();
        List<Boolean> result = new CopyOnWriteArrayList<>();
        try (Bunch b = bunch(1, () -> result.add(lock.acquire(false)))) {
            assertNotNull(b);
        }
        assertFalse(result.get(0));
        lock.release();
    }

    @Test
    void testAcquireContended() {
        LockLike lock = locktype();
        lock.acquire();
        int n = 5;
        Bunch b = bunch(n, () -> {
            lock.acquire();
            lock.release();
        });
        try (b) {
            Threads.waitBlocked(b.threads()); // threads block on lock.acquire()
            assertEquals(0, b.finishedCount());
            lock.release(); // threads unblocked
        }
        assertEquals(n, b.finishedCount());
    }

    @Test
    void testWith() {
        LockLike lock = locktype();
        Runnable f = () -> {
            lock.acquire();
            lock.release();
        };
        try (var held = lock.hold()) {
            assertTrue(lock.locked());
        }
        try (Bunch b = bunch(1, f)) { // the lock is free again
            assertNotNull(b);
        }
        class Boom extends RuntimeException {}
        assertThrows(Boom.class, () -> {
            try (var held = lock.hold()) {
                throw new Boom();
            }
        });
        try (Bunch b = bunch(1, f)) { // released after the exception too
            assertNotNull(b);
        }
        assertFalse(lock.locked());
    }

    /**
     * Using a lock from threads not created by threading4j does not register them: they never show in
     * {@link Threading#enumerate()}, while running or after.
     */
    @Test
    void testThreadLeak() {
        LockLike lock = locktype();
        List<Thread> listed = new CopyOnWriteArrayList<>();
        Bunch b = bunch(15, () -> {
            lock.acquire();
            lock.release();
            try (var held = lock.hold()) {
                assertTrue(lock.locked());
            }
            if (Threading.enumerate().contains(Thread.currentThread())) {
                listed.add(Thread.currentThread());
            }
        });
        b.close();
        assertEquals(List.of(), listed);
        List<Thread> after = Threading.enumerate();
        assertTrue(b.threads().stream().noneMatch(after::contains), () -> "leaked into enumerate(): " + after);
    }

    @Test
    void testTimeout() {
        LockLike lock = locktype();
        // can't set a timeout if not blocking
        var e = assertThrows(IllegalArgumentException.class, () -> lock.acquire(false, Duration.ofSeconds(1)));
        assertEquals("can't specify a timeout for a non-blocking call", e.getMessage());
        // invalid timeout values
        e = assertThrows(IllegalArgumentException.class, () -> lock.acquire(Duration.ofSeconds(-100)));
        assertEquals("timeout value must be a non-negative number", e.getMessage());
        var o = assertThrows(ArithmeticException.class, () -> lock.acquire(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals("timeout value is too large", o.getMessage());
        assertThrows(ArithmeticException.class, () -> lock.acquire(Threading.TIMEOUT_MAX.plusNanos(1)));
        assertFalse(lock.locked(), "a rejected timeout acquires nothing");
        // TIMEOUT_MAX is ok
        assertTrue(lock.acquire(Threading.TIMEOUT_MAX));
        lock.release();
        long t1 = System.nanoTime();
        assertTrue(lock.acquire(Duration.ofSeconds(5)));
        assertTrue(secondsSince(t1) < 5, "did not wait for the timeout");
        List<Object> results = new CopyOnWriteArrayList<>();
        try (Bunch b = bunch(1, () -> {
            long t = System.nanoTime();
            results.add(lock.acquire(Duration.ofMillis(500)));
            results.add(secondsSince(t));
        })) {
            assertNotNull(b);
        }
        assertEquals(false, results.get(0));
        assertTimeout((Double) results.get(1), 0.5);
    }

    // ---- beyond CPython: interrupts (mapping §1.5) ----------------------------------------------------------------

    /** An interrupt ends a blocked acquire(): nothing acquired, status kept, UncheckedInterruptedException. */
    @Test
    void testAcquireInterrupted() {
        for (var call : BlockingAcquire.values()) {
            LockLike lock = locktype();
            lock.acquire();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> statusKept = new AtomicReference<>();
            Thread t = start(() -> {
                try {
                    call.acquire(lock);
                } catch (Throwable x) {
                    thrown.set(x);
                    statusKept.set(Thread.currentThread().isInterrupted());
                }
            });
            Threads.waitBlocked(t);
            t.interrupt();
            Threads.join(t);
            assertTrue(thrown.get() instanceof UncheckedInterruptedException, call + ": " + thrown.get());
            assertTrue(((UncheckedInterruptedException) thrown.get()).getCause() instanceof InterruptedException);
            assertEquals(true, statusKept.get(), call + " keeps the interrupt status");
            lock.release();
            assertFalse(lock.locked(), call + " acquired nothing");
        }
    }

    /** With the interrupt status set on entry, a blocking acquire throws even on a free lock; nothing is taken. */
    @Test
    void testAcquireInterruptedOnEntry() {
        for (var call : BlockingAcquire.values()) {
            LockLike lock = locktype();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> statusKept = new AtomicReference<>();
            Thread t = start(() -> {
                Thread.currentThread().interrupt();
                try {
                    call.acquire(lock);
                } catch (Throwable x) {
                    thrown.set(x);
                }
                statusKept.set(Thread.currentThread().isInterrupted());
            });
            Threads.join(t);
            assertTrue(thrown.get() instanceof UncheckedInterruptedException, call + ": " + thrown.get());
            assertEquals(true, statusKept.get());
            assertFalse(lock.locked(), call + " acquired nothing");
        }
    }

    /** Calls that cannot wait ignore the interrupt status (mapping §1.5). */
    @Test
    void testNonBlockingIgnoresInterrupt() {
        LockLike lock = locktype();
        AtomicReference<List<Boolean>> results = new AtomicReference<>();
        Thread t = start(() -> {
            Thread.currentThread().interrupt();
            boolean a = lock.acquire(false);
            lock.release();
            boolean b = lock.acquire(Duration.ZERO);
            lock.release();
            results.set(List.of(a, b, Thread.currentThread().isInterrupted()));
        });
        Threads.join(t);
        assertEquals(List.of(true, true, true), results.get());
    }

    /** hold() shares one handle per lock: no allocation per use. */
    @Test
    void testHoldReturnsSharedHandle() {
        LockLike lock = locktype();
        Held first;
        try (var held = lock.hold()) {
            first = held;
        }
        try (var held = lock.hold()) {
            assertSame(first, held);
        }
    }

    /** The blocking Python-named acquire calls, as the TCK's AcquireMethod. */
    enum BlockingAcquire {
        ACQUIRE {
            void acquire(LockLike l) { l.acquire(); }
        },
        ACQUIRE_BLOCKING {
            void acquire(LockLike l) { l.acquire(true); }
        },
        ACQUIRE_TIMEOUT {
            void acquire(LockLike l) { l.acquire(Duration.ofMinutes(10)); }
        },
        ACQUIRE_NULL_TIMEOUT {
            void acquire(LockLike l) { l.acquire(true, null); }
        },
        HOLD {
            void acquire(LockLike l) { l.hold(); }
        };

        abstract void acquire(LockLike l);
    }
}
