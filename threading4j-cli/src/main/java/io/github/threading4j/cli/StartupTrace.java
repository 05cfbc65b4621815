package io.github.threading4j.cli;

/**
 * Where start-up time goes, for measuring it: with {@code -Dthreading4j.trace.startup} each mark prints
 * the milliseconds since the process started (as the operating system recorded it) to standard error.
 * Without the property a mark costs one static boolean test.
 */
final class StartupTrace {
    private static final boolean ON = System.getProperty("threading4j.trace.startup") != null;
    private static final long START_MILLIS = ON
            ? ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L) : 0;

    private StartupTrace() {}

    static void mark(String what) {
        if (ON) {
            System.err.printf("startup: %5d ms  %s%n", System.currentTimeMillis() - START_MILLIS, what);
        }
    }
}
