package io.github.threading4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Test;

/**
 * The {@link Lock} and {@link Condition} contracts JDK code relies on, ported from the TCK's
 * {@code ReentrantLockTest} (the parts that do not depend on ownership queries or fairness, which
 * {@code java.util.concurrent.locks.Lock} does not declare). Owner-specific checks live in the subclasses:
 * our {@code Lock} is owner-less by design (any thread may unlock), our {@code RLock} is owner-checked.
 */
abstract class LockContractTests extends ContractTestCase {

    static final long SHORT_MILLIS = 50;

    /** A new unlocked lock of the type under test. */
    abstract Lock newLock();

    /** Whether {@code lock} is held (by any thread). */
    abstract boolean isLocked(Lock lock);

    /** The TCK's {@code AwaitMethod}: the five ways to wait on a Condition. */
    enum AwaitMethod {
        AWAIT, AWAIT_TIMED, AWAIT_NANOS, AWAIT_UNTIL, AWAIT_UNINTERRUPTIBLY;

        /** Waits on {@code c} the long way (it must be signalled); returns whether it reports a signal. */
        boolean await(Condition c) throws InterruptedException {
            long millis = Timeouts.LONG.toMillis();
            return switch (this) {
                case AWAIT -> {
                    c.await();
                    yield true;
                }
                case AWAIT_TIMED -> c.await(millis, TimeUnit.MILLISECONDS);
                case AWAIT_NANOS -> c.awaitNanos(TimeUnit.MILLISECONDS.toNanos(millis)) > 0;
                case AWAIT_UNTIL -> c.awaitUntil(new Date(System.currentTimeMillis() + millis));
                case AWAIT_UNINTERRUPTIBLY -> {
                    c.awaitUninterruptibly();
                    yield true;
                }
            };
        }
    }

    // ---- Lock --------------------------------------------------------------------------------------------

    /** lock() holds the lock against other threads until unlock(). */
    @Test
    void lockExcludesOtherThreadsUntilUnlock() {
        Lock lock = newLock();
        lock.lock();
        assertTrue(isLocked(lock));
        AtomicReference<Boolean> got = new AtomicReference<>();
        join(start(() -> got.set(lock.tryLock())));
        assertEquals(false, got.get());
        lock.unlock();
        assertFalse(isLocked(lock));
        join(start(() -> {
            got.set(lock.tryLock());
            lock.unlock();
        }));
        assertEquals(true, got.get());
    }

    /** unlock() of an unlocked lock throws IllegalMonitorStateException. */
    @Test
    void unlockOfUnlockedLockThrows() {
        Lock lock = newLock();
        assertThrows(IllegalMonitorStateException.class, lock::unlock);
        lock.lock();
        lock.unlock();
        assertThrows(IllegalMonitorStateException.class, lock::unlock);
    }

    /** tryLock() and tryLock(time) with time ≤ 0 never wait; a positive time waits about that long, then false. */
    @Test
    void tryLockOnHeldLock() throws InterruptedException {
        Lock lock = newLock();
        lock.lock();
        join(start(() -> {
            assertFalse(lock.tryLock());
            assertFalse(lock.tryLock(0, TimeUnit.SECONDS));
            assertFalse(lock.tryLock(-1, TimeUnit.DAYS));
            assertFalse(lock.tryLock(Long.MIN_VALUE, TimeUnit.NANOSECONDS));
            long t0 = System.nanoTime();
            assertFalse(lock.tryLock(SHORT_MILLIS, TimeUnit.MILLISECONDS));
            assertTrue(millisSince(t0) >= SHORT_MILLIS * 6 / 10, "returned before the timeout");
        }));
        assertTrue(isLocked(lock));
        lock.unlock();
        assertTrue(lock.tryLock(Long.MAX_VALUE, TimeUnit.DAYS), "huge timeouts saturate");
        lock.unlock();
    }

