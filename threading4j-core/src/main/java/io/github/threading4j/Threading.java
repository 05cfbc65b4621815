package io.github.threading4j;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Python's {@code threading} module functions: making, joining and listing threads, the excepthook,
 * {@code TIMEOUT_MAX}, thread identity and stack size.
 *
 * <p>Threads are {@link java.lang.Thread}s, platform or virtual; threading4j never wraps them. It only creates
 * them with CPython's defaults: a name {@code Thread-N} from one process-wide counter (shared with
 * {@link Timer}), the daemon status of the creating thread, uncaught exceptions handed to the
 * {@linkplain #getExcepthook() excepthook}, and a place in {@link #enumerate()} while they run. Everything
 * else is the JDK's own {@code Thread} API:
 *
 * <pre>{@code
 * // the tutorials' basic thread creation
 * static void worker(int name, Duration duration) {
 *     System.out.println("Thread " + name + " starting");
 *     LockSupport.parkNanos(duration.toNanos());                 // time.sleep(duration)
 *     System.out.println("Thread " + name + " done");
 * }
 *
 * List<Thread> threads = new ArrayList<>();
 * for (int i = 0; i < 3; i++) {
 *     int name = i;
 *     Thread t = Threading.thread(() -> worker(name, Duration.ofSeconds(1)));  // threading.Thread(target=worker, args=(i, 1))
 *     threads.add(t);
 *     t.start();
 * }
 * for (Thread t : threads) {
 *     Threading.join(t);                                         // t.join()
 * }
 * System.out.println("All threads complete");
 * }</pre>
 *
 * <p>Names and daemon status use the JDK's own methods before {@code start()} ({@code t.setName("downloader")},
 * {@code t.setDaemon(true)}); {@code Threading.join(t, Duration.ofSeconds(5))} is {@code t.join(timeout=5)},
 * after which the caller checks {@code t.isAlive()}.
 *
 * <p>Differences from CPython, all forced by the JVM: no {@code (target)} suffix in default names (lambdas
 * have no name); {@code getIdent()} is {@link Thread#threadId()}, assigned at creation and never reused;
 * virtual threads ({@link #virtualThread(Runnable)}) are always daemons; a foreign thread (one not created by
 * threading4j) is listed by {@link #enumerate()} after it called {@link #currentThread()}, keeps its JDK name
 * and can be joined. The JDK's {@code t.join()} keeps its own rules; {@link #join(Thread, Duration)} has
 * CPython's.
 *
 * <p>Other packages create threads with these defaults through {@link #threadFactory(String)} and
 * {@link #virtualThreadFactory(String)} (executor workers named {@code prefix_0}, {@code prefix_1}, ...).
 *
 * <p>Memory consistency: everything a thread did happens-before the return of a {@code join} that saw it end
 * (the JDK's {@link Thread#join()} guarantee).
 */
public final class Threading {

    /*
     * Cost of the thread registry. Python keeps every started thread in a dict (threading._active); so do we,
     * but only for threads that threading4j itself starts: ThreadStart.run() puts the thread into RUNNING
     * as its first action and removes it as its last, one ConcurrentHashMap put and one remove per thread,
     * next to the microseconds a thread start costs anyway. The main thread needs no entry (one field), and
     * foreign threads are entered by currentThread() and purged when found dead (enumerate(), or when the
     * foreign set has doubled since the last purge), because the JVM offers no hook at the end of a thread
     * that threading4j did not start.
     */

    /** Python's {@code TIMEOUT_MAX}: the largest timeout a blocking call accepts (2^63-1 ns, about 292 years). */
    public static final Duration TIMEOUT_MAX = Duration.ofNanos(Long.MAX_VALUE);

    /**
     * Python's {@code threading.__excepthook__}: prints {@code Exception in thread <name>:} and the stack trace on
     * {@code System.err}, or, when {@code System.err} is {@code null}, on the {@code System.err} saved when the
     * thread was created by threading4j; prints nothing if both are {@code null}.
     */
    public static final ExceptHook DEFAULT_EXCEPTHOOK = Threading::printException;

    private static volatile ExceptHook excepthook = DEFAULT_EXCEPTHOOK;

    /** Threads started through threading4j whose body is running; written only by {@link ThreadStart#run()}. */
    private static final Set<Thread> RUNNING = ConcurrentHashMap.newKeySet();

    /** Foreign threads that called {@link #currentThread()}; may hold dead threads until the next purge. */
    private static final Set<Thread> FOREIGN = ConcurrentHashMap.newKeySet();

    /** {@link #FOREIGN}'s size at which registering purges dead entries (amortised: doubles after a purge). */
    private static final AtomicInteger FOREIGN_PURGE_AT = new AtomicInteger(64);

    /** Python's {@code _counter}: N of the default names {@code Thread-N}, taken at creation, first is 1. */
    private static final AtomicInteger NAME_COUNTER = new AtomicInteger();

    /** Python's {@code stack_size()}: 0 = the JVM's default; read when threading4j creates a platform thread. */
    private static final AtomicLong STACK_SIZE = new AtomicLong();

    /** The thread that ran {@code main}, else the first thread that used this class. */
    private static final Thread MAIN = findMainThread();

    /** The OS thread id of each platform thread that asked, read once from {@code /proc/thread-self}. */
    private static final ThreadLocal<OptionalLong> NATIVE_ID = ThreadLocal.withInitial(Threading::readNativeId);

    private Threading() {}

    // ---- making threads ------------------------------------------------------------------------------------

    /**
     * Python's {@code threading.Thread(target=target)}: a new, unstarted platform thread named {@code Thread-N},
     * daemon if the calling thread is, with the stack size of {@link #stackSize()}; an exception escaping
     * {@code target} goes to the excepthook; the thread is listed by {@link #enumerate()} while it runs.
     * Configure it with the JDK's {@code setName}/{@code setDaemon} and call {@code start()}.
     *
     * @throws NullPointerException if {@code target} is null (Python's {@code target=None} is {@code () -> {}})
     */
    public static Thread thread(Runnable target) {
        return newPlatformThread(target, nextThreadName());
    }

    /**
     * As {@link #thread(Runnable)}, but a virtual thread: always a daemon ({@code setDaemon(false)} throws the
     * JDK's {@link IllegalArgumentException}), no stack size.
     */
    public static Thread virtualThread(Runnable target) {
        return newVirtualThread(target, nextThreadName());
    }

    /**
     * A factory of platform threads with threading4j's defaults, for executors: thread {@code i} (from 0) of
     * this factory is named {@code namePrefix + "_" + i} (CPython's {@code ThreadPoolExecutor} worker names);
     * otherwise each thread is made as by {@link #thread(Runnable)}: daemon if the thread calling
     * {@code newThread} is (call {@code setDaemon} on the result to choose), stack size of
     * {@link #stackSize()} at that moment, uncaught exceptions to the excepthook, listed by {@link #enumerate()}
     * while it runs. {@code newThread} returns the thread unstarted. The factory is thread-safe.
     *
     * <pre>{@code
     * ThreadFactory workers = Threading.threadFactory("ThreadPoolExecutor-0");
     * Thread w = workers.newThread(workerLoop);   // "ThreadPoolExecutor-0_0", unstarted
     * w.start();                                  // listed by Threading.enumerate() until workerLoop returns
     * }</pre>
     *
     * @throws NullPointerException if {@code namePrefix} is null; {@code newThread(null)} throws it for
     *         {@code "target"}
     */
    public static ThreadFactory threadFactory(String namePrefix) {
        Objects.requireNonNull(namePrefix, "namePrefix");
        AtomicInteger next = new AtomicInteger();
        return task -> newPlatformThread(task, namePrefix + "_" + next.getAndIncrement());
    }

    /** As {@link #threadFactory(String)}, with virtual threads (always daemons). */
    public static ThreadFactory virtualThreadFactory(String namePrefix) {
        Objects.requireNonNull(namePrefix, "namePrefix");
        AtomicInteger next = new AtomicInteger();
        return task -> newVirtualThread(task, namePrefix + "_" + next.getAndIncrement());
    }

    /** The next default name, {@code Thread-N}: one counter for threads and timers, as CPython's. */
    static String nextThreadName() {
        return "Thread-" + NAME_COUNTER.incrementAndGet();
    }

    static Thread newPlatformThread(Runnable target, String name) {
        ThreadStart start = new ThreadStart(Objects.requireNonNull(target, "target"));
        Thread t = Thread.ofPlatform()
                .name(name)
                // CPython: daemon=None inherits current_thread().daemon; a virtual creator is a daemon.
                .daemon(Thread.currentThread().isDaemon())
                .stackSize(STACK_SIZE.get())
                .uncaughtExceptionHandler(start)
                .unstarted(start);
        start.thread = t;
        return t;
    }

    static Thread newVirtualThread(Runnable target, String name) {
        ThreadStart start = new ThreadStart(Objects.requireNonNull(target, "target"));
        Thread t = Thread.ofVirtual().name(name).uncaughtExceptionHandler(start).unstarted(start);
        start.thread = t;
        return t;
    }

    /**
     * The body of every thread threading4j makes (CPython's {@code Thread._bootstrap_inner}): registers the
     * thread, runs the target, hands an escaping exception to the thread's handler while the thread is still
     * listed, unregisters. It is also the thread's {@link Thread.UncaughtExceptionHandler}, and remembers
     * {@code System.err} at creation for the default excepthook.
     */
    static final class ThreadStart implements Runnable, Thread.UncaughtExceptionHandler {
        private final Runnable target;
        /** CPython's {@code Thread._stderr}: the default excepthook's fallback when {@code System.err} is null. */
        final PrintStream stderrAtCreation = System.err;
        /** The thread this is the body of; set once, before the thread can start. */
        Thread thread;

        ThreadStart(Runnable target) {
            this.target = target;
        }

        @Override
        public void run() {
            Thread self = Thread.currentThread();
            if (self != thread) { // someone called thread.run() directly: just the target, as CPython's run()
                target.run();
                return;
            }
            RUNNING.add(self);
            try {
                target.run();
            } catch (Throwable e) {
                // Dispatch here rather than let the JVM do it after run(): the excepthook then runs while the
                // thread is still in enumerate(), as in CPython. A handler set later by the user is honoured.
                Thread.UncaughtExceptionHandler handler = self.getUncaughtExceptionHandler();
                try {
                    if (handler != null) {
                        handler.uncaughtException(self, e);
                    }
                } catch (Throwable ignored) {
                    // the JVM ignores an exception thrown by an uncaught-exception handler; so do we
                }
            } finally {
                RUNNING.remove(self);
            }
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            invokeExcepthook(e, t);
        }
    }

    // ---- joining ------------------------------------------------------------------------------------------

    /**
     * Python's {@code t.join()}: waits until {@code t} ends.
     *
     * <p>Wakes when {@code t} terminates. If the calling thread is interrupted on entry or while waiting, stops
     * waiting, keeps the interrupt status and throws {@link UncheckedInterruptedException}.
     *
     * @throws IllegalStateException {@code "cannot join thread before it is started"} if {@code t} is not
     *         started; {@code "cannot join current thread"} if {@code t} is the calling thread
     */
    public static void join(Thread t) {
        join(t, null);
    }

    /**
     * Python's {@code t.join(timeout)}: waits until {@code t} ends or the timeout passes, and returns nothing:
     * the caller checks {@link Thread#isAlive()}. Any number of threads may join one thread, repeatedly.
     *
     * <p>Wakes when {@code t} terminates or the timeout elapses. {@code null} waits forever; zero or negative
     * only polls (no wait, and the interrupt status is ignored). If the calling thread is interrupted on entry
     * or while waiting, stops waiting, keeps the interrupt status and throws
     * {@link UncheckedInterruptedException}. On JDK 21–23 a virtual thread joining a platform thread occupies
     * its carrier while it waits (the JDK's {@code Thread.join} waits in {@code synchronized}; JDK 24 fixed it).
     *
     * @throws IllegalStateException {@code "cannot join thread before it is started"} if {@code t} is not
     *         started; {@code "cannot join current thread"} if {@code t} is the calling thread
     * @throws ArithmeticException {@code "timeout value is too large"} if {@code timeout} exceeds
     *         {@link #TIMEOUT_MAX}
     */
    public static void join(Thread t, Duration timeout) {
        Objects.requireNonNull(t, "thread");
        if (t.getState() == Thread.State.NEW) {
            throw new IllegalStateException("cannot join thread before it is started");
        }
        if (t == Thread.currentThread()) {
            throw new IllegalStateException("cannot join current thread");
        }
        long nanos = -1; // forever
        if (timeout != null) {
            if (timeout.compareTo(TIMEOUT_MAX) > 0) {
                throw new ArithmeticException("timeout value is too large");
            }
            nanos = timeout.isNegative() ? 0 : timeout.toNanos();
            if (nanos == 0) {
                return; // poll: nothing to wait for; the caller checks isAlive()
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new UncheckedInterruptedException(new InterruptedException());
        }
        try {
            if (nanos < 0) {
                t.join();
            } else {
                t.join(Duration.ofNanos(nanos));
            }
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.restore(e);
        }
    }

    // ---- listing ------------------------------------------------------------------------------------------

    /**
     * Python's {@code main_thread()}: the thread that ran {@code main} (named {@code main} unless renamed),
     * even after it ended; where none is alive when this class is first used (an embedded JVM, or {@code main}
     * already returned), the first thread that used this class.
     */
    public static Thread mainThread() {
        return MAIN;
    }

    /**
     * Python's {@code current_thread()}: {@link Thread#currentThread()}. A thread that threading4j did not create
     * (and not the main thread) is from now on listed by {@link #enumerate()} while it is alive, as CPython's
     * dummy threads; it keeps its JDK name.
     */
    public static Thread currentThread() {
        Thread t = Thread.currentThread();
        if (t != MAIN && !RUNNING.contains(t) && !FOREIGN.contains(t)) {
            registerForeign(t);
        }
        return t;
    }

    private static void registerForeign(Thread t) {
        FOREIGN.add(t);
        int purgeAt = FOREIGN_PURGE_AT.get();
        if (FOREIGN.size() >= purgeAt) {
            FOREIGN.removeIf(f -> !f.isAlive());
            FOREIGN_PURGE_AT.compareAndSet(purgeAt, Math.max(64, 2 * FOREIGN.size()));
        }
    }

    /**
     * Python's {@code enumerate()}: the alive threads that threading4j knows: those started through it (by
     * {@link #thread}, {@link #virtualThread}, {@link Timer}, the thread factories, so executor workers too)
     * whose body has begun and not returned, the main thread, and foreign threads that called
     * {@link #currentThread()}. A joined thread is never listed. A snapshot: racy by nature.
     */
    public static List<Thread> enumerate() {
        FOREIGN.removeIf(f -> !f.isAlive());
        List<Thread> threads = new ArrayList<>(RUNNING.size() + FOREIGN.size() + 1);
        if (MAIN.isAlive()) {
            threads.add(MAIN);
        }
        threads.addAll(RUNNING);
        for (Thread f : FOREIGN) {
            if (f.isAlive()) {
                threads.add(f);
            }
        }
        return threads;
    }

    /**
     * Runs {@code body} in the calling thread, which {@link #enumerate()} lists until {@code body} returns or
     * throws, as it lists a thread made by {@link #thread} while its target runs. For executors whose threads
     * come from a JDK factory (the futures package's {@code VirtualThreadExecutor}): the same one map put and
     * remove as for a thread made here, without a wrapper object per thread. Not for a thread threading4j
     * made (it is listed already, and would leave the list when {@code body} returns).
     */
    public static void runListed(Runnable body) {
        Thread self = Thread.currentThread();
        RUNNING.add(self);
        try {
            body.run();
        } finally {
            RUNNING.remove(self);
        }
    }

    /** Python's {@code active_count()}: {@code enumerate().size()}; racy by nature. */
    public static int activeCount() {
        return enumerate().size();
    }

    /**
     * The JDK has no API for "the main thread". The launcher's primordial thread belongs to the thread group
     * {@code main} and is its oldest member (the smallest {@code threadId}: its {@code Thread} object is made
     * during VM start-up, before any thread it starts; the number itself differs between JDK versions).
     */
    private static Thread findMainThread() {
        Thread current = Thread.currentThread();
        ThreadGroup root = current.getThreadGroup();
        while (root != null && root.getParent() != null) {
            root = root.getParent();
        }
        Thread oldest = null;
        if (root != null) {
            Thread[] all = new Thread[root.activeCount() + 16];
            int n = root.enumerate(all, true);
            for (int i = 0; i < n; i++) {
                ThreadGroup g = all[i].getThreadGroup(); // null once terminated
                if (g != null && g.getName().equals("main") && g.getParent() != null
                        && (oldest == null || all[i].threadId() < oldest.threadId())) {
                    oldest = all[i];
                }
            }
        }
        return oldest != null ? oldest : current;
    }

    // ---- excepthook ---------------------------------------------------------------------------------------

    /** Python's {@code threading.excepthook} (read). */
    public static ExceptHook getExcepthook() {
        return excepthook;
    }

    /** Python's {@code threading.excepthook = hook}; {@code null} restores {@link #DEFAULT_EXCEPTHOOK}. */
    public static void setExcepthook(ExceptHook hook) {
        excepthook = hook == null ? DEFAULT_EXCEPTHOOK : hook;
    }

    /**
     * Hands an uncaught exception to the current excepthook, as CPython's thread bootstrap does. If the hook
     * itself throws, prints {@code Exception in threading.excepthook:} and passes the hook's exception to the
     * JVM's default uncaught-exception handler.
     */
    public static void invokeExcepthook(Throwable exc, Thread thread) {
        try {
            excepthook.handle(new ExceptHookArgs(exc, thread));
        } catch (Throwable hookFailure) {
            PrintStream err = System.err;
            if (err != null) {
                err.println("Exception in threading.excepthook:");
            }
            Thread current = Thread.currentThread();
            Thread.UncaughtExceptionHandler fallback = Thread.getDefaultUncaughtExceptionHandler();
            if (fallback != null) {
                fallback.uncaughtException(current, hookFailure);
            } else if (err != null) {
                hookFailure.printStackTrace(err);
            }
        }
    }

    private static void printException(ExceptHookArgs args) {
        Thread t = args.thread();
        PrintStream err = System.err;
        if (err == null && t != null) {
            // CPython falls back to the sys.stderr saved when the thread was created. The handler of a thread
            // threading4j made is its ThreadStart (null once the thread has terminated).
            if (t.getUncaughtExceptionHandler() instanceof ThreadStart start) {
                err = start.stderrAtCreation;
            }
        }
        if (err == null) {
            return;
        }
        String name = t != null ? t.getName() : Long.toString(getIdent());
        synchronized (err) { // PrintStream's own lock: one report is not interleaved with another
            err.println("Exception in thread " + name + ":");
            args.excValue().printStackTrace(err);
        }
    }

    // ---- identity -----------------------------------------------------------------------------------------

    /** Python's {@code get_ident()}: the calling thread's {@link Thread#threadId()}, positive, never reused. */
    public static long getIdent() {
        return Thread.currentThread().threadId();
    }

    /**
     * Python's {@code get_native_id()}: the operating system's id of the calling platform thread where the OS
     * exposes it (Linux: the {@code tid} of {@code /proc/thread-self}); empty for a virtual thread (it has no
     * OS thread of its own) and elsewhere.
     */
    public static OptionalLong getNativeId() {
        if (Thread.currentThread().isVirtual()) {
            return OptionalLong.empty();
        }
        return NATIVE_ID.get();
    }

    private static OptionalLong readNativeId() {
        try {
            // "/proc/thread-self" -> "<pid>/task/<tid>"
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return OptionalLong.of(Long.parseLong(link.getFileName().toString()));
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    // ---- stack size ---------------------------------------------------------------------------------------

    /** Python's {@code stack_size()}: the stack size for new platform threads, 0 = the JVM's default. */
    public static long stackSize() {
        return STACK_SIZE.get();
    }

    /**
     * Python's {@code stack_size(size)}: sets the stack size (bytes) of the platform threads that threading4j
     * creates afterwards, and returns the previous setting. 0 restores the JVM's default. The JVM treats the
     * value as a hint (see {@link Thread.Builder.OfPlatform#stackSize(long)}).
     *
     * @throws IllegalArgumentException {@code "size must be 0 or a positive value"} if negative;
     *         {@code "size not valid: N bytes"} if between 1 and 32767
     */
    public static long stackSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be 0 or a positive value");
        }
        if (size != 0 && size < 32_768) {
            throw new IllegalArgumentException("size not valid: " + size + " bytes");
        }
        return STACK_SIZE.getAndSet(size);
    }
}
