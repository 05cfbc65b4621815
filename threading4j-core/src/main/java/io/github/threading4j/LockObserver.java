package io.github.threading4j;

/**
 * The observation hook of the synchronization primitives: a lock-order (potential deadlock) checker or a
 * thread-dump tool plugs in here, without the primitives knowing about it.
 *
 * <p>Every acquire and release of a {@link Lock}, {@link RLock}, {@link Semaphore} or {@link BoundedSemaphore}
 * passes one static hook, whichever method does it ({@code acquire}, {@code hold()}, the JDK's {@code lock},
 * {@code tryLock}, {@code unlock}, a {@code Held}'s {@code close()}); so does the hand-over of the lock inside
 * {@link Condition#await(java.time.Duration)} (a release before waiting, an acquire after). With no observer
 * installed, the cost is one read of a static field and a branch that is never taken.
 *
 * <pre>{@code
 * LockObserver.install(new LockObserver() {
 *     public void onAcquire(Object primitive) { held.get().push(primitive); }
 *     public void onRelease(Object primitive) { held.get().remove(primitive); }
 * });
 * }</pre>
 *
 * <p>Calls are made in the thread doing the operation: {@link #onAcquire} after a successful acquire (every
 * level of an {@code RLock}'s recursion, every {@code Semaphore} permit taken by one call), {@link #onRelease}
 * after a release took effect (one call per {@code release(n)}), {@link #onWaitStart} just before a thread
 * blocks on a primitive (an acquire that found it taken, a {@code Condition} wait) and {@link #onWaitEnd} when
 * that blocking ends, however it ends. An observer must be thread-safe, fast, and must not use the primitives
 * it observes. An exception thrown by {@code onWaitStart} propagates out of the acquire before anything was
 * taken (a deadlock checker may refuse the wait); one thrown by the other methods propagates after the state
 * change it reports.
 */
public interface LockObserver {

    /** The calling thread has just acquired {@code primitive}. */
    void onAcquire(Object primitive);

    /** The calling thread has just released {@code primitive}. */
    void onRelease(Object primitive);

    /** The calling thread is about to block waiting for {@code primitive}. */
    default void onWaitStart(Object primitive) {}

    /** The calling thread has stopped blocking on {@code primitive} (acquired, timed out, or interrupted). */
    default void onWaitEnd(Object primitive) {}

    /**
     * Installs {@code observer} process-wide, replacing the previous one, and returns the previous one
     * ({@code null} if none); {@code install(null)} removes it. Threads see the change at their next operation.
     */
    static LockObserver install(LockObserver observer) {
        return Observation.install(observer);
    }

    /**
     * What {@code thread} is blocked on right now: {@link java.util.concurrent.locks.LockSupport#getBlocker(Thread)},
     * which for a thread waiting in a threading4j primitive is that primitive (a {@link Lock}, {@link RLock},
     * {@link Condition}, {@link Semaphore}, {@link Event}, {@link Barrier}); {@code null} when it is not parked, or
     * parked without a blocker. Racy: the thread may have moved on when the answer arrives.
     */
    static Object blockedOn(Thread thread) {
        return java.util.concurrent.locks.LockSupport.getBlocker(thread);
    }

    /** The installed observer, or {@code null}. */
    static LockObserver installed() {
        return Observation.observer;
    }
}
