package io.github.threading4j.futures;

import io.github.threading4j.Threading;
import io.github.threading4j.UncheckedInterruptedException;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 *
 * <p>Cost. Without a bound, a task costs what it costs the JDK's executor plus the threading4j {@link Future}
 * and the thread's name: the threads are started by {@link Executors#newThreadPerTaskExecutor}, whose set of
 * live threads is all that is kept per task (it also groups them under one container in JDK thread dumps),
 * and the task is the thread's body, with nothing around it. So, unlike the mapping (which lists executor
 * workers in {@link Threading#enumerate()}), the threads of an executor without a bound are not listed
 * there: listing them needs a wrapper around each task in its thread, and with one (which also named the
 * thread) a fan-out of 100,000 tasks of 100 ms grew the RSS by about 100 MiB more (1.3x to 1.5x the JDK's
 * growth instead of 0.8x to 1.1x) and took 1.26x the JDK's time instead of 1.09x (medians of 3 runs on 2
 * busy CPUs). With {@code maxConcurrency}, which needs that wrapper anyway, they are listed while they
 * run their task. {@code shutdownNow()} (also {@code close()} interrupted) interrupts the threads as the JDK's
 * executor does, so a thread that has completed its task's future but is still running its done-callbacks
 * can see the interrupt. With {@code maxConcurrency}, tasks are also counted, since pending ones have no
 * thread yet.
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
        List<Task<?>> removed = core.shutdownNow();
        for (Task<?> t : removed) {
            t.cancel();
            t.discard();
        }
        core.finishedPending(removed.size());
        cleanable.clean();
        return new ArrayList<>(removed);
    }

    @Override
    public boolean isShutdown() {
        return core.shutdown;
    }

    @Override
    public boolean isTerminated() {
        return core.isTerminated();
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

    /**
     * Shows the state, e.g. {@code <VirtualThreadExecutor at 0x…: maxConcurrency=5 active=7 pending=2>};
     * without a bound, {@code <VirtualThreadExecutor at 0x…: maxConcurrency=none>} (no task count is kept).
     */
    @Override
    public String toString() {
        return "<VirtualThreadExecutor at 0x" + Integer.toHexString(System.identityHashCode(this)) + ": maxConcurrency="
                + (core.maxConcurrency == 0 ? "none"
                        : core.maxConcurrency + " active=" + core.active.get() + " pending=" + core.pending.size())
                + (core.isTerminated() ? " terminated" : core.shutdown ? " shutdown" : "") + ">";
    }

    /**
     * The executor's state; never references the executor (D10).
     *
     * <p>What a task costs. The threads are started by a JDK thread-per-task executor ({@link #threads}): its
     * set of live threads (one {@code ConcurrentHashMap} add and remove per task, which also shows them as one
     * thread container in JDK thread dumps) is all the submitter-side bookkeeping of the unbounded path:
     * termination and {@code shutdownNow}'s interrupts are its. A thread started directly would land in the
     * JVM's root container set instead, and any set of our own would be a second one. The task
     * is the thread's body itself, with nothing around it (each frame around it would stay on every parked
     * thread's stack). The own-thread check of {@code shutdown(wait)} and {@code close} asks the thread's
     * uncaught-exception handler, which is this core, instead of looking the thread up. With
     * {@code maxConcurrency} the tasks are also counted ({@link #active}), because pending tasks have no
     * thread yet, and a wrapper around each task frees its slot and lists the thread in enumerate().
     */
    static final class Core implements ExitHook.Pool, Thread.UncaughtExceptionHandler {
        final int maxConcurrency; // 0: unbounded
        /** {@code <prefix>_}: the names' common part. */
        private final String namePrefix;
        /** n of the next thread's name {@code <prefix>_<n>}. */
        private final AtomicLong threadNumber = new AtomicLong();
        /** Starts one virtual thread per task and keeps the set of those alive. */
        private final ExecutorService threads;
        /** Free run slots when bounded. */
        private final AtomicInteger permits;
        /** Bounded only: tasks waiting for a slot, FIFO. */
        final ConcurrentLinkedQueue<Task<?>> pending = new ConcurrentLinkedQueue<>();
        /** Bounded only: tasks accepted and not yet ended (pending included); terminated = shutdown && 0. */
        final AtomicLong active = new AtomicLong();
        private final ReentrantLock mainLock = new ReentrantLock();
        private final Condition termination = mainLock.newCondition();
        volatile boolean shutdown;
        /** Bounded only (unbounded: {@code threads.isTerminated()}). */
        private volatile boolean terminated;

        Core(int maxConcurrency, String prefix) {
            this.maxConcurrency = maxConcurrency;
            this.namePrefix = prefix + "_";
            this.permits = new AtomicInteger(maxConcurrency);
            ThreadFactory unnamed = Thread.ofVirtual().uncaughtExceptionHandler(this).factory();
            this.threads = Executors.newThreadPerTaskExecutor(body -> {
                Thread t = unnamed.newThread(body);
                t.setName(namePrefix + threadNumber.getAndIncrement());
                return t;
            });
            ExitHook.register(this);
        }

        void enqueue(Task<?> task) {
            if (shutdown || ExitHook.interpreterShutdown) {
                throw rejected();
            }
            if (maxConcurrency == 0) {
                // A racing shutdown is caught by the JDK executor: it refuses, or it counts the thread.
                start(task);
                return;
            }
            active.incrementAndGet();
            if (shutdown || ExitHook.interpreterShutdown) { // a racing shutdown may not have counted this task
                taskEnded();
                throw rejected();
            }
            pending.offer(task);
            drain();
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
                    skip(t);
                    continue;
                }
                start(t);
            }
        }

        /** Ends a bounded task that will never run: cancelled while pending, or refused after shutdownNow. */
        private void skip(Task<?> t) {
            t.setRunningOrNotifyCancel();
            t.discard();
            permits.incrementAndGet();
            taskEnded();
        }

        private void start(Task<?> task) {
            try {
                // Unbounded, the task itself is the thread's body: no wrapper frame on each parked stack.
                threads.execute(maxConcurrency == 0 ? task : () -> runBounded(task));
            } catch (RejectedExecutionException e) {
                // The thread executor was shut down since the check: unbounded, by a shutdown the submit
                // lost the race to; bounded, only by shutdownNow, which halts what has not started.
                task.discard();
                if (maxConcurrency == 0) {
                    throw rejected();
                }
                task.cancel();
                skip(task);
            } catch (Throwable e) {
                task.complete(e, true);
                if (maxConcurrency != 0) {
                    slotFreed();
                    taskEnded();
                }
                throw e;
            }
        }

        private void runBounded(Task<?> task) {
            try {
                Threading.runListed(task); // listed by Threading.enumerate() while the task runs (mapping §2.9)
            } finally {
                slotFreed();
                taskEnded();
            }
        }

        /** Our threads' handler: an exception escaping a task's thread (a callback's Error) goes to excepthook. */
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            Threading.invokeExcepthook(e, t);
        }

        private void slotFreed() {
            permits.incrementAndGet();
            drain();
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
                    threads.shutdown(); // no task left to start; lets its threads container end
                    termination.signalAll();
                    ExitHook.unregister(this);
                }
            } finally {
                mainLock.unlock();
            }
        }

        List<Task<?>> shutdown(boolean removePending) {
            shutdown = true;
            if (maxConcurrency == 0) {
                threads.shutdown();
                return List.of();
            }
            List<Task<?>> removed = new ArrayList<>();
            if (removePending) {
                for (Task<?> t; (t = pending.poll()) != null; ) {
                    removed.add(t);
                }
            }
            tryTerminate();
            return removed;
        }

        /** Shuts down, removes the pending tasks (returned), interrupts the running ones (D9). */
        List<Task<?>> shutdownNow() {
            List<Task<?>> removed = shutdown(true);
            threads.shutdownNow();
            return removed;
        }

        boolean isTerminated() {
            return maxConcurrency == 0 ? threads.isTerminated() : terminated;
        }

        /** Whether {@code thread} is one of this executor's (its handler is this core). */
        boolean isRunningIn(Thread thread) {
            return thread.isVirtual() && thread.getUncaughtExceptionHandler() == this;
        }

        boolean awaitTermination(long nanos) throws InterruptedException {
            if (maxConcurrency == 0) {
                boolean done = threads.awaitTermination(nanos, TimeUnit.NANOSECONDS);
                if (done) {
                    ExitHook.unregister(this);
                }
                return done;
            }
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
            while (!isTerminated()) {
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

        @Override
        public boolean finished() {
            return isTerminated();
        }
    }
}
