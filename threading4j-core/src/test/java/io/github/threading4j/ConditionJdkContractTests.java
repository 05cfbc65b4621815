package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Threads;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The {@link java.util.concurrent.locks.Condition} contract on {@link Condition}: checked
 * {@link InterruptedException} with the status cleared and the lock held again, no spurious wake-ups,
 * JDK time rules (mapping §1.4–§1.5).
 */
class ConditionJdkContractTests extends BaseTestCase {

    interface Wait {
        void await(Condition c) throws InterruptedException;
    }

    /** await(), awaitNanos, await(time, unit), awaitUntil: interrupted -> InterruptedException, status cleared. */
    @Test
    void testAwaitInterruptedThrowsChecked() {
        List<Wait> waits = List.of(Condition::await, c -> c.awaitNanos(TimeUnit.MINUTES.toNanos(10)),
                c -> c.await(10, TimeUnit.MINUTES), c -> c.awaitUntil(new Date(System.currentTimeMillis() + 600_000)));
        for (Wait w : waits) {
            RLock lock = new RLock();
            Condition cond = new Condition(lock);
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread t = start(() -> {
                lock.lock();
                lock.lock();
                try {
                    w.await(cond);
                    outcome.set("returned");
                } catch (InterruptedException e) {
                    outcome.set(List.of(Thread.currentThread().isInterrupted(), lock.getHoldCount()));
                } finally {
                    lock.unlock();
                    lock.unlock();
                }
            });
            waitParkedOn(cond, t);
            t.interrupt();
            Threads.join(t);
            assertEquals(List.of(false, 2), outcome.get());
        }
    }

    /** Interrupted on entry: InterruptedException before the lock is released; not owned: IMSE. */
    @Test
    void testAwaitEntryChecks() throws InterruptedException {
        Condition cond = new Condition();
        assertThrows(IllegalMonitorStateException.class, cond::await);
        assertThrows(IllegalMonitorStateException.class, () -> cond.awaitNanos(1));
        assertThrows(IllegalMonitorStateException.class, cond::awaitUninterruptibly);
        cond.acquire();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> cond.await(1, TimeUnit.SECONDS));
        assertFalse(Thread.interrupted());
        assertTrue(cond.locked());
        cond.release();
    }

    /** Timed JDK waits: false / ≤ 0 when the time elapses; no wait at all for ≤ 0 or a past deadline. */
    @Test
    void testTimedWaits() throws InterruptedException {
        Condition cond = new Condition();
        cond.acquire();
        try {
            assertTrue(cond.awaitNanos(TimeUnit.MILLISECONDS.toNanos(20)) <= 0);
            assertEquals(-5L, cond.awaitNanos(-5));
            assertFalse(cond.await(20, TimeUnit.MILLISECONDS));
            assertFalse(cond.await(0, TimeUnit.SECONDS));
            assertFalse(cond.awaitUntil(new Date(System.currentTimeMillis() - 1000)));
            assertFalse(cond.awaitUntil(new Date(System.currentTimeMillis() + 20)));
            assertTrue(cond.locked());
        } finally {
            cond.release();
        }
    }

    /** A signalled awaitNanos returns a positive estimate of the time left. */
    @Test
    void testAwaitNanosSignalled() {
        Condition cond = new Condition();
        AtomicReference<Long> left = new AtomicReference<>();
        Thread t = start(() -> {
            cond.acquire();
            try {
                left.set(cond.awaitNanos(TimeUnit.MINUTES.toNanos(10)));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                cond.release();
            }
        });
        waitParkedOn(cond, t);
        cond.acquire();
        cond.signal();
        cond.release();
        Threads.join(t);
        assertTrue(left.get() > 0, String.valueOf(left.get()));
    }

    /** awaitUninterruptibly keeps waiting through an interrupt, returns when signalled, with the status set. */
    @Test
    void testAwaitUninterruptibly() {
        Condition cond = new Condition();
        AtomicReference<Boolean> status = new AtomicReference<>();
        Thread t = start(() -> {
            cond.acquire();
            cond.awaitUninterruptibly();
            status.set(Thread.currentThread().isInterrupted());
            cond.release();
        });
        waitParkedOn(cond, t);
        t.interrupt();
        // the waiter takes the interrupt (clears it to park again) and keeps waiting
        Threads.waitUntil(() -> !t.isInterrupted(), "the interrupt to be taken");
        waitParkedOn(cond, t); // still waiting
        assertTrue(t.isAlive());
        cond.acquire();
        cond.signal();
        cond.release();
        Threads.join(t);
        assertEquals(true, status.get());
    }

    /** A signalled JDK await that is interrupted before it returns completes normally with the status set. */
    @Test
    void testSignalledThenInterrupted() {
        Condition cond = new Condition();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = start(() -> {
            cond.acquire();
            try {
                cond.await();
                outcome.set(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                outcome.set("lost the signal");
            } finally {
                cond.release();
            }
        });
        waitParkedOn(cond, t);
        cond.acquire();
        cond.signal();
        t.interrupt();
        cond.release();
        Threads.join(t);
        assertEquals(true, outcome.get());
    }
}