    /** A thread waiting in tryLock(time) gets the lock when it is released. */
    @Test
    void timedTryLockGetsReleasedLock() {
        Lock lock = newLock();
        lock.lock();
        AtomicReference<Boolean> got = new AtomicReference<>();
        Thread t = start(() -> {
            got.set(lock.tryLock(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            lock.unlock();
        });
        waitBlocked(t);
        lock.unlock();
        join(t);
        assertEquals(true, got.get());
        assertFalse(isLocked(lock));
    }

    /** Huge timeouts saturate: tryLock(Long.MAX_VALUE, …) on a held lock waits for it instead of failing at once. */
    @Test
    void hugeTryLockTimeoutWaits() {
        Lock lock = newLock();
        lock.lock();
        AtomicReference<Boolean> got = new AtomicReference<>();
        Thread t = start(() -> {
            got.set(lock.tryLock(Long.MAX_VALUE, TimeUnit.DAYS));
            lock.unlock();
        });
        waitBlocked(t);
        lock.unlock();
        join(t);
        assertEquals(true, got.get());
    }

    /** lock() and tryLock() ignore the interrupt status: they acquire and leave it set. */
    @Test
    void lockAndTryLockIgnoreInterruptStatus() {
        Lock lock = newLock();
        join(start(() -> {
            Thread.currentThread().interrupt();
            lock.lock();
            assertTrue(Thread.currentThread().isInterrupted());
            lock.unlock();
            assertTrue(lock.tryLock());
            assertTrue(Thread.interrupted());
            lock.unlock();
        }));
        assertFalse(isLocked(lock));
    }

    /** A thread waiting in lock() is not stopped by an interrupt; it acquires later with the status set. */
    @Test
    void lockKeepsWaitingThroughInterrupt() {
        Lock lock = newLock();
        lock.lock();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread t = start(() -> {
            lock.lock();
            interruptedAfter.set(Thread.currentThread().isInterrupted());
            lock.unlock();
        });
        waitBlocked(t);
        t.interrupt();
        waitBlocked(t); // still waiting (it may take the interrupt and park again)
        assertTrue(t.isAlive());
        lock.unlock();
        join(t);
        assertTrue(interruptedAfter.get());
        assertFalse(isLocked(lock));
    }

    /** lockInterruptibly() and tryLock(time): interrupted on entry (even on a free lock) or while waiting → InterruptedException, status cleared, not acquired. */
    @Test
    void interruptibleAcquisitions() {
        Lock lock = newLock();
        List<Action> acquisitions = List.of(lock::lockInterruptibly,
                () -> lock.tryLock(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        for (Action acquire : acquisitions) {
            join(start(() -> {
                Thread.currentThread().interrupt();
                assertThrows(InterruptedException.class, acquire::run);
                assertFalse(Thread.interrupted(), "status cleared");
            }));
            assertFalse(isLocked(lock), "not acquired");
            lock.lock();
            Thread t = start(() -> {
                assertThrows(InterruptedException.class, acquire::run);
                assertFalse(Thread.interrupted(), "status cleared");
            });
            waitBlocked(t);
            t.interrupt();
            join(t);
            lock.unlock();
            assertFalse(isLocked(lock), "the interrupted waiter did not take the lock");
        }
        join(start(() -> {
            lock.lockInterruptibly();
            lock.unlock();
        }));
    }

    /** JDK code written against Lock and Condition (the Condition Javadoc's bounded buffer) works with ours. */
    @Test
    void jdkStyleBoundedBuffer() {
        BoundedBuffer buffer = new BoundedBuffer(newLock(), 4);
        int producers = 3;
        int each = 300;
        AtomicInteger sum = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            threads.add(start(() -> {
                for (int i = 1; i <= each; i++) {
                    buffer.put(i);
                }
            }));
            threads.add(start(() -> {
                for (int i = 0; i < each; i++) {
                    sum.addAndGet(buffer.take());
                }
            }));
        }
        threads.forEach(this::join);
        assertEquals(producers * each * (each + 1) / 2, sum.get());
        assertEquals(0, buffer.count);
        assertFalse(isLocked(buffer.lock));
    }

    /** The java.util.concurrent.locks.Condition Javadoc's example, written only against the JDK interfaces. */
    static final class BoundedBuffer {
        final Lock lock;
        final Condition notFull;
        final Condition notEmpty;
        final int[] items;
        int putIndex;
        int takeIndex;
        int count; // guarded by lock

        BoundedBuffer(Lock lock, int capacity) {
            this.lock = lock;
            this.notFull = lock.newCondition();
            this.notEmpty = lock.newCondition();
            this.items = new int[capacity];
        }

        void put(int x) throws InterruptedException {
            lock.lock();
            try {
                while (count == items.length) {
                    notFull.await();
                }
                items[putIndex] = x;
                putIndex = (putIndex + 1) % items.length;
                count++;
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }

        int take() throws InterruptedException {
            lock.lock();
            try {
                while (count == 0) {
                    notEmpty.await();
                }
                int x = items[takeIndex];
                takeIndex = (takeIndex + 1) % items.length;
                count--;
                notFull.signal();
                return x;
            } finally {
                lock.unlock();
            }
        }
    }

    // ---- Condition ---------------------------------------------------------------------------------------

    /** newCondition() returns a new Condition each time. */
    @Test
    void newConditionReturnsDistinctConditions() {
        Lock lock = newLock();
        assertNotSame(lock.newCondition(), lock.newCondition());
    }

    /** Waiting or signalling without holding the lock throws IllegalMonitorStateException. */
    @Test
    void conditionMethodsRequireTheLock() {
        Lock lock = newLock();
        Condition c = lock.newCondition();
        assertThrows(IllegalMonitorStateException.class, c::await);
        assertThrows(IllegalMonitorStateException.class, () -> c.await(1, TimeUnit.MILLISECONDS));
        assertThrows(IllegalMonitorStateException.class, () -> c.awaitNanos(1));
        assertThrows(IllegalMonitorStateException.class, () -> c.awaitUntil(new Date()));
        assertThrows(IllegalMonitorStateException.class, c::awaitUninterruptibly);
        assertThrows(IllegalMonitorStateException.class, c::signal);
        assertThrows(IllegalMonitorStateException.class, c::signalAll);
        assertFalse(isLocked(lock));
        lock.lock();
        try {
            assertThrows(NullPointerException.class, () -> c.awaitUntil(null));
            assertThrows(NullPointerException.class, () -> c.await(1, null));
            assertTrue(isLocked(lock));
        } finally {
            lock.unlock();
        }
        assertThrows(NullPointerException.class, () -> lock.tryLock(1, null));
        assertFalse(isLocked(lock));
    }

    /** Timed waits with no time left return at once with the lock held: awaitNanos ≤ 0, await/awaitUntil false. */
    @Test
    void timedWaitsWithoutTimeReturnAtOnce() throws InterruptedException {
        Lock lock = newLock();
        Condition c = lock.newCondition();
        lock.lock();
        try {
            assertTrue(c.awaitNanos(0) <= 0);
            assertTrue(c.awaitNanos(-5) <= 0);
            assertFalse(c.await(0, TimeUnit.SECONDS));
            assertFalse(c.await(-1, TimeUnit.DAYS));
            assertFalse(c.awaitUntil(new Date(System.currentTimeMillis() - 1000)));
            assertTrue(isLocked(lock));
        } finally {
            lock.unlock();
        }
    }

    /** Timed waits that are not signalled wait about their time, return "timed out" and hold the lock again. */
    @Test
    void timedWaitsTimeOut() throws InterruptedException {
        Lock lock = newLock();
        Condition c = lock.newCondition();
        lock.lock();
        try {
            long t0 = System.nanoTime();
            assertFalse(c.await(SHORT_MILLIS, TimeUnit.MILLISECONDS));
            assertTrue(millisSince(t0) >= SHORT_MILLIS * 6 / 10);
            t0 = System.nanoTime();
            assertTrue(c.awaitNanos(TimeUnit.MILLISECONDS.toNanos(SHORT_MILLIS)) <= 0);
            assertTrue(millisSince(t0) >= SHORT_MILLIS * 6 / 10);
            t0 = System.nanoTime();
            assertFalse(c.awaitUntil(new Date(System.currentTimeMillis() + SHORT_MILLIS)));
            assertTrue(millisSince(t0) >= SHORT_MILLIS * 6 / 10);
            assertTrue(isLocked(lock));
        } finally {
            lock.unlock();
        }
    }

    /** Every await variant releases the lock while waiting, returns "signalled" after signal(), holding the lock. */
    @Test
    void awaitReleasesTheLockAndReturnsOnSignal() {
        Lock lock = newLock();
        Condition c = lock.newCondition();
        for (AwaitMethod method : AwaitMethod.values()) {
            AtomicReference<Boolean> result = new AtomicReference<>();
            Thread t = start(() -> {
                lock.lock();
                try {
                    result.set(method.await(c));
                    assertTrue(isLocked(lock), "held again after " + method);
                } finally {
                    lock.unlock();
                }
            });
            waitParkedOn(c, t);
            assertTrue(lock.tryLock(), method + " released the lock while waiting");
            c.signal();
            lock.unlock();
            join(t);
            assertEquals(true, result.get(), method.name());
            assertFalse(isLocked(lock));
        }
    }

    /** Huge timed waits saturate: await(MAX, DAYS), awaitNanos(MAX) and awaitUntil(far future) wait for the signal. */
    @Test
    void hugeConditionTimeoutsWait() {
        Lock lock = newLock();
        Condition c = lock.newCondition();
        List<Action> waits = List.of(() -> assertTrue(c.await(Long.MAX_VALUE, TimeUnit.DAYS)),
                () -> assertTrue(c.awaitNanos(Long.MAX_VALUE) > 0),
                () -> assertTrue(c.awaitUntil(new Date(Long.MAX_VALUE))));
        for (Action wait : waits) {
            Thread t = start(() -> {
                lock.lock();
                try {
                    wait.run();
                } finally {
                    lock.unlock();
                }
            });
            waitParkedOn(c, t);
            lock.lock();
            c.signal();
            lock.unlock();
            join(t);
        }
    }

    /** Interrupted on entry or while waiting → InterruptedException with the lock held again and the status cleared. */
    @Test
    void interruptibleAwaits() {
        Lock lock = newLock();
        Condition c = lock.newCondition();
        for (AwaitMethod method : AwaitMethod.values()) {
            if (method == AwaitMethod.AWAIT_UNINTERRUPTIBLY) {
                continue;
            }
            join(start(() -> {
                lock.lock();
                try {
                    Thread.currentThread().interrupt();
                    assertThrows(InterruptedException.class, () -> method.await(c), method.name());
                    assertFalse(Thread.interrupted(), "status cleared");
                    assertTrue(isLocked(lock));
                } finally {
                    lock.unlock();
                }
            }));
            Thread t = start(() -> {
                lock.lock();
                try {
                    assertThrows(InterruptedException.class, () -> method.await(c), method.name());
                    assertFalse(Thread.interrupted(), "status cleared");
                    assertTrue(isLocked(lock), "held again after the interrupt");
                } finally {
                    lock.unlock();
                }
            });
            waitParkedOn(c, t);
            t.interrupt();
            join(t);
            assertFalse(isLocked(lock));
        }
    }

    /** awaitUninterruptibly() keeps waiting through an interrupt and returns after signal() with the status set. */
    @Test
    void awaitUninterruptiblyKeepsWaiting() {
        Lock lock = newLock();
        Condition c = lock.newCondition();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread t = start(() -> {
            lock.lock();
            try {
                c.awaitUninterruptibly();
                interruptedAfter.set(Thread.interrupted());
            } finally {
                lock.unlock();
            }
        });
        waitParkedOn(c, t);
        t.interrupt();
        waitParkedOn(c, t);
        assertTrue(t.isAlive());
        lock.lock();
        c.signal();
        lock.unlock();
        join(t);
        assertTrue(interruptedAfter.get());
    }

    /** signal() wakes one waiter, signalAll() every waiter; a signal with no waiter is lost. */
    @Test
    void signalWakesOneAndSignalAllWakesAll() throws InterruptedException {
        Lock lock = newLock();
        Condition c = lock.newCondition();
        lock.lock();
        c.signal(); // nobody waits: no effect on later waiters
        c.signalAll();
        lock.unlock();
        AtomicInteger woken = new AtomicInteger();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(start(() -> {
                lock.lock();
                try {
                    c.await();
                    woken.incrementAndGet();
                } finally {
                    lock.unlock();
                }
            }));
        }
        waitParkedOn(c, waiters);
        lock.lock();
        c.signal();
        lock.unlock();
        Threads.waitUntil(() -> waiters.stream().filter(t -> !t.isAlive()).count() >= 1
                && waiters.stream().allMatch(t -> !t.isAlive() || Threads.isBlocked(t)),
                "the signalled waiter to finish and the others to be parked");
        assertEquals(1, woken.get(), "signal() woke exactly one waiter");
        assertEquals(2, waiters.stream().filter(Thread::isAlive).count());
        lock.lock();
        c.signalAll();
        lock.unlock();
        waiters.forEach(this::join);
        assertEquals(3, woken.get());
    }
}
