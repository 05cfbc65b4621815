package io.github.threading4j.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * CPython's {@code lock_tests.Bunch}: starts {@code n} threads of one kind running the same body, waits until
 * all have started, and on {@link #close()} joins them and rethrows the first failure (the others are added
 * as suppressed). Use with try-with-resources:
 *
 * <pre>{@code
 * try (var bunch = Bunch.start(ThreadKind.VIRTUAL, 5, () -> lock.acquire())) {
 *     Threads.waitBlocked(bunch.threads());
 *     ...
 * }
 * }</pre>
 */
public final class Bunch implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final CountDownLatch started;
    private final CountDownLatch finished;

    private Bunch(ThreadKind kind, int n, Runnable body) {
        started = new CountDownLatch(n);
        finished = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            threads.add(kind.unstarted(() -> {
                started.countDown();
                try {
                    body.run();
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    finished.countDown();
                }
            }));
        }
    }

    /** Starts {@code n} threads of {@code kind} running {@code body} and waits until every one has started. */
    public static Bunch start(ThreadKind kind, int n, Runnable body) {
        Bunch b = new Bunch(kind, n, body);
        b.threads.forEach(Thread::start);
        Threads.await(b.started, "threads to start");
        return b;
    }

    public List<Thread> threads() {
        return threads;
    }

    /** How many bodies have returned or thrown so far. */
    public int finishedCount() {
        return threads.size() - (int) finished.getCount();
    }

    /** Waits until every body has finished; fails the test after {@link Timeouts#LONG}. */
    public void awaitFinished() {
        Threads.await(finished, "threads to finish");
    }

    /** Joins every thread and rethrows the first failure of any body. */
    @Override
    public void close() {
        awaitFinished();
        for (Thread t : threads) {
            Threads.join(t);
        }
        Throwable first = null;
        for (Throwable t : failures) {
            if (first == null) {
                first = t;
            } else {
                first.addSuppressed(t);
            }
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new AssertionError(first);
        }
    }

}
