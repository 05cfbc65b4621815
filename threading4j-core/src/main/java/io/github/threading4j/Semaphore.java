package io.github.threading4j;

import java.time.Duration;
import java.util.Objects;

/**
 * Python's {@code threading.Semaphore}: a counter of permits; {@link #acquire()} takes one, waiting while none
 * is left, {@link #release()} gives one back. It has no owner (any thread may release) and no bound: releasing
 * more than was acquired raises the counter above its initial value ({@link BoundedSemaphore} forbids that).
 *
 * <pre>{@code
 * // the tutorials' "at most 3 downloads at once"
 * Semaphore slots = new Semaphore(3, "downloads");
 * Runnable download = () -> {
 *     try (var held = slots.hold()) {   // Python: with slots:
 *         fetch(url);
 *     }
 * };
 * }</pre>
 *
 * <p>Where it differs from {@link java.util.concurrent.Semaphore}: Python's {@code acquire} returns a
 * {@code boolean} and takes {@code blocking}/{@code timeout}; a timeout of zero or less never waits (Python's
 * {@code -1} does <em>not</em> mean "forever" here, unlike {@link Lock}); {@link #release(int)} rejects
 * {@code n < 1}. Wake order is not guaranteed: a newcomer may take a free permit before blocked threads.
 *
 * <p>Memory consistency: actions before {@code release()} happen-before actions after an {@code acquire()}
 * that took a permit it released.
 */
public class Semaphore extends Synchronizer {
    /*
     * Mechanics (Synchronizer): the state word is the counter. acquire is one CAS value -> value-1; release is one
     * CAS value -> value+n (checked against the bound of a BoundedSemaphore, all or nothing), then wakes those of
     * the n oldest blocked acquirers that are parked; a woken acquirer that leaves a permit behind wakes the next.
     * No allocation on the
     * uncontended path. Blocked threads park on this Semaphore.
     */

    /** The initial value of a BoundedSemaphore, which the counter never exceeds; -1 for a plain Semaphore. */
    final int bound;
    /** Shown in toString(); null when none was given. */
    final String name;
    /** What hold() returns: one per semaphore, closing it releases one permit. */
    private final Held held = this::release;

    /** Python's {@code Semaphore()}: one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * Python's {@code Semaphore(value)}.
     *
     * @throws IllegalArgumentException {@code "semaphore initial value must be >= 0"}
     */
    public Semaphore(int value) {
        this(checkValue(value), -1, null);
    }

    /** As {@link #Semaphore(int)}, with a name shown in {@link #toString()}. */
    public Semaphore(int value, String name) {
        this(checkValue(value), -1, Objects.requireNonNull(name, "name"));
    }

    Semaphore(int value, int bound, String name) {
        super(value);
        this.bound = bound;
        this.name = name;
    }

    static int checkValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0");
        }
        return value;
    }

    /**
     * Python's {@code acquire()}: takes a permit, waiting until one is free; returns {@code true}.
     *
     * <p>Wakes when a permit is released and this thread gets it. Interrupt (status set on entry or while
     * waiting): no permit taken, the status stays set, {@link UncheckedInterruptedException}.
     */
    public boolean acquire() {
        if (Thread.currentThread().isInterrupted() || !tryAcquire(1)) {
            acquireSlow();
        }
        Observation.acquired(this);
        return true;
    }

    /**
     * Python's {@code acquire(blocking)}: {@code false} takes a permit only if one is free now, never waits,
     * ignores the interrupt status, and says whether it took one.
     */
    public boolean acquire(boolean blocking) {
        return blocking ? acquire() : tryOnce();
    }

    /**
     * Python's {@code acquire(timeout=t)}: waits at most {@code timeout} for a permit.
     *
     * <p>Wakes when a permit is taken ({@code true}) or the timeout elapsed ({@code false}). {@code null} waits
     * forever; zero or negative tries once without waiting and ignores the interrupt status. Interrupt: as
     * {@link #acquire()}.
     *
     * @throws ArithmeticException {@code "timeout value is too large"} beyond {@link Threading#TIMEOUT_MAX},
     *     only when no permit is free (CPython converts the timeout only when it waits)
     */
    public boolean acquire(Duration timeout) {
        if (timeout == null) {
            return acquire();
        }
        if (timeout.isNegative() || timeout.isZero()) {
            return tryOnce();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted();
        }
        if (!tryAcquire(1) && !timedSlow(Timeouts.toNanos(timeout))) {
            return false;
        }
        Observation.acquired(this);
        return true;
    }

    /**
     * Python's {@code acquire(blocking, timeout)}.
     *
     * @throws IllegalArgumentException {@code "can't specify timeout for non-blocking acquire"} when
     *     {@code blocking} is false and {@code timeout} is not null
     * @see #acquire(Duration)
     */
    public boolean acquire(boolean blocking, Duration timeout) {
        if (!blocking) {
            if (timeout != null) {
                throw new IllegalArgumentException("can't specify timeout for non-blocking acquire");
            }
            return tryOnce();
        }
        return acquire(timeout);
    }

    /** Python's {@code release()}: gives back one permit, waking one waiting acquirer if any. */
    public void release() {
        add(1);
        Observation.released(this);
    }

    /**
     * Python's {@code release(n)}: gives back {@code n} permits at once, waking up to {@code n} waiters.
     *
     * @throws IllegalArgumentException {@code "n must be one or more"} when {@code n < 1}
     */
    public void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be one or more");
        }
        add(n);
        Observation.released(this);
    }

    /**
     * Python's {@code with sem:}: takes a permit as {@link #acquire()} (blocking, interruptible) and returns the
     * handle whose {@code close()} releases one: {@code try (var held = sem.hold()) { ... }}.
     */
    public Held hold() {
        acquire();
        return held;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** The counter now (CPython's {@code _value}); racy. */
    int value() {
        return state;
    }

    String namePart() {
        return name == null ? "" : " name='" + name + "'";
    }

    /** CPython's repr: {@code <Semaphore at 0x…: value=3>} (with {@code name='…'} before {@code at}). */
    @Override
    public String toString() {
        return "<Semaphore" + namePart() + " at " + Timeouts.address(this) + ": value=" + value() + ">";
    }

    @Override
    final boolean tryAcquire(int acquires) {
        for (;;) {
            int available = state;
            int remaining = available - acquires;
            if (remaining < 0) {
                return false;
            }
            if (casState(available, remaining)) {
                return true;
            }
        }
    }

    @Override
    final boolean available() {
        return state > 0;
    }

    /** Adds {@code n} permits, all or nothing, then wakes up to {@code n} blocked acquirers. */
    private void add(int n) {
        for (;;) {
            int current = state;
            int next = current + n;
            if (bound >= 0 && (next > bound || next < current)) {
                throw new IllegalArgumentException("Semaphore released too many times");
            }
            if (next < current) {
                throw new ArithmeticException("semaphore value would exceed " + Integer.MAX_VALUE);
            }
            if (casState(current, next)) {
                break;
            }
        }
        wake(n);
    }
}
