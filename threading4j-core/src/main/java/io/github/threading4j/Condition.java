package io.github.threading4j;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Python's {@code threading.Condition}: a lock together with a queue of threads waiting for something to
 * become true about the state the lock guards. A waiter releases the lock, sleeps until signalled, and gets
 * the lock back before {@code await} returns.
 *
 * <pre>{@code
 * // the tutorials' producer/consumer over a list
 * Condition notEmpty = new Condition();
 * // consumer
 * try (var held = notEmpty.hold()) {
 *     notEmpty.awaitFor(() -> !items.isEmpty());   // Python: cv.wait_for(lambda: items)
 *     item = items.removeFirst();
 * }
 * // producer
 * try (var held = notEmpty.hold()) {
 *     items.add(item);
 *     notEmpty.signal();                           // Python: cv.notify()
 * }
 * }</pre>
 *
 * <p>It works over a {@link Lock}, over an {@link RLock}, or over its own new {@code RLock} (Python's
 * {@code Condition()}); {@code acquire}, {@code release}, {@code locked} and {@code hold()} go to that lock.
 * Python's {@code wait}/{@code notify}/{@code notify_all} are {@code await}/{@code signal}/{@code signalAll}.
 * Over an {@code RLock} the caller must own it; over a {@code Lock}, which has no owner, it must merely be
 * locked (CPython's rule). A wait releases every recursion level of an {@code RLock} and restores them.
 *
 * <p>Unlike a JDK {@link java.util.concurrent.locks.Condition}, there are <em>no spurious wake-ups</em>:
 * {@code await} returns {@code true} only when a signal chose this thread, {@code false} only on timeout. Waiters
 * are signalled oldest first; {@code signal(n)} wakes at most {@code n}. The Python-named waits
 * ({@link #await(Duration)}, {@link #awaitFor}) throw {@link UncheckedInterruptedException} on interrupt with the
 * status kept; the JDK-declared ones ({@link #await()}, {@link #awaitNanos}, ...) throw the checked
 * {@link InterruptedException}. Either way the lock is held again, at its recursion level, when they throw.
 *
 * <p>Memory consistency: as the underlying lock; a signalled waiter returns after re-acquiring the lock.
 */
public class Condition implements java.util.concurrent.locks.Condition {
    /*
     * Mechanics. Each waiter enqueues a Node (FIFO) under queueLock, releases the user lock (all levels), then
     * parks on this Condition until its node leaves WAITING. The node's status is the one point of decision:
     * signal CASes WAITING -> SIGNALLED, a timeout or an interrupt CASes WAITING -> CANCELLED; whoever wins
     * decides the outcome, so a signal is never lost (a waiter that loses the race to a signal returns true,
     * with an interrupt left set) and never counts twice (signal(n) skips cancelled nodes). Only signal sets a
     * node SIGNALLED: no spurious wake-ups. queueLock exists because over a Lock a thread that does not hold it
     * may signal; it is held only to edit the queue, never while parked.
     */

    private static final int WAITING = 0;
    private static final int SIGNALLED = 1;
    private static final int CANCELLED = 2;

    /** Outcomes of awaitChecked. SIGNALLED (1) is shared with the node status. */
    private static final int TIMED_OUT = 0;
    private static final int INTERRUPTED = -1;

    /** How an interrupt is handled by a wait. */
    private enum Mode {
        /** Python-named: keep the status, throw UncheckedInterruptedException. */
        PYTHON,
        /** JDK-declared: clear the status, throw InterruptedException. */
        JDK,
        /** awaitUninterruptibly: keep waiting, set the status again on return. */
        UNINTERRUPTIBLE
    }

    /** The user lock when it is a Lock, else null. */
    private final Lock lock;
    /** The user lock when it is an RLock (also our own), else null. */
    private final RLock rlock;
    /** Shown in toString(); null when none was given. */
    private final String name;
    /** Guards waiters. Held only to edit the queue. */
    private final ReentrantLock queueLock = new ReentrantLock();
    /** Waiting nodes, oldest first; guarded by queueLock. Holds only WAITING nodes except transiently. */
    private final ArrayDeque<Node> waiters = new ArrayDeque<>();

    /** Python's {@code Condition()}: over a new {@link RLock} of its own. */
    public Condition() {
        this(new RLock(), null, null);
    }

    /** {@code Condition()} with a name shown in {@link #toString()}. */
    public Condition(String name) {
        this(new RLock(), null, Objects.requireNonNull(name, "name"));
    }

    /** Python's {@code Condition(lock)} over a {@link Lock}. */
    public Condition(Lock lock) {
        this(null, Objects.requireNonNull(lock, "lock"), null);
    }

    /** Python's {@code Condition(rlock)} over an {@link RLock}. */
    public Condition(RLock lock) {
        this(Objects.requireNonNull(lock, "lock"), null, null);
    }

    /** {@code Condition(lock)} with a name shown in {@link #toString()}. */
    public Condition(Lock lock, String name) {
        this(null, Objects.requireNonNull(lock, "lock"), Objects.requireNonNull(name, "name"));
    }

    /** {@code Condition(rlock)} with a name shown in {@link #toString()}. */
    public Condition(RLock lock, String name) {
        this(Objects.requireNonNull(lock, "lock"), null, Objects.requireNonNull(name, "name"));
    }

    private Condition(RLock rlock, Lock lock, String name) {
        this.rlock = rlock;
        this.lock = lock;
        this.name = name;
    }

    // ---- the lock ---------------------------------------------------------------------------------------------

    /** The lock's {@code acquire()}. */
    public boolean acquire() {
        return rlock != null ? rlock.acquire() : lock.acquire();
    }

    /** The lock's {@code acquire(blocking)}. */
    public boolean acquire(boolean blocking) {
        return rlock != null ? rlock.acquire(blocking) : lock.acquire(blocking);
    }

    /** The lock's {@code acquire(timeout)}. */
    public boolean acquire(Duration timeout) {
        return rlock != null ? rlock.acquire(timeout) : lock.acquire(timeout);
    }

    /** The lock's {@code acquire(blocking, timeout)}. */
    public boolean acquire(boolean blocking, Duration timeout) {
        return rlock != null ? rlock.acquire(blocking, timeout) : lock.acquire(blocking, timeout);
    }

    /** The lock's {@code release()}. */
    public void release() {
        if (rlock != null) {
            rlock.release();
        } else {
            lock.release();
        }
    }

    /** The lock's {@code locked()} [3.14]. */
    public boolean locked() {
        return rlock != null ? rlock.locked() : lock.locked();
    }

    /** Python's {@code with cond:}: the lock's {@code hold()}. */
    public Held hold() {
        return rlock != null ? rlock.hold() : lock.hold();
    }

    // ---- waiting ----------------------------------------------------------------------------------------------

    /**
     * Python's {@code wait(timeout)}: releases the lock completely, waits for a signal, re-acquires the lock at
     * its recursion level and returns {@code true}; {@code false} if the timeout elapsed first.
     *
     * <p>Wakes on {@link #signal()}, {@link #signal(int)}, {@link #signalAll()} choosing this thread (oldest
     * first); never spuriously. {@code null} waits forever; zero or negative does not wait (returns {@code false}
     * without releasing the lock, ignoring the interrupt status). Interrupt (status set on entry or while
     * waiting): the lock is re-acquired, the status stays set, {@link UncheckedInterruptedException}; a waiter
     * already signalled returns {@code true} instead, with the status set.
     *
     * @throws IllegalMonitorStateException {@code "cannot wait on un-acquired lock"}
     * @throws ArithmeticException {@code "timeout value is too large"} beyond {@link Threading#TIMEOUT_MAX}
     */
    public boolean await(Duration timeout) {
        checkOwned("cannot wait on un-acquired lock");
        if (timeout == null) {
            return python(awaitChecked(false, 0L, Mode.PYTHON));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            return false;
        }
        return python(awaitChecked(true, Timeouts.toNanos(timeout), Mode.PYTHON));
    }

    /**
     * Python's {@code wait_for(predicate)}: waits until {@code predicate} is true, evaluating it (with the lock
     * held) first and after every wake-up; returns {@code true}.
     *
     * <p>Wakes as {@link #await(Duration)}. Interrupt: as {@link #await(Duration)}.
     *
     * @throws IllegalMonitorStateException {@code "cannot wait on un-acquired lock"} when it has to wait
     */
    public boolean awaitFor(BooleanSupplier predicate) {
        return awaitFor(predicate, null);
    }

    /**
     * Python's {@code wait_for(predicate, timeout)}: waits until {@code predicate} is true or the timeout
     * elapses, re-waiting with the remaining time of one deadline; returns the predicate's last value.
     *
     * <p>Wakes as {@link #await(Duration)}. {@code null} waits forever; zero or negative evaluates the predicate
     * once and does not wait. Interrupt: as {@link #await(Duration)} (a signalled waiter evaluates the predicate
     * again and returns its value, with the status set).
     *
     * @throws IllegalMonitorStateException {@code "cannot wait on un-acquired lock"} when it has to wait
     * @throws ArithmeticException {@code "timeout value is too large"} beyond {@link Threading#TIMEOUT_MAX}, when it
     *     has to wait
     */
    public boolean awaitFor(BooleanSupplier predicate, Duration timeout) {
        Objects.requireNonNull(predicate, "predicate");
        boolean result = predicate.getAsBoolean();
        if (result) {
            return true;
        }
        if (timeout == null) {
            while (!result) {
                await(null);
                result = predicate.getAsBoolean();
            }
            return true;
        }
        checkOwned("cannot wait on un-acquired lock");
        if (timeout.isNegative() || timeout.isZero()) {
            return false;
        }
        long deadline = System.nanoTime() + Timeouts.toNanos(timeout);
        while (!result) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0L) {
                break;
            }
            checkOwned("cannot wait on un-acquired lock");
            python(awaitChecked(true, remaining, Mode.PYTHON));
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /**
     * JDK {@code await()} and Python's {@code wait()}: waits until signalled; never returns spuriously.
     * Interrupt (JDK contract): the lock is re-acquired, the status cleared, {@link InterruptedException}; a
     * waiter already signalled returns normally with the status set. Use {@code await(null)} for the unchecked
     * spelling.
     *
     * @throws IllegalMonitorStateException {@code "cannot wait on un-acquired lock"}
     */
    @Override
    public void await() throws InterruptedException {
        checkOwned("cannot wait on un-acquired lock");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        jdk(awaitChecked(false, 0L, Mode.JDK));
    }

    /** JDK {@code awaitUninterruptibly()}: waits until signalled; an interrupt is kept for after the wait. */
    @Override
    public void awaitUninterruptibly() {
        checkOwned("cannot wait on un-acquired lock");
        awaitChecked(false, 0L, Mode.UNINTERRUPTIBLE);
    }

    /**
     * JDK {@code awaitNanos}: waits until signalled or {@code nanosTimeout} elapsed (≤ 0: no wait); returns an
     * estimate of the time left, ≤ 0 when it timed out. Interrupt: as {@link #await()}.
     */
    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        checkOwned("cannot wait on un-acquired lock");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (nanosTimeout <= 0L) {
            return nanosTimeout;
        }
        long deadline = System.nanoTime() + nanosTimeout;
        boolean signalled = jdk(awaitChecked(true, nanosTimeout, Mode.JDK));
        long left = deadline - System.nanoTime();
        if (signalled) {
            return Math.max(left, 1L);
        }
        return Math.min(left, 0L);
    }

    /** JDK {@code await(time, unit)}: {@code true} if signalled, {@code false} if the time elapsed. */
    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(time);
        checkOwned("cannot wait on un-acquired lock");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (nanos <= 0L) {
            return false;
        }
        return jdk(awaitChecked(true, nanos, Mode.JDK));
    }

    /** JDK {@code awaitUntil(deadline)}: {@code true} if signalled, {@code false} if the deadline passed. */
    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        long millis = deadline.getTime() - System.currentTimeMillis();
        checkOwned("cannot wait on un-acquired lock");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (millis <= 0L) {
            return false;
        }
        return jdk(awaitChecked(true, TimeUnit.MILLISECONDS.toNanos(millis), Mode.JDK));
    }

    // ---- signalling -------------------------------------------------------------------------------------------

    /**
     * Python's {@code notify()}: wakes the oldest waiter, if any. It returns from its wait once it gets the lock,
     * so after the caller releases it.
     *
     * @throws IllegalMonitorStateException {@code "cannot notify on un-acquired lock"}
     */
    @Override
    public void signal() {
        signal(1);
    }

    /**
     * Python's {@code notify(n)}: wakes the {@code n} oldest waiters (fewer if fewer wait); {@code n <= 0} does
     * nothing.
     *
     * @throws IllegalMonitorStateException {@code "cannot notify on un-acquired lock"}
     */
    public void signal(int n) {
        checkOwned("cannot notify on un-acquired lock");
        if (n <= 0) {
            return;
        }
        queueLock.lock();
        try {
            Node node;
            while (n > 0 && (node = waiters.pollFirst()) != null) {
                if (node.signal()) {
                    n--;
                }
            }
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Python's {@code notify_all()}: wakes every current waiter.
     *
     * @throws IllegalMonitorStateException {@code "cannot notify on un-acquired lock"}
     */
    @Override
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * Python's ownership check: an RLock must be owned by the caller; a Lock (no owner) must be locked by
     * anyone.
     */
    private void checkOwned(String message) {
        boolean owned = rlock != null ? rlock.isHeldByCurrentThread() : lock.locked();
        if (!owned) {
            throw new IllegalMonitorStateException(message);
        }
    }

    /**
     * The wait itself, the ownership already checked: enqueue, release the lock completely, park until the node
     * is decided, re-acquire, then report SIGNALLED, TIMED_OUT or INTERRUPTED (only in PYTHON and JDK modes).
     */
    private int awaitChecked(boolean timed, long nanos, Mode mode) {
        if (mode == Mode.PYTHON && Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted();
        }
        Node node = new Node(Thread.currentThread());
        queueLock.lock();
        try {
            waiters.addLast(node);
        } finally {
            queueLock.unlock();
        }
        int saved = releaseLock();
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        boolean interrupted = false;
        boolean reinterrupt = false;
        Observation.waitStart(this);
        try {
            while (node.status == WAITING) {
                if (mode == Mode.UNINTERRUPTIBLE) {
                    if (Thread.interrupted()) {
                        reinterrupt = true;
                    }
                } else if (Thread.currentThread().isInterrupted()) {
                    if (node.cancel()) {
                        interrupted = true;
                    }
                    break;
                }
                if (timed) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        node.cancel();
                        break;
                    }
                    LockSupport.parkNanos(this, remaining);
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            Observation.waitEnd(this);
            if (node.status == CANCELLED) {
                queueLock.lock();
                try {
                    waiters.remove(node);
                } finally {
                    queueLock.unlock();
                }
            }
            restoreLock(saved);
        }
        if (reinterrupt) {
            Thread.currentThread().interrupt();
        }
        if (interrupted) {
            return INTERRUPTED;
        }
        return node.status == SIGNALLED ? SIGNALLED : TIMED_OUT;
    }

    /** A Python-named wait's outcome: interrupted -> unchecked exception, the status still set. */
    private static boolean python(int outcome) {
        if (outcome == INTERRUPTED) {
            throw UncheckedInterruptedException.interrupted();
        }
        return outcome == SIGNALLED;
    }

    /** A JDK-declared wait's outcome: interrupted -> status cleared, checked exception. */
    private static boolean jdk(int outcome) throws InterruptedException {
        if (outcome == INTERRUPTED) {
            Thread.interrupted();
            throw new InterruptedException();
        }
        return outcome == SIGNALLED;
    }

    private int releaseLock() {
        if (rlock != null) {
            return rlock.releaseSave();
        }
        lock.release();
        return 0;
    }

    private void restoreLock(int saved) {
        if (rlock != null) {
            rlock.acquireRestore(saved);
        } else {
            lock.lock();
        }
    }

    /** Number of threads waiting now; racy. */
    private int waiterCount() {
        queueLock.lock();
        try {
            return waiters.size();
        } finally {
            queueLock.unlock();
        }
    }

    /** CPython's repr: {@code <Condition(<lock's toString()>, <number of waiters>)>}. */
    @Override
    public String toString() {
        return "<Condition" + (name == null ? "" : " name='" + name + "'") + "("
                + (rlock != null ? rlock : lock) + ", " + waiterCount() + ")>";
    }

    /** One waiting thread; status moves once, from WAITING to SIGNALLED or CANCELLED. */
    private static final class Node {
        private static final java.lang.invoke.VarHandle STATUS;

        static {
            try {
                STATUS = java.lang.invoke.MethodHandles.lookup().findVarHandle(Node.class, "status", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Thread thread;
        volatile int status;

        Node(Thread thread) {
            this.thread = thread;
        }

        /** WAITING -> SIGNALLED and wake the thread; false if it was cancelled. */
        boolean signal() {
            if (STATUS.compareAndSet(this, WAITING, SIGNALLED)) {
                LockSupport.unpark(thread);
                return true;
            }
            return false;
        }

        /** WAITING -> CANCELLED; false if a signal came first. */
        boolean cancel() {
            return STATUS.compareAndSet(this, WAITING, CANCELLED);
        }
    }
}
