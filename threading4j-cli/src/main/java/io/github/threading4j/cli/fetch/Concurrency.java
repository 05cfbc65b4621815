package io.github.threading4j.cli.fetch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The seam through which the fetcher gets its threads and its in-flight cap: an {@link ExecutorService}
 * (a virtual thread per URL, or a bounded pool of platform workers) and a counting semaphore.
 *
 * <p>The JDK's types serve until threading4j's own {@code futures.VirtualThreadExecutor},
 * {@code futures.ThreadPoolExecutor} and {@code Semaphore} land; then only this class changes.
 */
final class Concurrency {
    private Concurrency() {}

    /** Virtual threads, one per URL (workers == 0), or a pool of {@code workers} platform threads. */
    static ExecutorService executor(int workers) {
        if (workers <= 0) {
            return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fetch-", 1).factory());
        }
        return Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("fetch-worker-", 1).factory());
    }

    /** A counting permit pool of {@code n}, handed out first come, first served. */
    static Semaphore permits(int n) {
        return new Semaphore(n, true);
    }
}
