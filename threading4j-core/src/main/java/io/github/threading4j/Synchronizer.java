package io.github.threading4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The mechanics shared by {@link Lock}, {@link RLock} and {@link Semaphore}: one CAS-updated state word, and a
 * queue of the threads blocked on it, each parked with the primitive itself as blocker (so a thread dump or
 * {@link LockSupport#getBlocker(Thread)} names the {@code Lock}, not a helper object).
 *
 * <p>A package-private superclass, as {@code AbstractStringBuilder} is to {@code StringBuilder}: nothing of it
 * is visible outside the package.
 */
abstract class Synchronizer {
    /*
     * Protocol. The fast path is the subclass's tryAcquire: one CAS on state, no queue. A thread that must wait
     * appends itself to waiters (created on first contention), then loops: tryAcquire, else park on the
     * primitive. A release updates state, then unparks the first n queued threads (wake). Newcomers may barge
     * (as CPython's locks and JUC's nonfair ones); the woken thread simply retries.
     *
     * No lost wake-up: a waiter is in the queue before its first retry, so a release either happens before that
     * retry (which then succeeds) or finds the waiter in the queue. A wake-up can reach a thread that is leaving
     * (it acquired, timed out or was interrupted): so every thread leaving the queue passes a wake-up on to the
     * next one whenever the primitive could be acquired now (available()). Waking costs one volatile read when
     * nobody ever waited, and allocates nothing for a single wake-up.
     */

    static final int ACQUIRED = 0;
    static final int TIMED_OUT = 1;
    static final int INTERRUPTED = 2;

    /** The state word; its meaning belongs to the subclass. Written by CAS (or by a lock's owner). */
    volatile int state;
    /** Threads blocked in acquireQueued, oldest first; null until the first contention. */
    private volatile ConcurrentLinkedQueue<Thread> waiters;

    private static final VarHandle STATE;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(Synchronizer.class, "state", int.class);
            WAITERS = l.findVarHandle(Synchronizer.class, "waiters", ConcurrentLinkedQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Synchronizer(int initialState) {
        this.state = initialState;
    }

    final boolean casState(int expected, int update) {
        return STATE.compareAndSet(this, expected, update);
    }

    /** One attempt to take {@code arg} units, never blocking. */
    abstract boolean tryAcquire(int arg);

    /** Whether a tryAcquire could succeed now (racy; used only to pass a wake-up on). */
    abstract boolean available();

    /**
     * The slow path: queues the caller, then retries and parks on this primitive until acquired, timed out or
     * (when {@code interruptible}) interrupted; the interrupt status is left as it was. An uninterruptible wait
     * takes interrupts while parked and sets the status again before returning.
     */
    final int acquireQueued(int arg, boolean interruptible, boolean timed, long nanos) {
        Thread me = Thread.currentThread();
        ConcurrentLinkedQueue<Thread> queue = queue();
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        boolean reinterrupt = false;
        int result;
        queue.add(me);
        try {
            for (;;) {
                if (tryAcquire(arg)) {
                    result = ACQUIRED;
                    break;
                }
                if (interruptible) {
                    if (me.isInterrupted()) {
                        result = INTERRUPTED;
                        break;
                    }
                } else if (Thread.interrupted()) {
                    reinterrupt = true; // cleared, or park would return at once; set again below
                }
                if (timed) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        result = TIMED_OUT;
                        break;
                    }
                    LockSupport.parkNanos(this, remaining);
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            queue.remove(me);
            if (available()) {
                wake(1); // this thread may have taken a wake-up meant for the next waiter
            }
            if (reinterrupt) {
                me.interrupt();
            }
        }
        return result;
    }

    /** Unparks the {@code n} oldest waiting threads, if any. */
    final void wake(int n) {
        ConcurrentLinkedQueue<Thread> queue = waiters;
        if (queue == null) {
            return;
        }
        if (n == 1) {
            Thread first = queue.peek();
            if (first != null) {
                LockSupport.unpark(first);
            }
            return;
        }
        for (Iterator<Thread> it = queue.iterator(); n > 0 && it.hasNext(); n--) {
            LockSupport.unpark(it.next());
        }
    }

    private ConcurrentLinkedQueue<Thread> queue() {
        ConcurrentLinkedQueue<Thread> queue = waiters;
        if (queue == null) {
            ConcurrentLinkedQueue<Thread> fresh = new ConcurrentLinkedQueue<>();
            queue = (ConcurrentLinkedQueue<Thread>) WAITERS.compareAndExchange(this, null, fresh);
            if (queue == null) {
                queue = fresh;
            }
        }
        return queue;
    }
}
