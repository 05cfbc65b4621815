package io.github.threading4j;

/**
 * Implemented by the internal synchronizers a primitive parks its threads on (the nested {@code Sync} of an
 * {@link java.util.concurrent.locks.AbstractQueuedSynchronizer}, whose own code calls
 * {@code LockSupport.park(sync)}): names the primitive behind the blocker, see
 * {@link LockObserver#blockedOn(Thread)}.
 */
interface Parked {
    /** The public primitive this synchronizer belongs to. */
    Object primitive();
}
