package io.github.threading4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.RLock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;

/** {@link LockContractTests} on our owner-checked, reentrant {@link RLock}, with ReentrantLockTest's owner checks. */
class RLockLockContractTests extends LockContractTests {
    @Override
    java.util.concurrent.locks.Lock newLock() {
        return new RLock();
    }

    @Override
    boolean isLocked(java.util.concurrent.locks.Lock lock) {
        return ((RLock) lock).locked();
    }

    /** unlock() by a thread that does not hold the lock throws IllegalMonitorStateException. */
    @Test
    void unlockByNonOwnerThrows() {
        RLock lock = new RLock();
        lock.lock();
        join(start(() -> assertThrows(IllegalMonitorStateException.class, lock::unlock)));
        assertTrue(lock.isHeldByCurrentThread());
        lock.unlock();
    }

    /** The holder may lock again; each lock needs its unlock (ReentrantLockTest testGetHoldCount). */
    @Test
    void reentrantHoldCount() throws InterruptedException {
        RLock lock = new RLock();
        for (int i = 1; i <= 3; i++) {
            lock.lock();
            assertEquals(i, lock.getHoldCount());
        }
        assertTrue(lock.tryLock());
        lock.lockInterruptibly();
        assertTrue(lock.tryLock(0, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(6, lock.getHoldCount());
        for (int i = 5; i >= 0; i--) {
            lock.unlock();
            assertEquals(i, lock.getHoldCount());
        }
        assertFalse(lock.locked());
    }

    /** await() on a Condition of a lock held by another thread throws IllegalMonitorStateException. */
    @Test
    void conditionOfLockHeldElsewhereIsNotOwned() {
        RLock lock = new RLock();
        Condition c = lock.newCondition();
        lock.lock();
        join(start(() -> {
            assertThrows(IllegalMonitorStateException.class, c::await);
            assertThrows(IllegalMonitorStateException.class, c::signal);
        }));
        lock.unlock();
    }

    /** await() releases every hold and restores the hold count (ReentrantLockTest testAwaitLockCount). */
    @Test
    void awaitRestoresHoldCount() {
        RLock lock = new RLock();
        Condition c = lock.newCondition();
        AtomicInteger countAfter = new AtomicInteger();
        Thread t = start(() -> {
            lock.lock();
            lock.lock();
            c.await();
            countAfter.set(lock.getHoldCount());
            lock.unlock();
            lock.unlock();
        });
        waitParkedOn(c, t);
        lock.lock(); // only possible if await released both holds
        c.signal();
        lock.unlock();
        join(t);
        assertEquals(2, countAfter.get());
        assertFalse(lock.locked());
    }
}
