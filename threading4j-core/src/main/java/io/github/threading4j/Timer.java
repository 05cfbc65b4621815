package io.github.threading4j;

import java.time.Duration;
import java.util.Objects;

/**
 * Python's {@code threading.Timer}: calls a function once after an interval, on a thread of its own, unless
 * cancelled first.
 *
 * <pre>{@code
 * // the tutorials' delayed task: execute after 3 seconds
 * Timer timer = new Timer(Duration.ofSeconds(3), () -> System.out.println("Task executed after delay"));
 * timer.start();
 * // can cancel before execution:
 * // timer.cancel();
 * }</pre>
 *
 * <p>A watchdog is the same with a cancel on the happy path: start a timer that reports a stall, do the work,
 * cancel the timer; the report appears only if the work outlasted the interval.
 *
 * <p>CPython's {@code Timer} is a {@code Thread} subclass; this one owns its {@link java.lang.Thread}
 * ({@link #thread()}) instead, so it can run on a virtual thread ({@link #virtual(Duration, Runnable)}). The
 * thread exists, unstarted, from construction, named {@code Thread-N} from the counter
 * {@link Threading#thread(Runnable)} uses, daemon if the constructing thread is. Its run is CPython's:
 * wait on {@link #finished()} for the interval; if not cancelled meanwhile, call the function; then set
 * {@code finished}. So:
 * <ul>
 *   <li>{@link #cancel()} before the interval ends: the function never runs and the thread ends promptly;
 *       after it fired, or while the function runs: no effect, no error; before {@link #start()}: the
 *       started thread ends at once without calling it.</li>
 *   <li>An interval of zero or less fires at once. The delay may exceed the interval (scheduling).</li>
 *   <li>An exception from the function goes to {@link Threading#getExcepthook()}; {@code finished} then stays
 *       unset, as in CPython (its {@code run()} sets it only after a normal return).</li>
 *   <li>{@code cancel()} is the way to stop a timer. Interrupting its thread while it waits ends the thread
 *       with an {@link UncheckedInterruptedException}, which the excepthook reports; the function is not
 *       called.</li>
 * </ul>
 *
 * <p>Memory consistency: actions before {@code start()} happen-before the function runs; actions of the
 * function happen-before the return of a {@code join} that sees the thread ended, and before {@code
 * finished().await()} returns {@code true} after a normal run.
 */
public class Timer {

    private final Duration interval;
    private final Runnable function;
    /** Set by {@link #cancel()} or at the end of a normal run; the timer thread waits on it. */
    private final Event finished = new Event();
    private final Thread thread;
    /** Whether the function was called (for toString only). */
    private volatile boolean called;

    /**
     * Python's {@code Timer(interval, function)}: a timer on a new, unstarted platform thread.
     *
     * @throws NullPointerException if {@code interval} or {@code function} is null
     */
    public Timer(Duration interval, Runnable function) {
        this(interval, function, false);
    }

    private Timer(Duration interval, Runnable function, boolean virtual) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.function = Objects.requireNonNull(function, "function");
        String name = Threading.nextThreadName();
        this.thread = virtual ? Threading.newVirtualThread(this::run, name) : Threading.newPlatformThread(this::run, name);
    }

    /**
     * A timer on a new, unstarted virtual thread (always a daemon: it does not keep the JVM alive).
     *
     * @throws NullPointerException if {@code interval} or {@code function} is null
     */
    public static Timer virtual(Duration interval, Runnable function) {
        return new Timer(interval, function, true);
    }

    /** CPython's {@code Timer.run}. */
    private void run() {
        finished.await(interval);
        if (!finished.isSet()) {
            called = true;
            function.run();
        }
        finished.set();
    }

    // ---- Python's Thread API --------------------------------------------------------------------------------

    /**
     * Starts the timer's thread.
     *
     * @throws IllegalThreadStateException if it was started before (Python's "threads can only be started once")
     */
    public void start() {
        thread.start();
    }

    /** Stops the timer if it has not fired yet: sets {@link #finished()}. Never fails; idempotent. */
    public void cancel() {
        finished.set();
    }

    /** Whether the timer's thread is alive: started, and not yet past firing or cancellation. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * Waits until the timer's thread ends; the rules of {@link Threading#join(Thread)}.
     *
     * @throws IllegalStateException {@code "cannot join thread before it is started"}, or
     *         {@code "cannot join current thread"} from the function itself
     * @throws UncheckedInterruptedException if the caller is interrupted; the interrupt status stays set
     */
    public void join() {
        Threading.join(thread);
    }

    /**
     * Waits until the timer's thread ends or the timeout passes; the rules of
     * {@link Threading#join(Thread, Duration)} ({@code null} = forever, zero or negative = poll). Check
     * {@link #isAlive()} afterwards.
     */
    public void join(Duration timeout) {
        Threading.join(thread, timeout);
    }

    /** The thread's name, {@code Thread-N} by default. */
    public String getName() {
        return thread.getName();
    }

    /** Renames the thread. */
    public void setName(String name) {
        thread.setName(name);
    }

    /** Whether the thread is a daemon. */
    public boolean isDaemon() {
        return thread.isDaemon();
    }

    /**
     * Sets the daemon status, before {@link #start()} only.
     *
     * @throws IllegalThreadStateException if the thread is alive; {@link IllegalArgumentException} for
     *         {@code false} on a virtual timer
     */
    public void setDaemon(boolean daemon) {
        thread.setDaemon(daemon);
    }

    /** The interval given at construction. */
    public Duration interval() {
        return interval;
    }

    /** The function given at construction. */
    public Runnable function() {
        return function;
    }

    /** Python's {@code finished}: set by {@link #cancel()} and after the function returned normally. */
    public Event finished() {
        return finished;
    }

    /** The {@code java.lang.Thread} the timer runs on. */
    public Thread thread() {
        return thread;
    }

    /**
     * {@code <Timer at 0x…: Thread-3 interval=PT30S started>}: the thread's state ({@code initial},
     * {@code started}, {@code stopped}), then {@code cancelled} if finished without calling the function, or
     * {@code called} once it called it.
     */
    @Override
    public String toString() {
        Thread.State s = thread.getState();
        String state = s == Thread.State.NEW ? "initial" : s == Thread.State.TERMINATED ? "stopped" : "started";
        String outcome = called ? " called" : finished.isSet() ? " cancelled" : "";
        return "<Timer at 0x" + Integer.toHexString(System.identityHashCode(this)) + ": " + thread.getName()
                + " interval=" + interval + " " + state + outcome + ">";
    }
}
