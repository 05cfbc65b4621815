package io.github.threading4j.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.Lock;
import org.junit.jupiter.api.Test;

/** {@link LockContractTests} on our owner-less {@link Lock}. */
class LockLockContractTests extends LockContractTests {
    @Override
    java.util.concurrent.locks.Lock newLock() {
        return new Lock();
    }

    @Override
    boolean isLocked(java.util.concurrent.locks.Lock lock) {
        return ((Lock) lock).locked();
    }

    /** Deliberate difference from ReentrantLock: any thread may unlock (Python's Lock has no owner). */
    @Test
    void anyThreadMayUnlock() {
        Lock lock = new Lock();
        lock.lock();
        join(start(lock::unlock));
        assertFalse(lock.locked());
    }

    /**
     * Deliberate difference: a Condition over an owner-less Lock counts it as owned while any thread holds it
     * (CPython's {@code _is_owned}), so another thread may signal; ReentrantLock's would throw.
     */
    @Test
    void conditionOfLockHeldElsewhereCountsAsOwned() {
        Lock lock = new Lock();
        java.util.concurrent.locks.Condition c = lock.newCondition();
        lock.lock();
        join(start(c::signalAll));
        lock.unlock();
        assertThrows(IllegalMonitorStateException.class, c::signal);
    }

    /** Not reentrant: a second tryLock() by the holder fails, where ReentrantLock's would succeed. */
    @Test
    void notReentrant() {
        Lock lock = new Lock();
        lock.lock();
        assertFalse(lock.tryLock());
        lock.unlock();
        assertTrue(lock.tryLock());
        lock.unlock();
    }
}
