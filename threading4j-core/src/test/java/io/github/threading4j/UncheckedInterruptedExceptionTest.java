package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UncheckedInterruptedExceptionTest {

    /** restore() sets the interrupt status again and keeps the InterruptedException as the cause. */
    @Test
    void restoreKeepsStatusAndCause() {
        InterruptedException cause = new InterruptedException();
        try {
            UncheckedInterruptedException e = UncheckedInterruptedException.restore(cause);
            assertSame(cause, e.getCause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
