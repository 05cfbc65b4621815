package io.github.threading4j;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code threading.Lock}: a mutual-exclusion lock that has no owner. Any thread may release it, and
 * it is not reentrant: the holder acquiring it again blocks (or, with a timeout, gives up).
 *
 * <p>Where it differs from {@link java.util.concurrent.locks.ReentrantLock}: no owner, so {@link #release()}
 * from another thread is legal (a lock used as a one-shot signal, as CPython programs do), and releasing an
 * unlocked lock throws {@link IllegalMonitorStateException} ({@code "release unlocked lock"}) whoever calls it.
 * Acquisition order is unspecified: a newcomer may overtake blocked threads.
 *
 * <pre>{@code
 * // the tutorials' counter: 10 threads, 1000 increments each, always 10000
 * Lock counterLock = new Lock("counter");
 * Runnable work = () -> {
 *     for (int i = 0; i < 1000; i++) {
 *         try (var held = counterLock.hold()) {   // Python: with counter_lock:
 *             counter++;
 *         }
 *     }
 * };
 * }</pre>
 *
 * <p>Python's {@code acquire(blocking=True, timeout=-1)} becomes four overloads: {@link #acquire()},
 * {@link #acquire(boolean)}, {@link #acquire(Duration)}, {@link #acquire(boolean, Duration)}; a {@code null}
 * timeout is Python's {@code -1} (wait forever). The Python-named blocking calls are interruptible and throw
 * the unchecked {@link UncheckedInterruptedException} with the interrupt status kept; the JDK
 * {@link java.util.concurrent.locks.Lock} methods keep the JDK's contract ({@link #lock()} ignores interrupts,
 * {@link #lockInterruptibly()} throws {@link InterruptedException}).
 *
 * <p>Memory consistency: everything a thread did before {@code release()} happens-before what a thread does
 * after a later successful {@code acquire()}.
 */
public final class Lock extends Synchronizer implements java.util.concurrent.locks.Lock {
    /*
     * Mechanics (Synchronizer): the state word is the whole lock, 0 = unlocked, 1 = locked. acquire is one CAS
     * 0 -> 1 (the wait queue is touched only when it fails); release, from any thread, reads the state (0: the
     * error), writes 0 with a plain volatile store, as ReentrantLock's owner does, then wakes the oldest blocked
     * thread if it is parked. hold() returns the one Held below, so the uncontended path allocates nothing.
     * Blocked threads park on this Lock.
     *
     * Why a store is enough where the lock has no owner. While the lock is held (state 1), the only writes to
     * state are releases: an acquire writes only by CAS 0 -> 1, which fails on 1. In a program that releases
     * each acquisition once (what Python requires), the release that reads 1 is the only write pending on that
     * acquisition, so "read 1, write 0" has the same effect as the CAS 1 -> 0: no acquisition is lost and none
     * is doubled, and the store's release semantics give the same happens-before edge to the next acquirer as
     * the CAS did. A release ordered after the lock became unlocked (the same thread releasing twice, or a
     * thread releasing after it saw the release, or a lock never acquired) reads 0 and throws, as before. What
     * the CAS added is only this: two releases of one acquisition racing each other with no order between them
     * would see one of them throw, where both may now pass. Even the CAS never caught that reliably (an acquire
     * landing between the two releases lets the second CAS 1 -> 0 succeed and silently free someone else's
     * lock), so it was never a guarantee; it is a data race in the caller's program either way. The store is a
     * volatile write, not setRelease, because the wake-up check that follows it must not be reordered before it
     * (Synchronizer's "no lost wake-up", point 1).
     */

    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;

    /** Shown in toString(); null when none was given. */
    private final String name;
    /** What hold() returns: one per lock, closing it releases once. */
    private final Held held = this::release;

    /** Python's {@code Lock()}: a new, unlocked lock. */
    public Lock() {
        super(UNLOCKED);
        this.name = null;
    }

    /** A new, unlocked lock with a name shown in {@link #toString()} (for thread dumps and lock-order reports). */
    public Lock(String name) {
        super(UNLOCKED);
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Python's {@code acquire()}: blocks until the lock is unlocked, then locks it; returns {@code true}.
     *
     * <p>Wakes when the lock is released and this thread wins it. Interrupt (status set on entry or while
     * waiting): nothing acquired, the status stays set, {@link UncheckedInterruptedException}. The holder itself
     * calling it deadlocks (the lock is not reentrant).
     */
    public boolean acquire() {
        return acquireOne();
    }

    /**
     * Python's {@code acquire(blocking)}: {@code true} is {@link #acquire()}; {@code false} locks it only if it
     * is unlocked now and returns whether it did, never waiting and ignoring the interrupt status.
     */
    public boolean acquire(boolean blocking) {
        return blocking ? acquire() : tryOnce();
    }

    /** Python's {@code acquire(timeout=t)}: {@link #acquire(boolean, Duration) acquire(true, timeout)}. */
    public boolean acquire(Duration timeout) {
        return acquire(true, timeout);
    }

    /**
     * Python's {@code acquire(blocking, timeout)}: waits at most {@code timeout} for the lock.
     *
     * <p>Wakes when the lock is released and this thread wins it ({@code true}), or when the timeout elapses
     * ({@code false}, nothing acquired). {@code null} waits forever; zero tries once without waiting (and
     * ignores the interrupt status). Interrupt: as {@link #acquire()}.
     *
     * @throws IllegalArgumentException {@code "can't specify a timeout for a non-blocking call"} when
     *     {@code blocking} is false and {@code timeout} is not null; {@code "timeout value must be a non-negative
     *     number"} for a negative timeout
     * @throws ArithmeticException {@code "timeout value is too large"} beyond {@link Threading#TIMEOUT_MAX}
     */
    public boolean acquire(boolean blocking, Duration timeout) {
        return lockAcquire(blocking, timeout);
    }

    /**
     * Python's {@code release()}: unlocks the lock; any thread may call it. Wakes one blocked acquirer, if any.
     *
     * @throws IllegalMonitorStateException {@code "release unlocked lock"} when it is not locked
     */
    public void release() {
        if (state == UNLOCKED) {
            throw new IllegalMonitorStateException("release unlocked lock");
        }
        state = UNLOCKED; // a volatile store, not a CAS: see Mechanics above
        wake(1);
        Observation.released(this);
    }

    /** Python's {@code locked()}: whether some thread holds the lock. Racy: it may change at once. */
    public boolean locked() {
        return state != UNLOCKED;
    }

    /**
     * Python's {@code with lock:}: acquires as {@link #acquire()} (blocking, interruptible) and returns the
     * handle whose {@code close()} releases once: {@code try (var held = lock.hold()) { ... }}.
     */
    public Held hold() {
        acquire();
        return held;
    }

    // ---- java.util.concurrent.locks.Lock ------------------------------------------------------------------------

    /** JDK {@code lock()}: as {@link #acquire()} but uninterruptible (an interrupt is kept for later). */
    @Override
    public void lock() {
        if (!tryAcquire(1)) {
            Observation.waitStart(this);
            try {
                acquireQueued(1, false, false, 0L);
            } finally {
                Observation.waitEnd(this);
            }
        }
        Observation.acquired(this);
    }

    /** JDK {@code lockInterruptibly()}: on interrupt clears the status and throws {@link InterruptedException}. */
    @Override
    public void lockInterruptibly() throws InterruptedException {
        lockInterruptiblyChecked();
    }

    /** JDK {@code tryLock()}: {@code acquire(false)}. */
    @Override
    public boolean tryLock() {
        return tryOnce();
    }

    /** JDK {@code tryLock(time, unit)}: JDK rules (≤ 0 no wait, huge saturates, checked interrupt). */
    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return tryLockChecked(time, unit);
    }

    /** JDK {@code unlock()}: {@link #release()}, from any thread. */
    @Override
    public void unlock() {
        release();
    }

    /** JDK {@code newCondition()}: {@code new Condition(this)}. */
    @Override
    public Condition newCondition() {
        return new Condition(this);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /**
     * CPython's repr: {@code <locked Lock object at 0x1b6d3586>} / {@code <unlocked Lock object at 0x…>}, with
     * {@code name='…'} before {@code at} when the lock has a name.
     */
    @Override
    public String toString() {
        return "<" + (locked() ? "locked" : "unlocked") + " Lock object "
                + (name == null ? "" : "name='" + name + "' ") + "at " + Timeouts.address(this) + ">";
    }

    @Override
    boolean tryAcquire(int ignored) {
        return state == UNLOCKED && casState(UNLOCKED, LOCKED);
    }

    @Override
    boolean available() {
        return state == UNLOCKED;
    }
}
