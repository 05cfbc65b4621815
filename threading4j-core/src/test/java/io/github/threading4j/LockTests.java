package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Port of CPython's {@code lock_tests.LockTests}: non-recursive, owner-less locks. */
abstract class LockTests extends BaseLockTests {

    @Test
    void testReacquire() {
        LockLike lock = locktype();
        AtomicInteger phase = new AtomicInteger();
        Thread t = start(() -> {
            lock.acquire();
            phase.incrementAndGet();
            lock.acquire(); // blocks: the lock needs to be released before re-acquiring
            phase.incrementAndGet();
        });
        Threads.waitUntil(() -> phase.get() == 1, "phase 1");
        Threads.waitBlocked(t);
        assertEquals(1, phase.get());
        lock.release();
        Threads.waitUntil(() -> phase.get() == 2, "phase 2");
        Threads.join(t);
    }

    @Test
    void testDifferentThread() {
        LockLike lock = locktype();
        lock.acquire();
        try (Bunch b = bunch(1, lock::release)) { // released from a different thread
            assertNotNull(b);
        }
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @Test
    void testStateAfterTimeout() {
        LockLike lock = locktype();
        lock.acquire();
        assertFalse(lock.acquire(Duration.ofMillis(10)));
        lock.release();
        assertFalse(lock.locked());
        assertTrue(lock.acquire(false));
    }

    // ---- beyond CPython -----------------------------------------------------------------------------------------

    /** Releasing an unlocked Lock: IllegalMonitorStateException("release unlocked lock") (mapping §2.1). */
    @Test
    void testReleaseUnlocked() {
        LockLike lock = locktype();
        var e = assertThrows(IllegalMonitorStateException.class, lock::release);
        assertEquals("release unlocked lock", e.getMessage());
        lock.acquire();
        lock.release();
        assertThrows(IllegalMonitorStateException.class, lock::release);
    }
}
