package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Port of CPython's {@code lock_tests.RLockTests}: recursive locks, run against {@link RLock} and
 * {@code new Condition()}; the rows using CPython-private members run on {@code RLock} only.
 */
abstract class RLockTests extends BaseLockTests {

    /** The RLock under test; skips the test for bindings that are not an RLock. */
    RLock rlockOnly() {
        RLock r = locktype().rlock();
        assumeTrue(r != null, "RLock only");
        return r;
    }

    @Test
    void testReprCount() {
        LockLike lock = locktype();
        assertTrue(lock.toString().contains("count=0"), lock::toString);
        assertTrue(lock.toString().contains("<unlocked"), lock::toString);
        lock.acquire();
        lock.acquire();
        assertTrue(lock.toString().contains("count=2"), lock::toString);
        assertTrue(lock.toString().contains("<locked"), lock::toString);
        List<String> result = new CopyOnWriteArrayList<>();
        try (Bunch b = bunch(1, () -> result.add(lock.toString()))) {
            assertNotNull(b);
        }
        assertTrue(result.get(0).contains("count=2"), result.get(0));
        assertTrue(result.get(0).contains("<locked"), result.get(0));
    }

    @Test
    void testReacquire() {
        LockLike lock = locktype();
        lock.acquire();
        lock.acquire();
        lock.release();
        lock.acquire();
        lock.release();
        lock.release();
        assertFalse(lock.locked());
    }

    @Test
    void testReleaseUnacquired() {
        LockLike lock = locktype();
        var e = assertThrows(IllegalMonitorStateException.class, lock::release);
        assertEquals("cannot release un-acquired lock", e.getMessage());
        lock.acquire();
        lock.acquire();
        lock.release();
        lock.acquire();
        lock.release();
        lock.release();
        assertThrows(IllegalMonitorStateException.class, lock::release);
    }

    @Test
    void testLocked() {
        LockLike lock = locktype();
        assertFalse(lock.locked());
        lock.acquire();
        assertTrue(lock.locked());
        lock.acquire();
        assertTrue(lock.locked());
        lock.release();
        assertTrue(lock.locked());
        lock.release();
        assertFalse(lock.locked());
    }

    @Test
    void testLockedWith2threads() {
        LockLike rlock = locktype();
        List<Boolean> result = new CopyOnWriteArrayList<>();
        assertFalse(rlock.locked());
        try (Bunch b = bunch(1, () -> {
            result.add(rlock.locked());
            rlock.acquire();
            result.add(rlock.locked());
        })) {
            assertNotNull(b);
        }
        assertTrue(rlock.locked(), "acquired by another thread: still locked here");
        assertEquals(List.of(false, true), result);
    }

    @Test
    void testReleaseSaveUnacquired() {
        RLock lock = rlockOnly();
        var e = assertThrows(IllegalMonitorStateException.class, lock::releaseSave);
        assertEquals("cannot release un-acquired lock", e.getMessage());
        lock.acquire();
        lock.acquire();
        lock.release();
        lock.acquire();
        lock.release();
        lock.release();
        assertThrows(IllegalMonitorStateException.class, lock::releaseSave);
    }

    @Test
    void testRecursionCount() {
        RLock lock = rlockOnly();
        assertEquals(0, lock.getHoldCount());
        lock.acquire();
        assertEquals(1, lock.getHoldCount());
        lock.acquire();
        lock.acquire();
        assertEquals(3, lock.getHoldCount());
        lock.release();
        assertEquals(2, lock.getHoldCount());
        lock.release();
        lock.release();
        assertEquals(0, lock.getHoldCount());

        AtomicInteger phase = new AtomicInteger();
        CountDownLatch mayRelease = new CountDownLatch(1);
        Thread t = start(() -> {
            lock.acquire();
            phase.incrementAndGet();
            Threads.await(mayRelease, "phase 2");
            lock.release();
            phase.incrementAndGet();
        });
        Threads.waitUntil(() -> phase.get() == 1, "phase 1");
        assertEquals(0, lock.getHoldCount(), "another thread holds it: 0 here");
        mayRelease.countDown();
        Threads.waitUntil(() -> phase.get() == 2, "phase 2");
        assertEquals(0, lock.getHoldCount());
        Threads.join(t);
    }

    @Test
    void testDifferentThread() {
        LockLike lock = locktype();
        CountDownLatch mayExit = new CountDownLatch(1);
        try (Bunch b = bunch(1, () -> {
            lock.acquire();
            Threads.await(mayExit, "do_finish");
        })) {
            Threads.waitUntil(lock::locked, "the other thread to acquire");
            try {
                var e = assertThrows(IllegalMonitorStateException.class, lock::release);
                assertEquals("cannot release un-acquired lock", e.getMessage());
            } finally {
                mayExit.countDown();
            }
            assertNotNull(b);
        }
    }

    @Test
    void testIsOwned() {
        RLock lock = rlockOnly();
        assertFalse(lock.isHeldByCurrentThread());
        lock.acquire();
        assertTrue(lock.isHeldByCurrentThread());
        lock.acquire();
        assertTrue(lock.isHeldByCurrentThread());
        List<Boolean> result = new CopyOnWriteArrayList<>();
        try (Bunch b = bunch(1, () -> result.add(lock.isHeldByCurrentThread()))) {
            assertNotNull(b);
        }
        assertFalse(result.get(0));
        lock.release();
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
        assertFalse(lock.isHeldByCurrentThread());
    }

    // ---- beyond CPython -----------------------------------------------------------------------------------------

    /** The owner's acquire(false) and timed acquire succeed at once; arguments are still checked first. */
    @Test
    void testOwnerAcquireNeverWaits() {
        LockLike lock = locktype();
        lock.acquire();
        assertTrue(lock.acquire(false));
        assertTrue(lock.acquire(Duration.ZERO));
        assertTrue(lock.acquire(Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> lock.acquire(Duration.ofMillis(-1)));
        assertThrows(ArithmeticException.class, () -> lock.acquire(Threading.TIMEOUT_MAX.plusSeconds(1)));
        for (int i = 0; i < 4; i++) {
            lock.release();
        }
        assertFalse(lock.locked());
    }

    /** releaseSave() drops every level and acquireRestore() brings them back (Condition's hand-over). */
    @Test
    void testReleaseSaveAcquireRestore() {
        RLock lock = rlockOnly();
        lock.acquire();
        lock.acquire();
        lock.acquire();
        int saved = lock.releaseSave();
        assertEquals(3, saved);
        assertFalse(lock.locked());
        try (Bunch b = bunch(1, () -> {
            assertTrue(lock.acquire(false), "free for other threads meanwhile");
            lock.release();
        })) {
            assertNotNull(b);
        }
        lock.acquireRestore(saved);
        assertEquals(3, lock.getHoldCount());
        assertTrue(lock.toString().contains("count=3"));
    }
}
