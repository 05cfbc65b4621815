package io.github.threading4j.futures;

import io.github.threading4j.Threading;
import io.github.threading4j.UncheckedInterruptedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The eventual outcome of a task: Python's {@code concurrent.futures.Future}, which is also a
 * {@link java.util.concurrent.Future}.
 *
 * <p>Executors create futures ({@link Executor#submit}); clients ask for the outcome with {@link #result()}
 * or {@link #exception()}, test it with {@link #done()}, {@link #running()}, {@link #cancelled()}, attach
 * {@link #addDoneCallback callbacks}, or wait for many at once with {@link Futures#wait} and
 * {@link Futures#asCompleted}. Executor authors drive the state with {@link #setRunningOrNotifyCancel()},
 * {@link #setResult} and {@link #setException}.
 *
 * <pre>{@code
 * try (var executor = new ThreadPoolExecutor(4)) {
 *     Future<Integer> f = executor.submit(() -> 6 * 7);
 *     f.addDoneCallback(done -> System.out.println("done: " + done));
 *     System.out.println(f.result());           // 42
 * }
 * }</pre>
 *
 * <p>Where it differs from the JDK's {@link java.util.concurrent.FutureTask}: a future has CPython's five
 * {@linkplain FutureState states}, so a queued task ({@code PENDING}) is told apart from a running one
 * ({@code RUNNING}), and {@link #cancel()} fails once the task runs (the JDK's {@code cancel} "succeeds" on a
 * running task that then keeps running). {@link #cancel(boolean) cancel(true)} on a running task returns
 * false and interrupts the task's thread, a request to stop. {@link #result()} throws the unchecked
 * {@link java.util.concurrent.CompletionException} whose cause is the task's exception, unchanged; the JDK's
 * {@link #get()} keeps its checked contract. A failure that nobody ever looks at is reported when the future
 * is garbage collected ({@link Futures#setReportUnretrieved}).
 *
 * <p>Memory consistency: everything a task did before it returned (or threw) happens-before anything that
 * observes its completion: {@code done()} returning true, {@code result()} or {@code exception()} returning,
 * a done-callback running, {@code wait} reporting it done, {@code asCompleted} or {@code map} yielding it.
 *
 * @param <T> the result type
 */
public class Future<T> implements java.util.concurrent.Future<T> {

    /*
     * Design. All state is one volatile int, changed by CAS; the waiters are one Treiber stack. Nothing else
     * is allocated unless someone waits or adds a callback, so a future costs about what a FutureTask costs.
     *
     *   state: PENDING -> RUNNING -> COMPLETING_R -> SUCCEEDED | FAILED
     *          PENDING -> COMPLETING_P -> SUCCEEDED | FAILED
     *          PENDING -> CANCELLED -> CANCELLED_AND_NOTIFIED
     *   COMPLETING_* lasts while the winner of the completing CAS writes `outcome`; readers that need the
     *   outcome see a done state only after that write (volatile write of state after the plain write).
     *
     *   stack: null or a chain of nodes (blocked result() callers, wait/asCompleted hooks, done-callbacks),
     *   newest first; the completing thread swaps in DONE, wakes threads and hooks, then runs the callbacks
     *   oldest first. A push that finds DONE fails: the future is done, so the caller acts at once. Because
     *   wait and asCompleted install their hook on each future with one CAS (which either succeeds or tells
     *   them the future is done), they never need to hold several futures' locks at once, and CPython's lock
     *   order (futures.md §7.5) has nothing to order: there is no per-future lock at all.
     *
     * D1: cancel() of a pending future fires the stack like a completion, so wait/asCompleted count the
     * cancellation at once; setRunningOrNotifyCancel() later moves CANCELLED to CANCELLED_AND_NOTIFIED
     * without firing anything again.
     */

    static final int PENDING = 0;
    static final int RUNNING = 1;
    static final int COMPLETING_P = 2;
    static final int COMPLETING_R = 3;
    static final int SUCCEEDED = 4;
    static final int FAILED = 5;
    static final int CANCELLED = 6;
    static final int CANCELLED_AND_NOTIFIED = 7;

    /** The lifecycle above; done iff {@code state >= SUCCEEDED}. */
    private volatile int state;
    /** The result or the Throwable; written by the completing CAS winner before state becomes done. */
    private Object outcome;
    /** Treiber stack of waiters and callbacks; {@link #DONE} once the future is done. */
    private volatile Node stack;
    /** The thread that called setRunningOrNotifyCancel() (for cancel(true)); null when not running. */
    private volatile Thread runner;
    /** cancel(true) hand-shake: 0 none, 1 interrupting now, 2 done (the runner waits out 1 before moving on). */
    private volatile int interrupting;
    /** E2: set when the future fails and reporting is on; marks whether the exception was retrieved. */
    private volatile Unretrieved unretrieved;

    /** A new pending future (executor authors, adapters and tests; executors create their own). */
    public Future() {}

    // ---- client API, in Python's order ---------------------------------------------------------------------

    /**
     * Cancels the future if it is still pending. Returns false if it is running or finished; true if it is
     * (now or already) cancelled. On success, threads blocked in {@link #result()} and {@link #exception()} and
     * {@link Futures#wait}/{@link Futures#asCompleted} callers wake up, and the done-callbacks run in this
     * thread before it returns.
     */
    public boolean cancel() {
        for (;;) {
            int s = state;
            if (s == CANCELLED || s == CANCELLED_AND_NOTIFIED) {
                return true;
            }
            if (s != PENDING) {
                return false;
            }
            if (STATE.compareAndSet(this, PENDING, CANCELLED)) {
                finishCompletion();
                return true;
            }
        }
    }

    /** Whether the future was cancelled (CANCELLED or CANCELLED_AND_NOTIFIED). */
    public boolean cancelled() {
        return state >= CANCELLED;
    }

    /** Whether the task is running right now (it can no longer be cancelled). */
    public boolean running() {
        int s = state;
        return s == RUNNING || s == COMPLETING_R;
    }

    /** Whether the future finished or was cancelled. */
    public boolean done() {
        return state >= SUCCEEDED;
    }

    /**
     * Waits with no time limit, then returns the result. See {@link #result(Duration)}.
     *
     * @throws CancelledError if the future was cancelled
     * @throws CompletionException whose cause is the task's exception, unchanged
     * @throws UncheckedInterruptedException if interrupted while waiting (the status stays set)
     */
    public T result() {
        return result(null);
    }

    /**
     * Waits until the future is done or {@code timeout} passes, then returns the result.
     *
     * <p>Wakes when the future finishes or is cancelled. An interrupt (already pending on entry, or arriving
     * while waiting) stops the wait: the interrupt status stays set and {@link UncheckedInterruptedException}
     * is thrown. A zero or negative timeout does not wait (and ignores the interrupt status); {@code null}
     * waits without limit.
     *
     * @throws CancelledError if the future was cancelled
     * @throws CompletionException whose cause is the task's exception (the same object each time)
     * @throws TimeoutError if the future is not done when the time runs out
     * @throws ArithmeticException if the future is not done and {@code timeout} exceeds
     *         {@link Threading#TIMEOUT_MAX} ("timeout value is too large")
     */
    public T result(Duration timeout) {
        int s = state;
        if (s < SUCCEEDED) {
            s = awaitUnchecked(timeout);
        }
        return report(s);
    }

    /** Waits with no time limit, then returns the task's exception, or null after a normal result. */
    public Throwable exception() {
        return exception(null);
    }

    /**
     * Waits like {@link #result(Duration)}, then returns the exception the task raised (the very object), or
     * null if it returned normally.
     *
     * @throws CancelledError if the future was cancelled
     * @throws TimeoutError if the future is not done when the time runs out
     * @throws UncheckedInterruptedException if interrupted while waiting (the status stays set)
     */
    public Throwable exception(Duration timeout) {
        int s = state;
        if (s < SUCCEEDED) {
            s = awaitUnchecked(timeout);
        }
        if (s == FAILED) {
            markRetrieved();
            return (Throwable) outcome;
        }
        if (s == SUCCEEDED) {
            return null;
        }
        if (s >= CANCELLED) {
            throw new CancelledError();
        }
        throw new TimeoutError();
    }

    /**
     * Calls {@code fn} with this future when it is done: at once, in the calling thread, if it is already
     * done; otherwise later, in the thread that completes or cancels it, after the state change and after
     * waiting threads were woken. Callbacks run in the order they were added, once. A callback that throws an
     * {@link Exception} is logged (ERROR "exception calling callback for ..." on the System.Logger
     * "io.github.threading4j.futures") and the next callback still runs; an {@link Error} propagates.
     */
    public void addDoneCallback(Consumer<? super Future<T>> fn) {
        Objects.requireNonNull(fn, "fn");
        if (!push(new Callback(fn))) {
            invokeCallback(fn);
        }
    }

    // ---- executor side ---------------------------------------------------------------------------------------

    /**
     * For executors, just before running the task: PENDING becomes RUNNING and true is returned (run the
     * task); CANCELLED becomes CANCELLED_AND_NOTIFIED and false is returned (do not run it).
     *
     * @throws IllegalStateException "Future in unexpected state" in any other state (also logged)
     */
    public boolean setRunningOrNotifyCancel() {
        Thread current = Thread.currentThread();
        for (;;) {
            int s = state;
            if (s == PENDING) {
                runner = current;
                if (STATE.compareAndSet(this, PENDING, RUNNING)) {
                    return true;
                }
                runner = null;
            } else if (s == CANCELLED) {
                if (STATE.compareAndSet(this, CANCELLED, CANCELLED_AND_NOTIFIED)) {
                    return false;
                }
            } else {
                Futures.LOGGER.log(System.Logger.Level.ERROR, "Future " + this + " in unexpected state: " + futureState());
                throw new IllegalStateException("Future in unexpected state");
            }
        }
    }

    /**
     * For executors: completes the future with {@code result} (null allowed), wakes the waiters and runs the
     * callbacks in this thread.
     *
     * @throws InvalidStateError "STATE: repr" if the future is already done (nothing changes)
     */
    public void setResult(T result) {
        if (!complete(result, false)) {
            throw invalidState();
        }
    }

    /**
     * For executors: completes the future with {@code exception}, wakes the waiters and runs the callbacks.
     *
     * @throws InvalidStateError "STATE: repr" if the future is already done (nothing changes)
     */
    public void setException(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        if (!complete(exception, true)) {
            throw invalidState();
        }
    }

    /** Python's {@code _state}: the current state. Racy: it may change right after. */
    public FutureState futureState() {
        return switch (state) {
            case PENDING, COMPLETING_P -> FutureState.PENDING;
            case RUNNING, COMPLETING_R -> FutureState.RUNNING;
            case SUCCEEDED, FAILED -> FutureState.FINISHED;
            case CANCELLED -> FutureState.CANCELLED;
            default -> FutureState.CANCELLED_AND_NOTIFIED;
        };
    }

    // ---- java.util.concurrent.Future --------------------------------------------------------------------------

    /**
     * The JDK's cancel: as {@link #cancel()}. If the task is running and {@code mayInterruptIfRunning} is
     * true, its thread is interrupted (a request to stop; the future then completes with whatever the task
     * does) and false is returned.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (cancel()) {
            return true;
        }
        if (mayInterruptIfRunning && state == RUNNING && INTERRUPTING.compareAndSet(this, 0, 1)) {
            try {
                Thread t = runner;
                if (t != null && state == RUNNING) {
                    t.interrupt();
                }
            } finally {
                interrupting = 2;
            }
        }
        return false;
    }

    /** Same as {@link #cancelled()}. */
    @Override
    public boolean isCancelled() {
        return cancelled();
    }

    /** Same as {@link #done()}. */
    @Override
    public boolean isDone() {
        return done();
    }

    /**
     * The JDK's get: waits without limit.
     *
     * @throws CancellationException (a {@link CancelledError}) if cancelled
     * @throws ExecutionException with the task's exception as cause
     * @throws InterruptedException if interrupted while waiting (the status is cleared, JDK contract)
     */
    @Override
    public T get() throws InterruptedException, ExecutionException {
        int s = state;
        if (s < SUCCEEDED) {
            s = awaitDone(false, 0L);
        }
        return reportChecked(s);
    }

    /** The JDK's timed get; a zero or negative timeout does not wait. */
    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(unit, "unit");
        int s = state;
        if (s < SUCCEEDED) {
            s = awaitDone(true, unit.toNanos(timeout));
            if (s < SUCCEEDED) {
                throw new TimeoutException();
            }
        }
        return reportChecked(s);
    }

    /** The JDK's state: PENDING and RUNNING are both {@code RUNNING}. */
    @Override
    public State state() {
        return switch (state) {
            case SUCCEEDED -> State.SUCCESS;
            case FAILED -> State.FAILED;
            case CANCELLED, CANCELLED_AND_NOTIFIED -> State.CANCELLED;
            default -> State.RUNNING;
        };
    }

    /** The JDK's resultNow: the result, or {@link IllegalStateException} unless the task succeeded. */
    @Override
    public T resultNow() {
        int s = state;
        if (s == SUCCEEDED) {
            @SuppressWarnings("unchecked")
            T r = (T) outcome;
            return r;
        }
        if (s == FAILED) {
            markRetrieved();
            throw new IllegalStateException("Task completed with exception");
        }
        if (s >= CANCELLED) {
            throw new IllegalStateException("Task was cancelled");
        }
        throw new IllegalStateException("Task has not completed");
    }

    /** The JDK's exceptionNow: the exception, or {@link IllegalStateException} unless the task failed. */
    @Override
    public Throwable exceptionNow() {
        int s = state;
        if (s == FAILED) {
            markRetrieved();
            return (Throwable) outcome;
        }
        if (s == SUCCEEDED) {
            throw new IllegalStateException("Task completed with a result");
        }
        if (s >= CANCELLED) {
            throw new IllegalStateException("Task was cancelled");
        }
        throw new IllegalStateException("Task has not completed");
    }

    /**
     * A {@link CompletableFuture} completed when this future is done (normally, exceptionally with the
     * task's exception itself, or cancelled), through a done-callback: no thread blocks. One-way: completing or
     * cancelling the returned object does not affect this future.
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> cf = new CompletableFuture<>();
        addDoneCallback(f -> {
            int s = state;
            if (s == SUCCEEDED) {
                @SuppressWarnings("unchecked")
                T r = (T) outcome;
                cf.complete(r);
            } else if (s == FAILED) {
                markRetrieved();
                cf.completeExceptionally((Throwable) outcome);
            } else {
                cf.cancel(false);
            }
        });
        return cf;
    }

    /**
     * CPython's repr: {@code <Future at 0x1b6d3586 state=pending>}, {@code state=running},
     * {@code state=cancelled}, {@code state=finished raised IOException}, {@code state=finished returned
     * Integer} ({@code returned null}).
     */
    @Override
    public String toString() {
        String at = "<Future at 0x" + Integer.toHexString(System.identityHashCode(this)) + " state=";
        int s = state;
        return switch (s) {
            case PENDING, COMPLETING_P -> at + "pending>";
            case RUNNING, COMPLETING_R -> at + "running>";
            case CANCELLED, CANCELLED_AND_NOTIFIED -> at + "cancelled>";
            case FAILED -> at + "finished raised " + outcome.getClass().getSimpleName() + ">";
            default -> at + "finished returned " + (outcome == null ? "null" : outcome.getClass().getSimpleName()) + ">";
        };
    }

    // ---- package-private hooks for executors, wait and asCompleted -------------------------------------------

    /** Completes with a value or a throwable; false if already done. Used by executors that must not throw. */
    final boolean complete(Object value, boolean failed) {
        for (;;) {
            int s = state;
            int completing;
            if (s == PENDING) {
                completing = COMPLETING_P;
            } else if (s == RUNNING) {
                completing = COMPLETING_R;
            } else {
                while (state == COMPLETING_P || state == COMPLETING_R) {
                    Thread.onSpinWait(); // another thread won; it is writing the outcome
                }
                return false;
            }
            if (STATE.compareAndSet(this, s, completing)) {
                outcome = value;
                if (failed && Futures.reportUnretrieved && reportsUnretrieved()) {
                    unretrieved = Unretrieved.register(this, (Throwable) value);
                }
                state = failed ? FAILED : SUCCEEDED; // publishes outcome
                runner = null;
                finishCompletion();
                return true;
            }
        }
    }

    /** Whether an unretrieved failure of this future is reported when it is collected (E2). */
    boolean reportsUnretrieved() {
        return true;
    }

    /** After running a task: waits out a cancel(true) that is interrupting this thread, then clears the status. */
    final void afterRun() {
        while (interrupting == 1) {
            Thread.onSpinWait();
        }
        Thread.interrupted();
    }

    /** The thread running the task, or null. */
    final Thread runner() {
        return runner;
    }

    /** Whether this future finished with an exception (not a cancellation). */
    final boolean failed() {
        return state == FAILED;
    }

    /** Marks the stored exception as seen, so it is not reported at collection (E2). */
    final void markRetrieved() {
        Unretrieved u = unretrieved;
        if (u != null) {
            u.markRetrieved();
        }
    }

    /** Installs {@code hook}; false if the future is already done (then the hook is never called). */
    final boolean addHook(Hook hook) {
        return push(hook);
    }

    /** Removes a hook installed by {@link #addHook}; it will not be called afterwards. */
    final void removeHook(Hook hook) {
        hook.removed = true;
        unsplice();
    }

    /** Waits like result(Duration) without reporting: returns the state (done, or not done after the timeout). */
    private int awaitUnchecked(Duration timeout) {
        long nanos = 0L;
        boolean timed = timeout != null;
        if (timed) {
            nanos = Deadline.nanos(timeout);
            if (nanos <= 0) {
                return state;
            }
        }
        try {
            return awaitDone(timed, nanos);
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.restore(e);
        }
    }

    // ---- the stack ----------------------------------------------------------------------------------------

    /** A node of the stack. */
    abstract static class Node {
        volatile Node next;

        abstract boolean isRemoved();
    }

    /** A thread blocked in result()/exception()/get(). */
    private static final class Parked extends Node {
        volatile Thread thread;

        Parked(Thread thread) {
            this.thread = thread;
        }

        @Override
        boolean isRemoved() {
            return thread == null;
        }
    }

    /** A done-callback; never removed. */
    private static final class Callback extends Node {
        final Consumer<Object> fn;

        @SuppressWarnings("unchecked")
        Callback(Consumer<?> fn) {
            this.fn = (Consumer<Object>) fn;
        }

        @Override
        boolean isRemoved() {
            return false;
        }
    }

    /** One wait/asCompleted listener on one future: told when the future becomes done, unless removed. */
    abstract static class Hook extends Node {
        volatile boolean removed;

        /** Called once, in the completing thread, before the future's callbacks run. Must not block. */
        abstract void futureDone(Future<?> f);

        @Override
        final boolean isRemoved() {
            return removed;
        }
    }

    private static final Node DONE = new Parked(null);

    private boolean push(Node n) {
        for (;;) {
            Node h = stack;
            if (h == DONE) {
                return false;
            }
            n.next = h;
            if (STACK.compareAndSet(this, h, n)) {
                return true;
            }
        }
    }

    /** Unlinks removed nodes (FutureTask's removeWaiter); live nodes stay reachable throughout. */
    private void unsplice() {
        retry:
        for (;;) {
            Node pred = null;
            Node q = stack;
            if (q == DONE) {
                return;
            }
            for (Node s; q != null; q = s) {
                s = q.next;
                if (!q.isRemoved()) {
                    pred = q;
                } else if (pred != null) {
                    pred.next = s;
                    if (pred.isRemoved()) {
                        continue retry;
                    }
                } else if (!STACK.compareAndSet(this, q, s)) {
                    continue retry;
                }
            }
            return;
        }
    }

    /** After the final state write: wake threads and hooks, then run callbacks oldest first. */
    private void finishCompletion() {
        Node h = (Node) STACK.getAndSet(this, DONE);
        Callback only = null;
        List<Callback> callbacks = null;
        for (Node n = h; n != null; n = n.next) {
            if (n instanceof Parked p) {
                Thread t = p.thread;
                if (t != null) {
                    p.thread = null;
                    LockSupport.unpark(t);
                }
            } else if (n instanceof Hook k) {
                if (!k.removed) {
                    k.futureDone(this);
                }
            } else if (n instanceof Callback c) {
                if (only == null && callbacks == null) {
                    only = c;
                } else {
                    if (callbacks == null) {
                        callbacks = new ArrayList<>();
                        callbacks.add(only);
                    }
                    callbacks.add(c);
                }
            }
        }
        if (callbacks != null) {
            for (int i = callbacks.size() - 1; i >= 0; i--) { // the stack is newest first
                invokeCallback(callbacks.get(i).fn);
            }
        } else if (only != null) {
            invokeCallback(only.fn);
        }
    }

    @SuppressWarnings("unchecked")
    private void invokeCallback(Consumer<?> fn) {
        try {
            ((Consumer<Object>) fn).accept(this);
        } catch (Exception e) {
            Futures.LOGGER.log(System.Logger.Level.ERROR, "exception calling callback for " + this, e);
        }
    }

    /** Blocks until done, or until the timed wait runs out; returns the state seen last. */
    private int awaitDone(boolean timed, long nanos) throws InterruptedException {
        long deadline = 0L;
        if (timed) {
            if (nanos <= 0) {
                return waitOutCompleting();
            }
            if (nanos > Long.MAX_VALUE / 2) {
                timed = false; // beyond any real wait (about 146 years): wait without limit, no overflow
            } else {
                deadline = System.nanoTime() + nanos;
            }
        }
        Parked q = null;
        boolean queued = false;
        for (;;) {
            int s = state;
            if (s >= SUCCEEDED) {
                if (q != null) {
                    q.thread = null;
                }
                return s;
            }
            if (s == COMPLETING_P || s == COMPLETING_R) {
                Thread.yield();
                continue;
            }
            if (Thread.interrupted()) {
                if (q != null) {
                    q.thread = null;
                    unsplice();
                }
                throw new InterruptedException();
            }
            if (q == null) {
                q = new Parked(Thread.currentThread());
            } else if (!queued) {
                queued = push(q);
            } else if (timed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    q.thread = null;
                    unsplice();
                    return waitOutCompleting();
                }
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
    }

    private int waitOutCompleting() {
        int s;
        while ((s = state) == COMPLETING_P || s == COMPLETING_R) {
            Thread.onSpinWait();
        }
        return s;
    }

    private T report(int s) {
        if (s == SUCCEEDED) {
            @SuppressWarnings("unchecked")
            T r = (T) outcome;
            return r;
        }
        if (s == FAILED) {
            markRetrieved();
            throw new CompletionException((Throwable) outcome);
        }
        if (s >= CANCELLED) {
            throw new CancelledError();
        }
        throw new TimeoutError();
    }

    private T reportChecked(int s) throws ExecutionException {
        if (s == SUCCEEDED) {
            @SuppressWarnings("unchecked")
            T r = (T) outcome;
            return r;
        }
        if (s == FAILED) {
            markRetrieved();
            throw new ExecutionException((Throwable) outcome);
        }
        throw new CancelledError();
    }

    private InvalidStateError invalidState() {
        return new InvalidStateError(futureState() + ": " + this);
    }

    // ---- E2: failures nobody retrieved ---------------------------------------------------------------------

    /**
     * The Cleaner action of a failed future: holds the exception and a flag, never the future. Registered only
     * when a future fails, so successful tasks pay nothing.
     */
    static final class Unretrieved implements Runnable {
        private final Throwable exception;
        private volatile boolean retrieved;
        private volatile Cleaner.Cleanable cleanable;

        private Unretrieved(Throwable exception) {
            this.exception = exception;
        }

        static Unretrieved register(Future<?> future, Throwable exception) {
            Unretrieved u = new Unretrieved(exception);
            u.cleanable = Futures.cleaner().register(future, u);
            return u;
        }

        void markRetrieved() {
            if (!retrieved) {
                retrieved = true;
                Cleaner.Cleanable c = cleanable;
                if (c != null) {
                    c.clean(); // deregisters; run() then does nothing
                }
            }
        }

        @Override
        public void run() {
            if (!retrieved) {
                retrieved = true;
                Futures.LOGGER.log(System.Logger.Level.ERROR, "Future exception was never retrieved", exception);
            }
        }
    }

    private static final VarHandle STATE;
    private static final VarHandle STACK;
    private static final VarHandle INTERRUPTING;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(Future.class, "state", int.class);
            STACK = l.findVarHandle(Future.class, "stack", Node.class);
            INTERRUPTING = l.findVarHandle(Future.class, "interrupting", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
