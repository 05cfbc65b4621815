package io.github.threading4j;

/**
 * Python's {@code threading.BoundedSemaphore}: a {@link Semaphore} that may never hold more permits than it
 * started with. A {@link #release(int)} that would exceed the initial value throws
 * {@link IllegalArgumentException} ({@code "Semaphore released too many times"}, Python's {@code ValueError})
 * and changes nothing, even for part of {@code n}: over-release is a bug in the caller, and this catches it.
 *
 * <pre>{@code
 * BoundedSemaphore pool = new BoundedSemaphore(3);
 * try (var held = pool.hold()) {
 *     useConnection();
 * }
 * pool.release();   // one release too many: IllegalArgumentException
 * }</pre>
 *
 * <p>Everything else, including wake order and memory consistency, is as {@link Semaphore}.
 */
public class BoundedSemaphore extends Semaphore {
    /*
     * The bound is checked inside the release CAS loop (Semaphore.add): it reads the counter, fails when
     * counter + n would pass the bound (all-or-nothing), else CASes counter -> counter + n. Still one word, no lock.
     */

    /** Python's {@code BoundedSemaphore()}: one permit, bound 1. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Python's {@code BoundedSemaphore(value)}.
     *
     * @throws IllegalArgumentException {@code "semaphore initial value must be >= 0"}
     */
    public BoundedSemaphore(int value) {
        super(checkValue(value), value, null);
    }

    /** As {@link #BoundedSemaphore(int)}, with a name shown in {@link #toString()}. */
    public BoundedSemaphore(int value, String name) {
        super(checkValue(value), value, java.util.Objects.requireNonNull(name, "name"));
    }

    /**
     * Python's {@code release()}: gives back one permit.
     *
     * @throws IllegalArgumentException {@code "Semaphore released too many times"} if the counter is at its bound
     */
    @Override
    public void release() {
        super.release();
    }

    /**
     * Python's {@code release(n)}: gives back {@code n} permits, all or none.
     *
     * @throws IllegalArgumentException {@code "n must be one or more"} when {@code n < 1} (checked first);
     *     {@code "Semaphore released too many times"} when the counter would exceed the initial value (it is
     *     left unchanged)
     */
    @Override
    public void release(int n) {
        super.release(n);
    }

    /** CPython's repr: {@code <BoundedSemaphore at 0x…: value=2/3>}. */
    @Override
    public String toString() {
        return "<BoundedSemaphore" + namePart() + " at " + Timeouts.address(this) + ": value=" + value() + "/"
                + bound + ">";
    }
}
