package io.github.threading4j.cli.fetch;

import io.github.threading4j.Semaphore;
import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.ThreadPoolExecutor;
import io.github.threading4j.futures.VirtualThreadExecutor;

/**
 * The seam through which the fetcher gets its threads and its caps, built on threading4j itself: a
 * {@link VirtualThreadExecutor} (a virtual thread per URL) or a {@link ThreadPoolExecutor} of platform
 * workers, and {@link Semaphore}s for the in-flight and per-origin caps. Both are JDK-shaped (an
 * {@link java.util.concurrent.ExecutorService}; a semaphore whose interrupted acquire throws the unchecked
 * {@link io.github.threading4j.UncheckedInterruptedException}), so this is the only class that names them.
 */
final class Concurrency {
    private Concurrency() {}

    /** Virtual threads, one per URL (workers == 0), or a pool of {@code workers} platform threads. */
    static Executor executor(int workers) {
        if (workers <= 0) {
            return VirtualThreadExecutor.builder().threadNamePrefix("fetch").build();
        }
        return ThreadPoolExecutor.builder().maxWorkers(workers).threadNamePrefix("fetch-worker").build();
    }

    /** A counting permit pool of {@code n}. */
    static Semaphore permits(int n, String name) {
        return new Semaphore(n, name);
    }
}
