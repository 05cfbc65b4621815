package io.github.threading4j;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code threading.RLock}: a reentrant lock. The thread that holds it may acquire it again; it is
 * free once that thread has released it as many times as it acquired it. Only the owner may release.
 *
 * <pre>{@code
 * RLock accountLock = new RLock("account");
 * void transfer(int amount) {
 *     try (var held = accountLock.hold()) {
 *         withdraw(amount);                  // takes accountLock again: fine, it nests
 *         deposit(amount);
 *     }
 * }
 * }</pre>
 *
 * <p>Close to {@link java.util.concurrent.locks.ReentrantLock}, with CPython's rules: {@link #release()} by a
 * thread that does not own it (including on a free lock) throws {@link IllegalMonitorStateException}
 * ({@code "cannot release un-acquired lock"}); an owner's {@code acquire(false)} succeeds; timeouts and
 * interrupts follow {@link Lock}. {@link #locked()} is true while any thread holds it; the CPython-private
 * {@code _is_owned()} and {@code _recursion_count()} are {@link #isHeldByCurrentThread()} and
 * {@link #getHoldCount()}, as on {@code ReentrantLock}.
 *
 * <p>Memory consistency: as {@link Lock}.
 */
public final class RLock extends Synchronizer implements java.util.concurrent.locks.Lock {
    /*
     * Mechanics (Synchronizer): state = recursion count (0 = free); owner = the holding thread. The first
     * acquire is one CAS 0 -> 1 and then sets owner; a nested acquire or a release by the owner is a plain
     * volatile write (only the owner writes while it holds). The last release clears owner before state, then
     * wakes the oldest blocked thread. Condition's hand-over uses releaseSave()/acquireRestore(count), which
     * drop and restore every level at once. Blocked threads park on this RLock.
     */

    /**
     * The owning thread while state != 0, else null. Written only by the thread that takes or gives up the lock
     * (after its CAS, before its releasing write of state); read without a lock: the owner always sees its own
     * writes, so isHeldByCurrentThread() is exact; other readers (toString) may see a stale value.
     */
    private Thread owner;
    /** Shown in toString(); null when none was given. */
    private final String name;
    /** What hold() returns: one per lock, closing it releases one level. */
    private final Held held = this::release;

    /** Python's {@code RLock()}: a new, free lock. */
    public RLock() {
        super(0);
        this.name = null;
    }

    /** A new, free lock with a name shown in {@link #toString()}. */
    public RLock(String name) {
        super(0);
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Python's {@code acquire()}: the owner adds a level and returns at once; another thread blocks until the
     * lock is free, then owns it with one level. Returns {@code true}.
     *
     * <p>Wakes when the owner's last release frees the lock and this thread wins it. Interrupt (status set on
     * entry or while waiting): nothing acquired, the status stays set, {@link UncheckedInterruptedException}.
     */
    public boolean acquire() {
        return acquireOne();
    }

    /** Python's {@code acquire(blocking)}: {@code false} never waits (the owner still succeeds). */
    public boolean acquire(boolean blocking) {
        return blocking ? acquire() : tryOnce();
    }

    /** Python's {@code acquire(timeout=t)}: {@link #acquire(boolean, Duration) acquire(true, timeout)}. */
    public boolean acquire(Duration timeout) {
        return acquire(true, timeout);
    }

    /**
     * Python's {@code acquire(blocking, timeout)}: the arguments are checked first (also for the owner), then
     * as {@link Lock#acquire(boolean, Duration)}, except that the owner always succeeds at once.
     *
     * @throws IllegalArgumentException {@code "can't specify a timeout for a non-blocking call"};
     *     {@code "timeout value must be a non-negative number"}
     * @throws ArithmeticException {@code "timeout value is too large"} beyond {@link Threading#TIMEOUT_MAX}
     */
    public boolean acquire(boolean blocking, Duration timeout) {
        return lockAcquire(blocking, timeout);
    }

    /**
     * Python's {@code release()}: removes one level; the last one frees the lock and wakes one blocked acquirer.
     *
     * @throws IllegalMonitorStateException {@code "cannot release un-acquired lock"} when the caller does not
     *     own it
     */
    public void release() {
        releaseLevels(1);
        Observation.released(this);
    }

    /** Python's {@code locked()} [3.14]: whether any thread holds it. Racy. */
    public boolean locked() {
        return state != 0;
    }

    /** Python's {@code with rlock:}: {@link #acquire()}, then a handle whose {@code close()} releases one level. */
    public Held hold() {
        acquire();
        return held;
    }

    /** Python's {@code _is_owned()}: whether the calling thread owns the lock. */
    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** Python's {@code _recursion_count()}: the caller's recursion level, 0 unless it owns the lock. */
    public int getHoldCount() {
        return isHeldByCurrentThread() ? state : 0;
    }

    // ---- Condition's hand-over --------------------------------------------------------------------------------

    /**
     * Python's {@code _release_save()}: frees the lock completely, whatever the recursion level, and returns
     * that level for {@link #acquireRestore(int)}.
     *
     * @throws IllegalMonitorStateException {@code "cannot release un-acquired lock"} unless the caller owns it
     */
    int releaseSave() {
        if (!isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("cannot release un-acquired lock");
        }
        int count = state;
        releaseLevels(count);
        Observation.released(this);
        return count;
    }

    /** Python's {@code _acquire_restore(state)}: waits uninterruptibly for the lock, then owns it at {@code count}. */
    void acquireRestore(int count) {
        if (!tryAcquire(count)) {
            Observation.waitStart(this);
            try {
                acquireQueued(count, false, false, 0L);
            } finally {
                Observation.waitEnd(this);
            }
        }
        Observation.acquired(this);
    }

    // ---- java.util.concurrent.locks.Lock ------------------------------------------------------------------------

    /** JDK {@code lock()}: as {@link #acquire()} but uninterruptible. */
    @Override
    public void lock() {
        acquireRestore(1);
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

    /** JDK {@code unlock()}: {@link #release()}. */
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
     * CPython's repr: {@code <locked RLock object owner=21 count=2 at 0x…>}, {@code <unlocked RLock object
     * owner=0 count=0 at 0x…>}; the owner is its {@code threadId()}, the count the holder's (also when another
     * thread reads it); {@code name='…'} before {@code owner} when named. Racy.
     */
    @Override
    public String toString() {
        Thread owner = this.owner;
        int count = state;
        boolean isLocked = count != 0 && owner != null;
        return "<" + (isLocked ? "locked" : "unlocked") + " RLock object "
                + (name == null ? "" : "name='" + name + "' ")
                + "owner=" + (isLocked ? owner.threadId() : 0) + " count=" + (isLocked ? count : 0)
                + " at " + Timeouts.address(this) + ">";
    }

    @Override
    boolean tryAcquire(int acquires) {
        Thread current = Thread.currentThread();
        int c = state;
        if (c == 0) {
            if (casState(0, acquires)) {
                owner = current;
                return true;
            }
        } else if (owner == current) {
            int next = c + acquires;
            if (next < 0) {
                throw new ArithmeticException("maximum lock count exceeded");
            }
            state = next;
            return true;
        }
        return false;
    }

    @Override
    boolean available() {
        return state == 0;
    }

    /** Removes {@code levels} recursion levels; the last one frees the lock and wakes the oldest waiter. */
    private void releaseLevels(int levels) {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("cannot release un-acquired lock");
        }
        int c = state - levels;
        if (c == 0) {
            owner = null;
            state = 0;
            wake(1);
        } else {
            state = c;
        }
    }
}
