package io.github.threading4j.futures;

import io.github.threading4j.Threading;

import java.time.Duration;

/** Timeout arithmetic shared by the package (futures.md §0, mapping §1.4). */
final class Deadline {
    private Deadline() {}

    /**
     * {@code timeout} (non-null) in nanoseconds; zero or negative means "do not wait". Called only where a
     * wait is needed, so an over-long timeout fails only then, as in CPython.
     *
     * @throws ArithmeticException "timeout value is too large" beyond {@link Threading#TIMEOUT_MAX}
     */
    static long nanos(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return 0L;
        }
        if (timeout.compareTo(Threading.TIMEOUT_MAX) > 0) {
            throw new ArithmeticException("timeout value is too large");
        }
        return timeout.toNanos();
    }

    /** An absolute deadline on System.nanoTime() for a non-null timeout, saturated far in the future. */
    static long deadline(Duration timeout) {
        long now = System.nanoTime();
        if (timeout.isNegative() || timeout.isZero()) {
            return now;
        }
        if (timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE / 2)) > 0) {
            return now + Long.MAX_VALUE / 2;
        }
        return now + timeout.toNanos();
    }
}
