package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Port of CPython's {@code lock_tests.BoundedSemaphoreTests}. */
abstract class BoundedSemaphoreTests extends BaseSemaphoreTests {

    @Test
    void testReleaseUnacquired() {
        // cannot go past the initial value
        Semaphore sem = semtype();
        var e = assertThrows(IllegalArgumentException.class, sem::release);
        assertEquals("Semaphore released too many times", e.getMessage());
        sem.acquire();
        sem.release();
        assertThrows(IllegalArgumentException.class, sem::release);
    }

    @Test
    void testRepr() {
        Semaphore sem = semtype(3);
        SemaphoreTests.assertMatches("<BoundedSemaphore at .*: value=3/3>", sem);
        sem.acquire();
        SemaphoreTests.assertMatches("<BoundedSemaphore at .*: value=2/3>", sem);
    }

    // ---- beyond CPython -----------------------------------------------------------------------------------------

    /** Over-release is all-or-nothing for n, and the n < 1 check comes first. */
    @Test
    void testMultireleaseAllOrNothing() {
        Semaphore sem = semtype(3);
        sem.acquire();
        sem.acquire();
        var e = assertThrows(IllegalArgumentException.class, () -> sem.release(3));
        assertEquals("Semaphore released too many times", e.getMessage());
        assertEquals(1, sem.value(), "counter unchanged");
        e = assertThrows(IllegalArgumentException.class, () -> sem.release(0));
        assertEquals("n must be one or more", e.getMessage());
        sem.release(2);
        assertEquals(3, sem.value());
        assertThrows(IllegalArgumentException.class, () -> semtype(0).release());
    }
}
