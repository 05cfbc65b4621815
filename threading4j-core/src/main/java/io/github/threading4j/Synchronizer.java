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
     * Protocol. The fast path is the subclass's tryAcquire: one CAS on state, no queue. A thread whose fast path
     * failed comes to acquireQueued, which avoids the convoy in which every release puts the next owner to sleep
     * and wakes it on the other CPU (tens of microseconds a hop), as the JDK's AbstractQueuedSynchronizer does:
     *
     * - Retry before parking: a queued thread tries again after it joined the queue and again after it
     *   announced that it parks (below), and, while nobody is queued or whenever it is the oldest waiter after
     *   a wake-up, up to SPINS more times with Thread.onSpinWait() between (0 by default: see SPINS). Only the
     *   oldest waiter spins: the others park.
     * - Barge: newcomers may take the primitive ahead of queued threads (CPython promises no fairness; JUC's
     *   nonfair locks do the same); a woken thread that loses simply retries.
     * - Wake only when needed: a queued thread announces that it is about to park (its node's status WAITING),
     *   re-checks tryAcquire, and only then parks. A release unparks the oldest waiter only if it has announced;
     *   one that is spinning or running will see the release in its next tryAcquire.
     *
     * No lost wake-up. (1) A waiter's announce (volatile write of status) comes before its last tryAcquire (a
     * volatile read of state) and its park; a release writes state (volatile write or CAS) before it reads the
     * head's status. Volatile accesses are totally ordered, so either the waiter's re-check sees the release, or
     * the release sees WAITING and unparks it (an unpark before the park makes the park return at once). (2) A
     * waiter is in the queue before its first queued tryAcquire, so a release either comes before that retry
     * (which then succeeds) or finds the waiter in the queue. (3) A release wakes only the oldest waiter, and a
     * wake-up can reach a thread that is leaving (it acquired, timed out or was interrupted), so every thread
     * leaving the queue, after removing itself, passes a wake-up on to the new oldest waiter whenever the
     * primitive could be acquired now (available()): by the same ordering as in (1), either the releaser saw the
     * leaving thread gone and woke the next, or the leaving thread sees the release.
     *
     * Costs: the uncontended path never comes here; a release reads one volatile field when nobody ever waited
     * and allocates nothing. A queued wait allocates its node (and the queue's own node), as AQS does.
     */

    static final int ACQUIRED = 0;
    static final int TIMED_OUT = 1;
    static final int INTERRUPTED = 2;

    /**
     * How many times the oldest waiter retries (with Thread.onSpinWait) before it parks; the system property
     * {@code threading4j.spins} sets it. Chosen by measurement, not guessed: on the 2-CPU hosts of
     * BENCHMARKS.md ("Locks and semaphores: spin or not"), with 4 benchmark threads and other work sharing the
     * CPUs, 0 beat 64, 256 and 1024 on the contended lock and semaphore benchmarks (a spinning waiter takes the
     * CPU the holder needs to finish). The wake-up savings above do not depend on it. A host with CPUs to
     * spare may measure otherwise: the loops stay, so that the property can be tried there.
     */
    static final int SPINS = Math.max(0, Integer.getInteger("threading4j.spins", 0));

    /** A queued thread; status WAITING once it has announced that it will park. */
    static final class Node {
        static final int WAITING = 1;
        final Thread thread;
        volatile int status;

        Node(Thread thread) {
            this.thread = thread;
        }
    }

    /** The state word; its meaning belongs to the subclass. Written by CAS (or by a lock's owner). */
    volatile int state;
    /** Threads blocked in acquireQueued, oldest first; null until the first contention. */
    private volatile ConcurrentLinkedQueue<Node> waiters;

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
     * The slow path: spins briefly if nobody is queued, then queues the caller, and retries (spinning while it is
     * the oldest waiter after a wake-up) and parks on this primitive until acquired, timed out or (when
     * {@code interruptible}) interrupted; the interrupt status is left as it was. An uninterruptible wait takes
     * interrupts while parked and sets the status again before returning. As before spinning was added, a
     * timed wait tries once more at its deadline, and an interrupted one may still acquire if its retry wins.
     */
    final int acquireQueued(int arg, boolean interruptible, boolean timed, long nanos) {
        Thread me = Thread.currentThread();
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        ConcurrentLinkedQueue<Node> queue = waiters;
        if (queue == null || queue.peek() == null) {
            // Nobody queued: this thread would be the oldest waiter. Spin without a node (no allocation).
            for (int i = SPINS; i > 0; i--) {
                Thread.onSpinWait();
                if (tryAcquire(arg)) {
                    return ACQUIRED;
                }
                if ((interruptible && me.isInterrupted()) || (timed && System.nanoTime() - deadline >= 0L)) {
                    break; // the loop below returns INTERRUPTED / TIMED_OUT after its own try
                }
            }
            queue = queue();
        }
        Node node = new Node(me);
        boolean reinterrupt = false;
        int spins = 0;
        int result;
        queue.add(node);
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
                long remaining = 0L;
                if (timed) {
                    remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        result = TIMED_OUT;
                        break;
                    }
                }
                if (spins > 0 && queue.peek() == node) {
                    spins--;
                    Thread.onSpinWait();
                } else if (node.status == 0) {
                    node.status = Node.WAITING; // announce, then re-check once more before parking
                } else {
                    if (timed) {
                        LockSupport.parkNanos(this, remaining);
                    } else {
                        LockSupport.park(this);
                    }
                    spins = SPINS; // woken: spin while this thread is the oldest waiter
                }
            }
        } finally {
            queue.remove(node);
            if (available()) {
                wake(1); // this thread may have taken a wake-up meant for the next waiter
            }
            if (reinterrupt) {
                me.interrupt();
            }
        }
        return result;
    }

    /** Unparks those of the {@code n} oldest queued threads that announced they park; the others will retry. */
    final void wake(int n) {
        ConcurrentLinkedQueue<Node> queue = waiters;
        if (queue == null) {
            return;
        }
        if (n == 1) {
            Node first = queue.peek();
            if (first != null) {
                unpark(first);
            }
            return;
        }
        for (Iterator<Node> it = queue.iterator(); n > 0 && it.hasNext(); n--) {
            unpark(it.next());
        }
    }

    private void unpark(Node node) {
        if (node.status != 0) {
            node.status = 0; // it re-checks before it parks again, so one unpark per announcement suffices
            LockSupport.unpark(node.thread);
        }
    }

    private ConcurrentLinkedQueue<Node> queue() {
        ConcurrentLinkedQueue<Node> queue = waiters;
        if (queue == null) {
            ConcurrentLinkedQueue<Node> fresh = new ConcurrentLinkedQueue<>();
            queue = (ConcurrentLinkedQueue<Node>) WAITERS.compareAndExchange(this, null, fresh);
            if (queue == null) {
                queue = fresh;
            }
        }
        return queue;
    }

    // ---- acquire paths shared by Lock, RLock and Semaphore (one permit) ----------------------------------------

    /** Python's blocking {@code acquire()} of one permit: a try, else the wait; returns {@code true}. */
    final boolean acquireOne() {
        if (Thread.currentThread().isInterrupted() || !tryAcquire(1)) {
            acquireSlow();
        }
        Observation.acquired(this);
        return true;
    }

    /**
     * Python's {@code Lock/RLock.acquire(blocking, timeout)}: the lock family's argument rules
     * ({@link Timeouts#checkLockTimeout}), then no wait, a wait without limit, or a timed wait.
     */
    final boolean lockAcquire(boolean blocking, java.time.Duration timeout) {
        Timeouts.checkLockTimeout(blocking, timeout);
        if (!blocking) {
            return tryOnce();
        }
        if (timeout == null) {
            return acquireOne();
        }
        long nanos = timeout.toNanos();
        if (nanos == 0L) {
            return tryOnce();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted();
        }
        if (!tryAcquire(1) && !timedSlow(nanos)) {
            return false;
        }
        Observation.acquired(this);
        return true;
    }

    /** A non-blocking acquire: one try, observed on success. */
    final boolean tryOnce() {
        if (tryAcquire(1)) {
            Observation.acquired(this);
            return true;
        }
        return false;
    }

    /** The wait of a blocking Python-named acquire: an interrupt throws unchecked, the status kept. */
    final void acquireSlow() {
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted();
        }
        Observation.waitStart(this);
        try {
            if (acquireQueued(1, true, false, 0L) == INTERRUPTED) {
                throw UncheckedInterruptedException.interrupted();
            }
        } finally {
            Observation.waitEnd(this);
        }
    }

    /** The wait of a timed Python-named acquire; {@code true} when acquired within {@code nanos}. */
    final boolean timedSlow(long nanos) {
        Observation.waitStart(this);
        try {
            int result = acquireQueued(1, true, true, nanos);
            if (result == INTERRUPTED) {
                throw UncheckedInterruptedException.interrupted();
            }
            return result == ACQUIRED;
        } finally {
            Observation.waitEnd(this);
        }
    }

    /** JDK {@code Lock.lockInterruptibly()}: on interrupt clears the status and throws. */
    final void lockInterruptiblyChecked() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryAcquire(1)) {
            Observation.waitStart(this);
            try {
                if (acquireQueued(1, true, false, 0L) == INTERRUPTED) {
                    Thread.interrupted();
                    throw new InterruptedException();
                }
            } finally {
                Observation.waitEnd(this);
            }
        }
        Observation.acquired(this);
    }

    /** JDK {@code Lock.tryLock(time, unit)}: no wait when {@code <= 0}, huge values saturate, checked interrupt. */
    final boolean tryLockChecked(long time, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(time);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryAcquire(1)) {
            if (nanos <= 0L) {
                return false;
            }
            Observation.waitStart(this);
            try {
                int result = acquireQueued(1, true, true, nanos);
                if (result == INTERRUPTED) {
                    Thread.interrupted();
                    throw new InterruptedException();
                }
                if (result == TIMED_OUT) {
                    return false;
                }
            } finally {
                Observation.waitEnd(this);
            }
        }
        Observation.acquired(this);
        return true;
    }
}
