package io.github.threading4j.support;

import java.time.Duration;

/**
 * The one scaled timeout of the test suite: long enough that it fires only on a real hang, never on a slow
 * machine (scale it with {@code -Dthreading4j.test.timeoutFactor=N}).
 */
public final class Timeouts {
    private static final double FACTOR = Double.parseDouble(System.getProperty("threading4j.test.timeoutFactor", "1"));

    /** CPython's {@code support.LONG_TIMEOUT}: a bound on waits that should end by themselves. */
    public static final Duration LONG = Duration.ofMillis((long) (60_000 * FACTOR));

    /** CPython's {@code support.SHORT_TIMEOUT}. */
    public static final Duration SHORT = Duration.ofMillis((long) (30_000 * FACTOR));

    private Timeouts() {}
}
