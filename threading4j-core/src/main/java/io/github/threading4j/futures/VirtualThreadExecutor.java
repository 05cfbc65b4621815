package io.github.threading4j.futures;

import io.github.threading4j.UncheckedInterruptedException;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An {@link Executor} that runs each task in a new virtual thread (an extension, E1): the default for
 * I/O-bound fan-out, where CPython would need one platform thread per concurrent wait.
 *
 * <pre>{@code
 * // 10,000 slow requests at once, at most 200 in flight
 * try (var executor = new VirtualThreadExecutor(200)) {
 *     try (Results<Integer> codes = executor.map(url -> fetchStatus(url), urls)) {
 *         codes.forEach(System.out::println);
 *     }
 * }
 * }</pre>
 *
 * <p>Threads are named {@code <prefix>_<n>}, {@code n} counting tasks started from 0 (default prefix
 * {@code VirtualThreadExecutor-<k>}). With {@code maxConcurrency}, at most that many tasks run at once; the
 * others wait PENDING in FIFO order and can be cancelled. Everything else is as for
 * {@link ThreadPoolExecutor}: submit after shutdown is refused, {@code shutdown(wait, cancelFutures)},
 * {@code map}, {@code close}, and queued work finishing at JVM exit. There is no initializer. Compared with
 * {@link java.util.concurrent.Executors#newVirtualThreadPerTaskExecutor()}: the futures are threading4j
 * {@link Future}s, shutdown can cancel pending tasks, and the concurrency bound is built in.
 */
public class VirtualThreadExecutor extends AbstractExecutor {

    private static final AtomicInteger EXECUTOR_COUNTER = new AtomicInteger();

    private final Core core;
    private final Cleaner.Cleanable cleanable;

    /** One virtual thread per task, no bound. */
    public VirtualThreadExecutor() {
        this(builder());
    }

    /**
     * At most {@code maxConcurrency} tasks at once.
     *
     * @throws IllegalArgumentException "maxConcurrency must be greater than 0"
     */
    public VirtualThreadExecutor(int maxConcurrency) {
        this(builder().maxConcurrency(maxConcurrency));
    }

    private VirtualThreadExecutor(Builder b) {
        if (b.maxConcurrency != null && b.maxConcurrency <= 0) {
            throw new IllegalArgumentException("maxConcurrency must be greater than 0");
        }
        String prefix = b.threadNamePrefix == null || b.threadNamePrefix.isEmpty()
                ? "VirtualThreadExecutor-" + EXECUTOR_COUNTER.getAndIncrement()
                : b.threadNamePrefix;
        this.core = new Core(b.maxConcurrency == null ? 0 : b.maxConcurrency, prefix);
        this.cleanable = Futures.cleaner().register(this, core::collected);
    }

    /** A builder: {@code maxConcurrency}, {@code threadNamePrefix}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link VirtualThreadExecutor}. */
    public static final class Builder {
        private Integer maxConcurrency;
        private String threadNamePrefix;

        private Builder() {}

        /** At most this many tasks run at once (default: no bound). */
        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /** Threads are named {@code prefix_0}, {@code prefix_1}, ... */
        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** @throws IllegalArgumentException "maxConcurrency must be greater than 0" */
        public VirtualThreadExecutor build() {
            return new VirtualThreadExecutor(this);
        }
    }

    @Override
    void enqueue(Task<?> task) {
        core.enqueue(task);
    }

    @Override
    public void shutdown(boolean wait) {
        shutdown(wait, false);
    }

    @Override
    public void shutdown(boolean wait, boolean cancelFutures) {
        List<Task<?>> removed = core.shutdown(cancelFutures);
        for (Task<?> t : removed) {
            t.cancel();
            t.discard();
        }
        core.finishedPending(removed.size());
        cleanable.clean();
        if (wait) {
            if (core.isRunningIn(Thread.currentThread())) {
                throw new IllegalStateException("cannot join current thread");
            }
            try {
                core.awaitTermination(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                throw UncheckedInterruptedException.restore(e);
            }
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Task<?>> removed = core.shutdown(true);
        for (Task<?> t : removed) {
            t.cancel();
            t.discard();
        }
        core.finishedPending(removed.size());
        cleanable.clean();
        for (Task<?> t : core.running) {
            t.cancel(true);
        }
        return new ArrayList<>(removed);
    }

    @Override
    public boolean isShutdown() {
        return core.shutdown;
    }

    @Override
    public boolean isTerminated() {
        return core.terminated;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return core.awaitTermination(unit.toNanos(timeout));
    }

    @Override
    public void close() {
        if (core.isRunningIn(Thread.currentThread())) {
            shutdown(false);
            throw new IllegalStateException("cannot join current thread");
        }
        super.close();
    }

    /** The bound on concurrent tasks, or 0 when there is none. */
    public int maxConcurrency() {
        return core.maxConcurrency;
    }

    /** Shows the state, e.g. {@code <VirtualThreadExecutor at 0x…: maxConcurrency=5 active=7 pending=2>}. */
    @Override
    public String toString() {
        return "<VirtualThreadExecutor at 0x" + Integer.toHexString(System.identityHashCode(this)) + ": maxConcurrency="
                + (core.maxConcurrency == 0 ? "none" : core.maxConcurrency) + " active=" + core.active.get()
                + " pending=" + core.pending.size()
                + (core.terminated ? " terminated" : core.shutdown ? " shutdown" : "") + ">";
    }

    /** The executor's state; never references the executor (D10). */
    static final class Core implements ExitHook.Pool {
        final int maxConcurrency; // 0: unbounded
        private final ThreadFactory factory;
        /** Free run slots when bounded. */
        private final AtomicInteger permits;
        /** Bounded only: tasks waiting for a slot, FIFO. */
        final ConcurrentLinkedQueue<Task<?>> pending = new ConcurrentLinkedQueue<>();
        /** Tasks accepted and not yet ended (pending included); termination is shutdown && active == 0. */
        final AtomicLong active = new AtomicLong();
        /** Tasks whose thread is running them (for shutdownNow and the own-thread check). */
        final Set<Task<?>> running = ConcurrentHashMap.newKeySet();
        private final ReentrantLock mainLock = new ReentrantLock();
        private final Condition termination = mainLock.newCondition();
        volatile boolean shutdown;
        volatile boolean terminated;

        Core(int maxConcurrency, String prefix) {
            this.maxConcurrency = maxConcurrency;
            this.permits = new AtomicInteger(maxConcurrency);
            // The JDK builder, not Threading.virtualThreadFactory: registering each short-lived thread in
            // Threading.enumerate() would cost a concurrent-set insert and removal per task.
            this.factory = Thread.ofVirtual().name(prefix + "_", 0).factory();
            ExitHook.register(this);
        }

        void enqueue(Task<?> task) {
            if (shutdown || ExitHook.interpreterShutdown) {
                throw rejected();
            }
            active.incrementAndGet();
            if (shutdown || ExitHook.interpreterShutdown) { // a racing shutdown may not have counted this task
                taskEnded();
                throw rejected();
            }
            if (maxConcurrency == 0) {
                start(task);
            } else {
                pending.offer(task);
                drain();
            }
        }

        /** Starts pending tasks while slots are free (lock-free; re-checks after every change). */
        private void drain() {
            while (!pending.isEmpty()) {
                int p = permits.get();
                if (p <= 0) {
                    return;
                }
                if (!permits.compareAndSet(p, p - 1)) {
                    continue;
                }
                Task<?> t = pending.poll();
                if (t == null) {
                    permits.incrementAndGet();
                    continue;
                }
                if (t.cancelled()) { // never start a thread only to skip the task
                    t.setRunningOrNotifyCancel();
                    t.discard();
                    permits.incrementAndGet();
                    taskEnded();
                    continue;
                }
                start(t);
            }
        }

        private void start(Task<?> task) {
            Thread t;
            try {
                t = factory.newThread(() -> runTask(task));
                t.start();
            } catch (Throwable e) {
                task.complete(e, true);
                slotFreed();
                taskEnded();
                throw e;
            }
        }

        private void runTask(Task<?> task) {
            running.add(task);
            try {
                task.run();
            } finally {
                running.remove(task);
                slotFreed();
                taskEnded();
            }
        }

        private void slotFreed() {
            if (maxConcurrency != 0) {
                permits.incrementAndGet();
                drain();
            }
        }

        private void taskEnded() {
            if (active.decrementAndGet() == 0 && shutdown) {
                tryTerminate();
            }
        }

        /** Pending tasks removed by a shutdown no longer count as active. */
        void finishedPending(int n) {
            if (n > 0 && active.addAndGet(-n) == 0) {
                tryTerminate();
            }
        }

        private void tryTerminate() {
            mainLock.lock();
            try {
                if (!terminated && shutdown && active.get() == 0) {
                    terminated = true;
                    termination.signalAll();
                    ExitHook.unregister(this);
                }
            } finally {
                mainLock.unlock();
            }
        }

        List<Task<?>> shutdown(boolean removePending) {
            shutdown = true;
            List<Task<?>> removed = new ArrayList<>();
            if (removePending) {
                for (Task<?> t; (t = pending.poll()) != null; ) {
                    removed.add(t);
                }
            }
            tryTerminate();
            return removed;
        }

        boolean isRunningIn(Thread thread) {
            for (Task<?> t : running) {
                if (t.runner() == thread) {
                    return true;
                }
            }
            return false;
        }

        boolean awaitTermination(long nanos) throws InterruptedException {
            mainLock.lockInterruptibly();
            try {
                while (!terminated) {
                    if (nanos <= 0L) {
                        return false;
                    }
                    nanos = termination.awaitNanos(nanos);
                }
                return true;
            } finally {
                mainLock.unlock();
            }
        }

        void collected() {
            shutdown(false);
        }

        @Override
        public void beginExit() {
            shutdown(false);
        }

        @Override
        public void awaitExit() {
            boolean interrupted = false;
            while (!terminated) {
                try {
                    awaitTermination(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
