package io.github.threading4j;

import java.time.Duration;

/**
 * Timeout conversions shared by the primitives of this package (mapping §1.4): a {@link Duration} becomes
 * nanoseconds of one total deadline on {@link System#nanoTime()}.
 */
final class Timeouts {
    private Timeouts() {}

    /**
     * Nanoseconds of {@code timeout}, which is not {@code null}: negative durations become 0; longer than
     * {@link Threading#TIMEOUT_MAX} → {@code ArithmeticException("timeout value is too large")} (Python's
     * {@code OverflowError}). Call it only where CPython converts the timeout (see each caller).
     */
    static long toNanos(Duration timeout) {
        if (timeout.isNegative()) {
            return 0L;
        }
        if (timeout.compareTo(Threading.TIMEOUT_MAX) > 0) {
            throw new ArithmeticException("timeout value is too large");
        }
        return timeout.toNanos();
    }

    /** Rejects a negative timeout of the lock family: {@code "timeout value must be a non-negative number"}. */
    static void checkLockTimeout(boolean blocking, Duration timeout) {
        if (timeout == null) {
            return;
        }
        if (!blocking) {
            throw new IllegalArgumentException("can't specify a timeout for a non-blocking call");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout value must be a non-negative number");
        }
        toNanos(timeout); // Lock/RLock convert while parsing arguments: OverflowError even on a free lock
    }

    /** The address part of CPython's repr: {@code 0x} and the identity hash in hex. */
    static String address(Object o) {
        return "0x" + Integer.toHexString(System.identityHashCode(o));
    }
}
