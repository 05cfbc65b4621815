package io.github.threading4j.bench.jmh;

/**
 * Guards the thread-kind figures: under {@code -jvmArgsAppend -Djmh.executor=VIRTUAL} the benchmark
 * threads must be virtual, or every "virtual" figure would silently be a platform one. Called from
 * the trial set-up of the states whose figures depend on the thread kind (set-ups run on a
 * benchmark thread).
 */
final class ThreadKindCheck {
    private ThreadKindCheck() {}

    static void onBenchmarkThread() {
        boolean wantVirtual = "VIRTUAL".equalsIgnoreCase(System.getProperty("jmh.executor"));
        boolean isVirtual = Thread.currentThread().isVirtual();
        if (wantVirtual != isVirtual) {
            throw new IllegalStateException("jmh.executor=" + System.getProperty("jmh.executor")
                    + " but the benchmark runs on a " + (isVirtual ? "virtual" : "platform") + " thread");
        }
    }
}
