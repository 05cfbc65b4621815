package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Port of CPython's {@code lock_tests.SemaphoreTests}: unbounded semaphores. */
abstract class SemaphoreTests extends BaseSemaphoreTests {

    @Test
    void testReleaseUnacquired() {
        // unbounded releases are allowed and increment the semaphore's value
        Semaphore sem = semtype(1);
        sem.release();
        sem.acquire();
        sem.acquire();
        sem.release();
        assertEquals(1, sem.value());
    }

    @Test
    void testRepr() {
        Semaphore sem = semtype(3);
        assertMatches("<Semaphore at .*: value=3>", sem);
        sem.acquire();
        assertMatches("<Semaphore at .*: value=2>", sem);
        sem.release();
        sem.release();
        assertMatches("<Semaphore at .*: value=4>", sem);
    }

    static void assertMatches(String regex, Object o) {
        assertTrue(Pattern.compile(regex).matcher(o.toString()).find(), () -> o + " !~ " + regex);
    }
}
