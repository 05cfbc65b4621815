package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;

/**
 * The {@link java.util.concurrent.locks.Lock} contract on {@link Lock} and {@link RLock}: JDK code that calls
 * {@code lock}/{@code tryLock}/{@code lockInterruptibly}/{@code unlock}/{@code newCondition} gets the JDK's
 * rules (mapping §1.5): {@code lock()} ignores interrupts, the others throw the checked
 * {@link InterruptedException} and clear the status.
 */
abstract class JdkLockContractTests extends BaseTestCase {

    abstract java.util.concurrent.locks.Lock newLock();

    /** Whether the lock under test is one: a Lock or an RLock (for toString-free checks). */
    static boolean isLocked(java.util.concurrent.locks.Lock l) {
        return l instanceof Lock lock ? lock.locked() : ((RLock) l).locked();
    }

    /** lock() keeps waiting through an interrupt and returns with the status still set. */
    @Test
    void testLockIgnoresInterrupt() {
        var lock = newLock();
        lock.lock();
        AtomicReference<Boolean> statusAfter = new AtomicReference<>();
        Thread t = start(() -> {
            lock.lock();
            statusAfter.set(Thread.currentThread().isInterrupted());
            lock.unlock();
        });
        Threads.waitBlocked(t);
        t.interrupt();
        // the waiting thread takes the interrupt (clears it to park again, as AQS does) and keeps waiting
        Threads.waitUntil(() -> !t.isInterrupted(), "the interrupt to be taken");
        Threads.waitBlocked(t); // still waiting for the lock
        assertTrue(t.isAlive());
        lock.unlock();
        Threads.join(t);
        assertEquals(true, statusAfter.get());
        assertFalse(isLocked(lock));
    }

    /** lockInterruptibly(): interrupted while waiting or on entry -> InterruptedException, status cleared. */
    @Test
    void testLockInterruptibly() {
        var lock = newLock();
        lock.lock();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = start(() -> {
            try {
                lock.lockInterruptibly();
                outcome.set("acquired");
            } catch (InterruptedException e) {
                outcome.set(Thread.currentThread().isInterrupted());
            }
        });
        Threads.waitBlocked(t);
        t.interrupt();
        Threads.join(t);
        assertEquals(false, outcome.get());
        lock.unlock();
        assertFalse(isLocked(lock));

        Thread t2 = start(() -> {
            Thread.currentThread().interrupt();
            try {
                lock.lockInterruptibly();
                outcome.set("acquired");
            } catch (InterruptedException e) {
                outcome.set(List.of(Thread.currentThread().isInterrupted(), isLocked(lock)));
            }
        });
        Threads.join(t2);
        assertEquals(List.of(false, false), outcome.get());
        try (Bunch b = bunch(1, () -> {
            try {
                lock.lockInterruptibly();
                lock.unlock();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        })) {
            assertNotNull(b);
        }
    }

    /** tryLock() never waits; tryLock(time, unit) follows the JDK's time rules and interrupt contract. */
    @Test
    void testTryLock() throws InterruptedException {
        var lock = newLock();
        assertTrue(lock.tryLock());
        AtomicReference<Object> outcome = new AtomicReference<>();
        try (Bunch b = bunch(1, () -> {
            try {
                long t0 = System.nanoTime();
                boolean timed = lock.tryLock(200, TimeUnit.MILLISECONDS);
                double dt = secondsSince(t0);
                outcome.set(List.of(lock.tryLock(), timed, lock.tryLock(0, TimeUnit.SECONDS),
                        lock.tryLock(-5, TimeUnit.SECONDS), dt >= 0.2 * 0.6));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        })) {
            assertNotNull(b);
        }
        assertEquals(List.of(false, false, false, false, true), outcome.get());
        lock.unlock();
        assertTrue(lock.tryLock(Long.MAX_VALUE, TimeUnit.DAYS), "huge values saturate, no ArithmeticException");
        Thread t = start(() -> {
            try {
                lock.tryLock(10, TimeUnit.MINUTES);
                outcome.set("acquired");
            } catch (InterruptedException e) {
                outcome.set(Thread.currentThread().isInterrupted());
            }
        });
        Threads.waitBlocked(t);
        t.interrupt();
        Threads.join(t);
        assertEquals(false, outcome.get());
        lock.unlock();
        assertFalse(isLocked(lock));
    }

    /** newCondition() returns a threading4j Condition bound to this lock. */
    @Test
    void testNewCondition() {
        var lock = newLock();
        Condition c = lock.newCondition();
        assertInstanceOf(io.github.threading4j.Condition.class, c);
        AtomicReference<Boolean> signalled = new AtomicReference<>();
        try (Bunch b = bunch(1, () -> {
            lock.lock();
            try {
                signalled.set(c.await(10, TimeUnit.MINUTES));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                lock.unlock();
            }
        })) {
            waitParkedOn(c, b.threads());
            assertFalse(isLocked(lock), "await released the lock");
            lock.lock();
            c.signal();
            lock.unlock();
        }
        assertEquals(true, signalled.get());
    }
}
