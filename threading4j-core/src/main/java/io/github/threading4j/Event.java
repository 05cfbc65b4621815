package io.github.threading4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code threading.Event}: a flag that threads wait for. {@link #set()} raises it and wakes every
 * waiter, {@link #clear()} lowers it, {@link #await()} returns at once while it is raised and otherwise waits.
 *
 * <pre>{@code
 * Event stop = new Event("stop");
 * Thread worker = Threading.thread(() -> {
 *     while (!stop.isSet()) {
 *         doSomeWork();
 *     }
 * });
 * worker.start();
 * ...
 * stop.set();   // Python: stop_event.set()
 * }</pre>
 *
 * <p>Unlike a {@link java.util.concurrent.CountDownLatch} it can be cleared and set again. A waiter woken by
 * {@code set()} returns {@code true} even if {@code clear()} ran before it got to run (CPython gh-57711): a
 * {@code set()} is never lost on a waiter that was there to see it.
 *
 * <p>Memory consistency: actions before {@code set()} happen-before the return of a wait that it ended, and
 * of any {@code isSet()} that returns {@code true} because of it.
 */
public class Event {
    /*
     * Mechanics: one word, state, holds the flag (SET) and whether threads may be waiting (WAITERS). isSet and
     * clear touch only the word; set() is one getAndBitwiseOr and takes waitersLock only when the WAITERS bit
     * was on. A waiter, holding waitersLock, appends its node and ORs in WAITERS; the OR tells it atomically
     * whether the flag went up first (then it leaves at once). So either the waiter sees SET, or set() sees
     * WAITERS and, after taking waitersLock, finds the node in the list: no lost wake-up. set() marks each node
     * woken before unparking it; a waiter trusts its node, not the flag, so a clear() that follows cannot undo
     * the wake-up (gh-57711). Waiters park on this Event. waitersLock is held only to edit the list, never while
     * parked.
     */

    private static final int SET = 1;
    private static final int WAITERS = 2;

    /** SET: the flag; WAITERS: waiters may be in the list. Only WAITERS changes under waitersLock. */
    private volatile int state;
    /** Guards waiters, and the clearing of the WAITERS bit. */
    private final ReentrantLock waitersLock = new ReentrantLock();
    /** Threads parked in await, oldest first; guarded by waitersLock. */
    private final List<Waiter> waiters = new ArrayList<>();
    /** Shown in toString(); null when none was given. */
    private final String name;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Event.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Python's {@code Event()}: a new event, not set. */
    public Event() {
        this.name = null;
    }

    /** A new event, not set, with a name shown in {@link #toString()}. */
    public Event(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Python's {@code is_set()}: whether the flag is raised. */
    public boolean isSet() {
        return (state & SET) != 0;
    }

    /**
     * Python's {@code set()}: raises the flag and wakes every thread waiting in {@link #await()}. Costs one
     * atomic operation when nobody waits.
     */
    public void set() {
        if ((state & SET) != 0) {
            return;
        }
        int previous = (int) STATE.getAndBitwiseOr(this, SET);
        if ((previous & WAITERS) != 0) {
            wakeAll();
        }
    }

    /** Python's {@code clear()}: lowers the flag; later waits block until the next {@link #set()}. */
    public void clear() {
        if ((state & SET) != 0) {
            STATE.getAndBitwiseAnd(this, ~SET);
        }
    }

    /**
     * Python's {@code wait()}: returns {@code true} once the flag is raised, at once if it is raised now.
     *
     * <p>Wakes on {@link #set()}. Interrupt (status set on entry or while waiting): the status stays set,
     * {@link UncheckedInterruptedException}.
     */
    public boolean await() {
        return await(null);
    }

    /**
     * Python's {@code wait(timeout)}: waits at most {@code timeout} for the flag.
     *
     * <p>Returns {@code true} at once if the flag is raised; otherwise wakes on {@link #set()} ({@code true},
     * even if {@code clear()} ran since) or when the timeout elapses ({@code false}). {@code null} waits
     * forever; zero or negative does not wait (and ignores the interrupt status). Interrupt: as
     * {@link #await()}.
     *
     * @throws ArithmeticException {@code "timeout value is too large"} beyond {@link Threading#TIMEOUT_MAX}, only
     *     when the flag is not raised
     */
    public boolean await(Duration timeout) {
        boolean timed = timeout != null;
        if (timed && (timeout.isNegative() || timeout.isZero())) {
            return isSet();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted();
        }
        if (isSet()) {
            return true;
        }
        long nanos = timed ? Timeouts.toNanos(timeout) : 0L;
        return awaitSlow(timed, nanos);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private boolean awaitSlow(boolean timed, long nanos) {
        Waiter me = new Waiter(Thread.currentThread());
        waitersLock.lock();
        try {
            int previous = (int) STATE.getAndBitwiseOr(this, WAITERS);
            if ((previous & SET) != 0) {
                if (previous == SET) { // we turned WAITERS on with nobody in the list: undo it
                    dropWaitersBitIfEmpty();
                }
                return true;
            }
            waiters.add(me);
        } finally {
            waitersLock.unlock();
        }
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        boolean interrupted = false;
        Observation.waitStart(this);
        try {
            while (!me.woken) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    break;
                }
                if (timed) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        break;
                    }
                    LockSupport.parkNanos(this, remaining);
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            Observation.waitEnd(this);
        }
        if (me.woken) {
            return true; // woken by set(): true even if clear() ran since (gh-57711); an interrupt stays set
        }
        waitersLock.lock();
        try {
            if (!me.woken) {
                waiters.remove(me);
                dropWaitersBitIfEmpty();
            }
        } finally {
            waitersLock.unlock();
        }
        if (me.woken) {
            return true;
        }
        if (interrupted) {
            throw UncheckedInterruptedException.interrupted();
        }
        return false;
    }

    private void wakeAll() {
        waitersLock.lock();
        try {
            for (Waiter w : waiters) {
                w.woken = true;
                LockSupport.unpark(w.thread);
            }
            waiters.clear();
            dropWaitersBitIfEmpty();
        } finally {
            waitersLock.unlock();
        }
    }

    /** With waitersLock held: turns WAITERS off when nobody is left in the list. */
    private void dropWaitersBitIfEmpty() {
        assert waitersLock.isHeldByCurrentThread();
        if (waiters.isEmpty()) {
            STATE.getAndBitwiseAnd(this, ~WAITERS);
        }
    }

    /** CPython's repr: {@code <Event at 0x…: set>} / {@code <Event at 0x…: unset>}. */
    @Override
    public String toString() {
        return "<Event" + (name == null ? "" : " name='" + name + "'") + " at " + Timeouts.address(this) + ": "
                + (isSet() ? "set" : "unset") + ">";
    }

    /** A thread parked in await; woken is written by set() under waitersLock, read by the waiter. */
    private static final class Waiter {
        final Thread thread;
        volatile boolean woken;

        Waiter(Thread thread) {
            this.thread = thread;
        }
    }
}
