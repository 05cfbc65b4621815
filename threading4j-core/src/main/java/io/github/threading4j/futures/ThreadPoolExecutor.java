package io.github.threading4j.futures;

import io.github.threading4j.Threading;
import io.github.threading4j.UncheckedInterruptedException;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code concurrent.futures.ThreadPoolExecutor}: a pool of at most {@code maxWorkers} threads,
 * started lazily and reused when idle, fed by one unbounded FIFO queue.
 *
 * <pre>{@code
 * // the tutorials' "download many pages" with 5 workers
 * try (var pool = new ThreadPoolExecutor(5)) {
 *     List<Future<Integer>> sizes = urls.stream().map(u -> pool.submit(() -> download(u).length)).toList();
 *     for (Future<Integer> f : sizes) {
 *         System.out.println(f.result());
 *     }
 * }
 * }</pre>
 *
 * <p>How it differs from {@link java.util.concurrent.ThreadPoolExecutor}: a submit first reuses an idle
 * worker, then starts a new thread while fewer than {@code maxWorkers} were started, then queues (the JDK
 * grows past its core size only when the queue is full); the default size is CPython's
 * {@code min(32, availableProcessors() + 4)}; threads are named {@code <prefix>_<n>}
 * ({@code ThreadPoolExecutor-<k>_<n>} by default) and are daemons, yet queued work still runs at JVM exit
 * (one shutdown hook waits for it); a failing {@linkplain Builder#initializer initializer} breaks the pool
 * ({@link BrokenThreadPool}); an executor that becomes unreachable without being shut down is shut down.
 * {@code builder().threadFactory(Thread.ofVirtual().factory())} gives a bounded pool of virtual threads;
 * for one virtual thread per task use {@link VirtualThreadExecutor}.
 *
 * <p>Memory consistency: as {@link Executor}; tasks start in submission order (with one worker they run one
 * at a time, each one's callbacks finishing before the next starts).
 */
public class ThreadPoolExecutor extends AbstractExecutor {

    /*
     * Idle accounting (D8), exact. `idle` = workers in their idle phase minus claimed tasks still queued.
     * A worker enters the idle phase when, its task done, it finds the queue empty (before it publishes the
     * task's outcome, so whoever sees the future done also sees the worker idle) or when its poll comes back
     * empty. A submit claims an idle worker by decrementing `idle` (never below zero) and marks its task
     * claimed before queuing it; it starts a thread only when it claimed nobody. When a worker takes a task:
     *   idle phase + unclaimed task: idle--        (it stops being idle without anyone claiming it)
     *   idle phase + claimed task:   no change     (the claim was for it, or for an equivalent idle worker)
     *   busy       + claimed task:   idle++        (the claimed idle worker is still idle)
     *   busy       + unclaimed task: no change
     * Each rule keeps the equation, so `idle` never over-counts (gh-88354) and 3 sequential
     * submit().result() calls run on one thread (test_idle_thread_reuse).
     *
     * Shutdown (futures.md §4.4): one SENTINEL queued behind all work; a worker that takes it puts it back
     * and exits, so workers leave only after every earlier task was taken.
     */

    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();
    private static final String BROKEN_MESSAGE = "A thread initializer failed, the thread pool is not usable anymore";

    private final Core core;
    private final Cleaner.Cleanable cleanable;

    /** A pool of CPython's default size, {@code min(32, availableProcessors() + 4)}. */
    public ThreadPoolExecutor() {
        this(builder());
    }

    /**
     * A pool of at most {@code maxWorkers} threads.
     *
     * @throws IllegalArgumentException "maxWorkers must be greater than 0"
     */
    public ThreadPoolExecutor(int maxWorkers) {
        this(builder().maxWorkers(maxWorkers));
    }

    private ThreadPoolExecutor(Builder b) {
        int max = b.maxWorkers == null ? defaultMaxWorkers() : b.maxWorkers;
        if (max <= 0) {
            throw new IllegalArgumentException("maxWorkers must be greater than 0");
        }
        String prefix = b.threadNamePrefix == null || b.threadNamePrefix.isEmpty()
                ? "ThreadPoolExecutor-" + POOL_COUNTER.getAndIncrement()
                : b.threadNamePrefix;
        this.core = new Core(max, prefix, b.threadFactory, b.initializer);
        this.cleanable = Futures.cleaner().register(this, core::collected); // D10: the action holds the core only
    }

    /** CPython 3.13+'s default: {@code min(32, availableProcessors() + 4)}. */
    static int defaultMaxWorkers() {
        return Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    }

    /** A builder for the keyword arguments: {@code maxWorkers}, {@code threadNamePrefix}, {@code initializer}, {@code threadFactory}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Python's keyword arguments of {@code ThreadPoolExecutor(...)}. */
    public static final class Builder {
        private Integer maxWorkers;
        private String threadNamePrefix;
        private Runnable initializer;
        private ThreadFactory threadFactory;

        private Builder() {}

        /** Python's {@code max_workers}; default {@code min(32, availableProcessors() + 4)}. */
        public Builder maxWorkers(int maxWorkers) {
            this.maxWorkers = maxWorkers;
            return this;
        }

        /** Python's {@code thread_name_prefix}: threads are named {@code prefix_0}, {@code prefix_1}, ... */
        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = prefix;
            return this;
        }

        /**
         * Python's {@code initializer} (arguments captured): each worker runs it once before its first task.
         * If it throws, the pool breaks: queued tasks fail with {@link BrokenThreadPool}, later submits throw it.
         */
        public Builder initializer(Runnable initializer) {
            this.initializer = Objects.requireNonNull(initializer, "initializer");
            return this;
        }

        /**
         * Where worker threads come from (default: {@link Threading#threadFactory(String)}, platform threads
         * named {@code prefix_n}). Threads it returns unnamed get {@code prefix_n}; platform threads are made
         * daemons (D6).
         */
        public Builder threadFactory(ThreadFactory factory) {
            this.threadFactory = Objects.requireNonNull(factory, "threadFactory");
            return this;
        }

        /** @throws IllegalArgumentException "maxWorkers must be greater than 0" */
        public ThreadPoolExecutor build() {
            return new ThreadPoolExecutor(this);
        }
    }

    // ---- Executor ------------------------------------------------------------------------------------------

    /**
     * Queues the task; reuses an idle worker or starts a thread (in the calling thread) if fewer than
     * {@code maxWorkers} were started. Never blocks.
     *
     * @throws BrokenThreadPool if an initializer failed
     * @throws java.util.concurrent.RejectedExecutionException "cannot schedule new futures after shutdown"
     *         (or "... after interpreter shutdown" once the JVM is exiting)
     */
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
        cancel(removed);
        cleanable.clean();
        if (wait) {
            core.joinWorkers();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Task<?>> removed = core.shutdown(true);
        cancel(removed);
        cleanable.clean();
        core.interruptRunning();
        return new ArrayList<>(removed);
    }

    private static void cancel(List<Task<?>> removed) {
        for (Task<?> t : removed) {
            t.cancel();
            t.discard();
        }
    }

    @Override
    public boolean isShutdown() {
        return core.shutdown;
    }

    @Override
    public boolean isTerminated() {
        return core.terminated;
    }

    /** Waits until every worker has ended after a shutdown; JDK contract (checked interrupt). */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return core.awaitTermination(unit.toNanos(timeout));
    }

    /**
     * Python's {@code with} exit: {@code shutdown(true)}, so every worker thread has ended when it returns. If
     * interrupted while waiting: {@link #shutdownNow()}, keep waiting, then re-assert the interrupt (the JDK
     * {@code close()} contract).
     *
     * @throws IllegalStateException "cannot join current thread" when called by one of the pool's tasks
     */
    @Override
    public void close() {
        shutdown(false);
        if (core.isWorker(Thread.currentThread())) {
            throw new IllegalStateException("cannot join current thread");
        }
        boolean interrupted = false;
        for (Thread t : core.threadsSnapshot()) {
            for (;;) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        shutdownNow();
                        interrupted = true;
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- accessors -------------------------------------------------------------------------------------------

    /** Python's {@code _max_workers}. */
    public int maxWorkers() {
        return core.maxWorkers;
    }

    /** Python's {@code _threads}: a snapshot of the threads started so far (the count never decreases). */
    public List<Thread> workerThreads() {
        return core.threadsSnapshot();
    }

    /** Python's {@code _broken}: whether an initializer failed. */
    public boolean isBroken() {
        return core.broken;
    }

    /** Shows the pool's state, e.g. {@code <ThreadPoolExecutor at 0x…: maxWorkers=5 threads=2 idle=1 queued=0>}. */
    @Override
    public String toString() {
        return "<ThreadPoolExecutor at 0x" + Integer.toHexString(System.identityHashCode(this)) + ": maxWorkers="
                + core.maxWorkers + " threads=" + core.started + " idle=" + core.idle.get() + " queued="
                + core.queue.size() + (core.broken ? " broken" : core.terminated ? " terminated"
                : core.shutdown ? " shutdown" : "") + ">";
    }

    // ---- the pool ------------------------------------------------------------------------------------------

    /** Everything the workers need; it never references the executor, so the executor can be collected (D10). */
    static final class Core implements ExitHook.Pool {
        private static final Task<?> SENTINEL = new Task<>(() -> null, KEEP_IN_FUTURE);

        final int maxWorkers;
        private final String prefix;
        private final ThreadFactory factory;
        private final Runnable initializer;
        /** The work queue: tasks in submission order, then the SENTINEL once shut down. */
        final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
        /** Unclaimed idle workers (see the class comment). */
        final AtomicInteger idle = new AtomicInteger();

        private final ReentrantLock mainLock = new ReentrantLock();
        /** Signalled when the last worker ends after shutdown. */
        private final Condition termination = mainLock.newCondition();
        /** Guarded by mainLock: every thread started, in order. */
        private final List<Thread> threads = new ArrayList<>();
        /** Guarded by mainLock: workers whose loop has not ended. */
        private final List<Worker> workers = new ArrayList<>();
        /** Written under mainLock; read without it by submit's fast path. */
        volatile int started;
        volatile boolean shutdown;
        volatile boolean broken;
        volatile boolean terminated;

        Core(int maxWorkers, String prefix, ThreadFactory factory, Runnable initializer) {
            this.maxWorkers = maxWorkers;
            this.prefix = prefix;
            // Threading's factory: names prefix_n, lists workers in Threading.enumerate(), routes their
            // uncaught exceptions to the excepthook.
            this.factory = factory != null ? factory : Threading.threadFactory(prefix);
            this.initializer = initializer;
        }

        /** A worker and the task it is running (for shutdownNow). */
        private static final class Worker {
            volatile Task<?> current;
            /** Only the worker's own thread touches it: counted in `idle` right now. */
            boolean idlePhase;
        }

        void enqueue(Task<?> task) {
            if (broken) {
                throw new BrokenThreadPool(BROKEN_MESSAGE);
            }
            if (shutdown || ExitHook.interpreterShutdown) {
                throw rejected();
            }
            if (tryClaimIdle()) {
                task.claimed = true;
            }
            queue.offer(task);
            if (!task.claimed) {
                adjustThreadCount();
            }
            // A shutdown or breakage that raced with this submit may have missed the task: take it back.
            if ((shutdown || broken || ExitHook.interpreterShutdown) && queue.remove(task)) {
                if (task.claimed) {
                    idle.incrementAndGet();
                }
                if (broken) {
                    throw new BrokenThreadPool(BROKEN_MESSAGE);
                }
                throw rejected();
            }
        }

        private boolean tryClaimIdle() {
            for (;;) {
                int n = idle.get();
                if (n <= 0) {
                    return false;
                }
                if (idle.compareAndSet(n, n - 1)) {
                    return true;
                }
            }
        }

        private void adjustThreadCount() {
            if (started >= maxWorkers) {
                return;
            }
            mainLock.lock();
            try {
                if (started < maxWorkers && !shutdown) {
                    startWorker();
                }
            } finally {
                mainLock.unlock();
            }
        }

        private void startWorker() {
            assert mainLock.isHeldByCurrentThread();
            Worker w = new Worker();
            int n = started;
            Thread t = factory.newThread(() -> runWorker(w));
            if (t.getName().isEmpty()) {
                t.setName(prefix + "_" + n);
            }
            if (!t.isVirtual() && !t.isDaemon()) {
                t.setDaemon(true); // D6: never keeps the JVM alive; the exit hook finishes the work
            }
            if (n == 0) {
                ExitHook.register(this);
            }
            threads.add(t);
            workers.add(w);
            started = n + 1;
            t.start();
        }

        private void runWorker(Worker w) {
            try {
                if (initializer != null) {
                    try {
                        initializer.run();
                    } catch (Throwable e) {
                        Futures.LOGGER.log(System.Logger.Level.ERROR, "Exception in initializer:", e);
                        initializerFailed();
                        return;
                    }
                }
                for (;;) {
                    Task<?> task = nextTask(w);
                    if (task == SENTINEL) {
                        queue.offer(SENTINEL); // wake the next worker; every real task before it was taken
                        return;
                    }
                    runTask(w, task);
                    task = null; // CPython's `del work_item`: keep nothing alive while blocked in take()
                }
            } finally {
                workerExited(w);
            }
        }

        /** Takes the next task, keeping the idle count exact (see the class comment). */
        private Task<?> nextTask(Worker w) {
            Task<?> task;
            if (w.idlePhase) {
                task = take();
            } else {
                task = queue.poll();
                if (task == null) {
                    idle.incrementAndGet();
                    w.idlePhase = true;
                    task = take();
                }
            }
            if (task == SENTINEL) {
                return task;
            }
            if (w.idlePhase) {
                if (!task.claimed) {
                    idle.decrementAndGet();
                }
                w.idlePhase = false;
            } else if (task.claimed) {
                idle.incrementAndGet();
            }
            return task;
        }

        /** Runs one task; its locals die on return, so a finished task's result is not kept alive. */
        private void runTask(Worker w, Task<?> task) {
            Thread.interrupted(); // D9: an interrupt meant for an earlier task is not this one's
            boolean run;
            try {
                run = task.setRunningOrNotifyCancel();
            } catch (IllegalStateException someoneElseRanIt) {
                run = false;
            }
            if (!run) {
                task.discard();
                return;
            }
            w.current = task;
            Object value = null;
            Throwable failure = null;
            try {
                value = task.call();
            } catch (Throwable t) {
                failure = t;
            }
            if (queue.isEmpty()) { // D8: idle before the outcome is visible
                idle.incrementAndGet();
                w.idlePhase = true;
            }
            try {
                task.finish(value, failure); // callbacks run here, before the next task is taken
            } finally {
                w.current = null;
            }
        }

        private Task<?> take() {
            for (;;) {
                try {
                    return queue.take();
                } catch (InterruptedException stray) {
                    // an interrupt aimed at a task that already ended; nothing to do while idle
                }
            }
        }

        /** CPython's _initializer_failed: the pool breaks, queued futures fail (cancelled ones are skipped, D7). */
        private void initializerFailed() {
            broken = true;
            boolean sawSentinel = false;
            for (Task<?> t; (t = queue.poll()) != null; ) {
                if (t == SENTINEL) {
                    sawSentinel = true;
                } else {
                    if (t.claimed) {
                        idle.incrementAndGet();
                    }
                    t.discard();
                    if (!t.cancelled()) {
                        t.complete(new BrokenThreadPool(BROKEN_MESSAGE), true);
                    }
                }
            }
            if (sawSentinel) {
                queue.offer(SENTINEL);
            }
        }

        private void workerExited(Worker w) {
            mainLock.lock();
            try {
                workers.remove(w);
                if (workers.isEmpty() && shutdown) {
                    terminate();
                }
            } finally {
                mainLock.unlock();
            }
        }

        private void terminate() {
            assert mainLock.isHeldByCurrentThread();
            if (!terminated) {
                terminated = true;
                termination.signalAll();
                ExitHook.unregister(this);
            }
        }

        /** Marks the pool shut down, removes the queued tasks if asked (returned for cancelling), wakes workers. */
        List<Task<?>> shutdown(boolean removeQueued) {
            List<Task<?>> removed = new ArrayList<>();
            mainLock.lock();
            try {
                shutdown = true;
                if (removeQueued) {
                    for (Task<?> t; (t = queue.poll()) != null; ) {
                        if (t != SENTINEL) {
                            removed.add(t);
                        }
                    }
                }
                queue.offer(SENTINEL);
                if (workers.isEmpty()) {
                    terminate();
                }
            } finally {
                mainLock.unlock();
            }
            return removed;
        }

        void interruptRunning() {
            List<Worker> ws;
            mainLock.lock();
            try {
                ws = new ArrayList<>(workers);
            } finally {
                mainLock.unlock();
            }
            for (Worker w : ws) {
                Task<?> t = w.current;
                if (t != null) {
                    t.cancel(true);
                }
            }
        }

        boolean isWorker(Thread t) {
            mainLock.lock();
            try {
                return threads.contains(t);
            } finally {
                mainLock.unlock();
            }
        }

        List<Thread> threadsSnapshot() {
            mainLock.lock();
            try {
                return List.copyOf(threads);
            } finally {
                mainLock.unlock();
            }
        }

        /** shutdown(wait=true): join every worker; a task of this pool cannot wait for its own thread. */
        void joinWorkers() {
            Thread me = Thread.currentThread();
            for (Thread t : threadsSnapshot()) {
                if (t == me) {
                    throw new IllegalStateException("cannot join current thread");
                }
            }
            for (Thread t : threadsSnapshot()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw UncheckedInterruptedException.restore(e);
                }
            }
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

        /** D10: the executor was collected without a shutdown; the workers finish the queue and end. */
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
            for (Thread t : threadsSnapshot()) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
