package io.github.threading4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code threading.Barrier}: {@code parties} threads meet; each {@link #await()} blocks until the last
 * one arrives, then all continue together, and the barrier is ready for the next round.
 *
 * <pre>{@code
 * // the tutorials' phases: no worker starts phase 2 before all finished phase 1
 * Barrier phaseEnd = new Barrier(3, () -> System.out.println("phase done"));
 * Runnable worker = () -> {
 *     loadData();
 *     phaseEnd.await();   // Python: barrier.wait()
 *     process();
 * };
 * }</pre>
 *
 * <p>{@code await} returns the arrival index of this round, {@code 0} for the first thread to arrive up to
 * {@code parties - 1} for the last; the last arriver runs the action (before anyone is released). A timeout,
 * an {@link #abort()} or an action that throws <em>breaks</em> the barrier: every waiter, and every later
 * arrival until {@link #reset()}, gets {@link BrokenBarrierError}; there is no timeout-specific exception.
 * Close to {@link java.util.concurrent.CyclicBarrier}, with Python's index order (the JDK counts down) and
 * a constructor default timeout.
 *
 * <p>Memory consistency: everything the parties did before {@code await} happens-before the action, which
 * happens-before every party's return from that round.
 */
public class Barrier {
    /*
     * Mechanics: CPython's algorithm over one internal ReentrantLock (mutex) and a list of parked threads; a
     * "change" (notifyAll) bumps changes and unparks them all; each waiter re-checks the state under the mutex
     * (no lost or spurious wake-ups matter). Threads park on this Barrier. The action runs with the mutex held,
     * as in CPython.
     *
     * An interrupted waiter (still FILLING) breaks the barrier, like the JDK's CyclicBarrier: CPython's thread
     * would leave the count, and the next arrival would take its index again.
     */

    /**
     * The lifecycle of a barrier. Legal transitions and their triggers:
     * <pre>
     * FILLING   -> DRAINING   the last party arrives and the action succeeds
     * DRAINING  -> FILLING    the last released party leaves await
     * FILLING   -> RESETTING  reset() with parties waiting (they leave with BrokenBarrierError)
     * BROKEN    -> RESETTING  reset() with parties still inside
     * RESETTING -> FILLING    the last of them leaves
     * BROKEN    -> FILLING    reset() with nobody inside; also FILLING -> FILLING
     * any       -> BROKEN     a wait times out or is interrupted, abort(), the action throws
     * </pre>
     */
    enum State {
        /** Parties are arriving; new arrivals join this round. */
        FILLING,
        /** The round tripped; the parties are leaving; new arrivals wait for FILLING. */
        DRAINING,
        /** reset() while parties were inside; they leave with BrokenBarrierError; new arrivals wait. */
        RESETTING,
        /** Every wait fails until reset(). */
        BROKEN
    }

    private final int parties;
    private final Runnable action;
    /** The constructor's default timeout; null = forever. */
    private final Duration timeout;
    /** Shown in toString(); null when none was given. */
    private final String name;

    /** Guards state, count, changes and parked. Held by waiters except while parked. */
    private final ReentrantLock mutex = new ReentrantLock();
    /** Guarded by mutex; volatile only for the racy reads of nWaiting(), isBroken() and toString(). */
    private volatile State state = State.FILLING;
    /** Parties inside await (arrived and not yet left); guarded by mutex; volatile for nWaiting(). */
    private volatile int count;
    /** Number of notifyAll() so far; a waiter returns from awaitChange when it moved. Guarded by mutex. */
    private long changes;
    /** Threads parked in awaitChange; guarded by mutex. */
    private final List<Thread> parked = new ArrayList<>();

    /**
     * Python's {@code Barrier(parties)}.
     *
     * @throws IllegalArgumentException {@code "parties must be >= 1"}
     */
    public Barrier(int parties) {
        this(parties, null, null, null);
    }

    /** Python's {@code Barrier(parties, action)}: the last party to arrive runs {@code action} (may be null). */
    public Barrier(int parties, Runnable action) {
        this(parties, action, null, null);
    }

    /**
     * Python's {@code Barrier(parties, action, timeout)}: {@code timeout} is the default of {@link #await()}
     * ({@code null} = wait forever).
     */
    public Barrier(int parties, Runnable action, Duration timeout) {
        this(parties, action, timeout, null);
    }

    /** As {@link #Barrier(int, Runnable, Duration)}, with a name shown in {@link #toString()}. */
    public Barrier(int parties, Runnable action, Duration timeout, String name) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1");
        }
        this.parties = parties;
        this.action = action;
        this.timeout = timeout;
        this.name = name;
    }

    /**
     * Python's {@code wait()}: waits, at most the constructor's timeout, until all parties have arrived; returns
     * this thread's arrival index, {@code 0} .. {@code parties - 1}.
     *
     * @see #await(Duration)
     */
    public int await() {
        return await(null);
    }

    /**
     * Python's {@code wait(timeout)}: arrives and waits until all parties have arrived (the last arriver runs the
     * action and does not wait); returns the arrival index.
     *
     * <p>Wakes when the last party arrives (and its action returned), or when the barrier breaks or is reset. A
     * thread arriving while the previous round is still leaving first waits for it. {@code timeout} {@code null}
     * uses the constructor's; when it elapses the barrier breaks. Zero or negative breaks the barrier at once
     * unless this thread is the last to arrive. Interrupt (status set on entry: nothing happens; while waiting:
     * the barrier breaks, like {@code CyclicBarrier}): the status stays set, {@link UncheckedInterruptedException};
     * a thread whose round already tripped returns its index instead, with the status set.
     *
     * @throws BrokenBarrierError the barrier is broken, breaks while waiting (timeout, {@link #abort()}, another
     *     party's action failed or it was interrupted) or is {@link #reset()} while waiting
     * @throws ArithmeticException {@code "timeout value is too large"} beyond {@link Threading#TIMEOUT_MAX}, when
     *     this thread has to wait
     * @throws RuntimeException whatever the action throws, in the last arriver (the barrier is then broken)
     */
    public int await(Duration timeout) {
        Duration limit = timeout != null ? timeout : this.timeout;
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted();
        }
        mutex.lock();
        try {
            enter();
            int index = count;
            count = index + 1;
            try {
                if (index + 1 == parties) {
                    trip();
                } else {
                    waitForTrip(limit);
                }
                return index;
            } finally {
                count = count - 1;
                exit();
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Python's {@code reset()}: back to the empty, unbroken state. Threads waiting now get
     * {@link BrokenBarrierError}; the barrier becomes usable once they have left.
     */
    public void reset() {
        mutex.lock();
        try {
            if (count > 0) {
                if (state == State.FILLING || state == State.BROKEN) {
                    state = State.RESETTING;
                }
            } else {
                state = State.FILLING;
            }
            notifyAllWaiters();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Python's {@code abort()}: breaks the barrier; current and later {@code await} calls throw
     * {@link BrokenBarrierError} until {@link #reset()}. Use it to free the parties when one cannot come.
     */
    public void abort() {
        mutex.lock();
        try {
            breakBarrier();
        } finally {
            mutex.unlock();
        }
    }

    /** Python's {@code parties}: how many threads must arrive. */
    public int parties() {
        return parties;
    }

    /** Python's {@code n_waiting}: threads waiting in the current round (0 unless filling). Racy. */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** Python's {@code broken}: whether the barrier is broken. Racy. */
    public boolean isBroken() {
        return state == State.BROKEN;
    }

    // ---- helpers (mutex held) ----------------------------------------------------------------------------------

    /** Blocks while the previous round drains or a reset completes; fails if broken. */
    private void enter() {
        assert mutex.isHeldByCurrentThread();
        while (state == State.DRAINING || state == State.RESETTING) {
            if (awaitChange(false, 0L) == INTERRUPTED) {
                throw UncheckedInterruptedException.interrupted();
            }
        }
        if (state == State.BROKEN) {
            throw broken();
        }
        assert state == State.FILLING;
    }

    /** The last arriver: runs the action, then releases the round; a failing action breaks the barrier. */
    private void trip() {
        assert mutex.isHeldByCurrentThread();
        try {
            if (action != null) {
                action.run();
            }
            state = State.DRAINING;
            notifyAllWaiters();
        } catch (Throwable t) {
            breakBarrier();
            throw t;
        }
    }

    /** Waits until the round leaves FILLING; a timeout or an interrupt breaks the barrier. */
    private void waitForTrip(Duration limit) {
        assert mutex.isHeldByCurrentThread();
        boolean timed = limit != null;
        boolean noWait = timed && (limit.isNegative() || limit.isZero());
        long deadline = timed && !noWait ? System.nanoTime() + Timeouts.toNanos(limit) : 0L;
        while (state == State.FILLING) {
            long remaining = timed && !noWait ? deadline - System.nanoTime() : 0L;
            if (noWait || timed && remaining <= 0L) {
                breakBarrier();
                throw broken();
            }
            if (awaitChange(timed, remaining) == INTERRUPTED && state == State.FILLING) {
                breakBarrier();
                throw UncheckedInterruptedException.interrupted();
            }
        }
        if (state == State.BROKEN || state == State.RESETTING) {
            throw broken();
        }
        assert state == State.DRAINING;
    }

    /** The last one out of a drained or reset round re-opens the barrier. */
    private void exit() {
        assert mutex.isHeldByCurrentThread();
        if (count == 0 && (state == State.RESETTING || state == State.DRAINING)) {
            state = State.FILLING;
            notifyAllWaiters();
        }
    }

    private void breakBarrier() {
        state = State.BROKEN;
        notifyAllWaiters();
    }

    private BrokenBarrierError broken() {
        return new BrokenBarrierError("barrier is broken: " + this);
    }

    private static final int CHANGED = 0;
    private static final int TIMED_OUT = 1;
    private static final int INTERRUPTED = 2;

    /**
     * Releases the mutex, parks on this Barrier until notifyAllWaiters() runs, the time is up or the thread is
     * interrupted (the status stays set), and takes the mutex again.
     */
    private int awaitChange(boolean timed, long nanos) {
        Thread me = Thread.currentThread();
        long seen = changes;
        long deadline = System.nanoTime() + nanos;
        parked.add(me);
        try {
            while (true) {
                if (changes != seen) {
                    return CHANGED;
                }
                if (me.isInterrupted()) {
                    return INTERRUPTED;
                }
                long remaining = deadline - System.nanoTime();
                if (timed && remaining <= 0L) {
                    return TIMED_OUT;
                }
                mutex.unlock();
                try {
                    if (timed) {
                        LockSupport.parkNanos(this, remaining);
                    } else {
                        LockSupport.park(this);
                    }
                } finally {
                    mutex.lock();
                }
            }
        } finally {
            if (changes == seen) {
                parked.remove(me);
            }
        }
    }

    private void notifyAllWaiters() {
        changes++;
        for (Thread t : parked) {
            LockSupport.unpark(t);
        }
        parked.clear();
    }

    /** CPython's repr: {@code <Barrier at 0x…: waiters=2/3>} or {@code <Barrier at 0x…: broken>}. Racy. */
    @Override
    public String toString() {
        String head = "<Barrier" + (name == null ? "" : " name='" + name + "'") + " at " + Timeouts.address(this);
        if (isBroken()) {
            return head + ": broken>";
        }
        return head + ": waiters=" + nWaiting() + "/" + parties + ">";
    }
}
