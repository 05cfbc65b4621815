package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Port of CPython's {@code lock_tests.ConditionTests}, plus the waits CPython cannot test: full release and
 * restore of an RLock's recursion, FIFO signalling, interrupts (mapping §1.5), timeouts (§1.4).
 */
abstract class ConditionTests extends BaseTestCase {

    /** CPython's {@code condtype()}: over its own RLock. */
    abstract Condition condtype();

    /** CPython's {@code condtype(lock)}. */
    abstract Condition condtype(Lock lock);

    /** CPython's {@code condtype(rlock)}. */
    abstract Condition condtype(RLock lock);

    @Test
    void testAcquire() {
        Condition cond = condtype();
        // by default we have an RLock: the condition can be acquired multiple times
        cond.acquire();
        cond.acquire();
        cond.release();
        cond.release();
        Lock lock = new Lock();
        Condition cond2 = condtype(lock);
        cond2.acquire();
        assertFalse(lock.acquire(false));
        cond2.release();
        assertTrue(lock.acquire(false));
        assertFalse(cond2.acquire(false));
        lock.release();
        try (var held = cond2.hold()) {
            assertFalse(lock.acquire(false));
        }
        assertFalse(lock.locked());
    }

    @Test
    void testUnacquiredWait() {
        Condition cond = condtype();
        var e = assertThrows(IllegalMonitorStateException.class, () -> cond.await(null));
        assertEquals("cannot wait on un-acquired lock", e.getMessage());
        assertThrows(IllegalMonitorStateException.class, cond::await);
    }

    @Test
    void testUnacquiredNotify() {
        Condition cond = condtype();
        var e = assertThrows(IllegalMonitorStateException.class, cond::signal);
        assertEquals("cannot notify on un-acquired lock", e.getMessage());
    }

    record Result(boolean result, int phase) {}

    private void checkNotify(Condition cond) {
        List<Integer> ready = new CopyOnWriteArrayList<>();
        List<Result> results1 = new CopyOnWriteArrayList<>();
        List<Result> results2 = new CopyOnWriteArrayList<>();
        AtomicInteger phaseNum = new AtomicInteger();
        Runnable f = () -> {
            cond.acquire();
            ready.add(phaseNum.get());
            boolean result = cond.await(null);
            cond.release();
            results1.add(new Result(result, phaseNum.get()));

            cond.acquire();
            ready.add(phaseNum.get());
            result = cond.await(null);
            cond.release();
            results2.add(new Result(result, phaseNum.get()));
        };
        int n = 5;
        try (Bunch b = bunch(n, f)) {
            // every worker is in cond.await() once it has said ready and we get the lock
            Threads.waitUntil(() -> ready.size() >= n, "workers ready");
            ready.clear();
            assertEquals(List.of(), results1);

            // notify 3 threads at first
            int count1 = 3;
            cond.acquire();
            cond.signal(count1);
            phaseNum.set(1); // phase 1
            cond.release();
            Threads.waitUntil(() -> results1.size() >= count1, "3 woken");
            assertEquals(Collections.nCopies(count1, new Result(true, 1)), results1);
            assertEquals(List.of(), results2);

            // wait until the woken workers are back in cond.await()
            Threads.waitUntil(() -> ready.size() >= count1, "woken workers ready again");

            // notify 5 threads: they might be in their first or second wait
            cond.acquire();
            cond.signal(5);
            phaseNum.set(2); // phase 2
            cond.release();
            Threads.waitUntil(() -> results1.size() + results2.size() >= n + count1, "5 more woken");
            int count2 = n - count1;
            List<Result> expected1 = new ArrayList<>(Collections.nCopies(count1, new Result(true, 1)));
            expected1.addAll(Collections.nCopies(count2, new Result(true, 2)));
            assertEquals(expected1, results1);
            assertEquals(Collections.nCopies(count1, new Result(true, 2)), results2);

            // make sure all workers settle into cond.await()
            Threads.waitUntil(() -> ready.size() >= n, "all workers in their second wait");

            // notify all threads: they are all in their second wait
            cond.acquire();
            cond.signalAll();
            phaseNum.set(3); // phase 3
            cond.release();
            Threads.waitUntil(() -> results2.size() >= n, "all woken");
            assertEquals(expected1, results1);
            List<Result> expected2 = new ArrayList<>(Collections.nCopies(count1, new Result(true, 2)));
            expected2.addAll(Collections.nCopies(count2, new Result(true, 3)));
            assertEquals(expected2, results2);
        }
    }

    @Test
    void testNotify() {
        Condition cond = condtype();
        checkNotify(cond);
        // a second time, to check internal state is still ok
        checkNotify(cond);
    }

    @Test
    void testTimeout() {
        Condition cond = condtype();
        double timeout = 0.5;
        List<double[]> results = new CopyOnWriteArrayList<>();
        int n = 5;
        try (Bunch b = bunch(n, () -> {
            cond.acquire();
            long t1 = System.nanoTime();
            boolean result = cond.await(seconds(timeout));
            double dt = secondsSince(t1);
            cond.release();
            results.add(new double[] {dt, result ? 1 : 0});
        })) {
            assertNotNull(b);
        }
        assertEquals(n, results.size());
        for (double[] r : results) {
            assertTimeout(r[0], timeout);
            assertEquals(0.0, r[1], "no spurious wake-up: false on timeout");
        }
    }

    @Test
    void testWaitfor() {
        Condition cond = condtype();
        AtomicInteger state = new AtomicInteger();
        try (Bunch b = bunch(1, () -> {
            try (var held = cond.hold()) {
                boolean result = cond.awaitFor(() -> state.get() == 4);
                assertTrue(result);
                assertEquals(4, state.get());
            }
        })) {
            for (int i = 0; i < 4; i++) {
                waitParkedOn(cond, b.threads()); // instead of CPython's sleep: the waiter is in await
                try (var held = cond.hold()) {
                    state.incrementAndGet();
                    cond.signal();
                }
            }
        }
    }

    @Test
    void testWaitforTimeout() {
        Condition cond = condtype();
        AtomicInteger state = new AtomicInteger();
        List<Object> success = new CopyOnWriteArrayList<>();
        try (Bunch b = bunch(1, () -> {
            try (var held = cond.hold()) {
                long t = System.nanoTime();
                boolean result = cond.awaitFor(() -> state.get() == 4, Duration.ofMillis(100));
                double dt = secondsSince(t);
                assertFalse(result);
                assertTimeout(dt, 0.1);
                success.add(true);
            }
        })) {
            // only increment 3 times, so state == 4 is never reached
            for (int i = 0; i < 3; i++) {
                Thread waiter = b.threads().get(0);
                Threads.waitUntil(() -> !waiter.isAlive() || LockObserver.blockedOn(waiter) == cond, "waiter");
                try (var held = cond.hold()) {
                    state.incrementAndGet();
                    cond.signal();
                }
            }
        }
        assertEquals(1, success.size());
    }

    // ---- beyond CPython -----------------------------------------------------------------------------------------

    @Test
    void testRepr() {
        Condition cond = condtype();
        assertTrue(Pattern.compile("<Condition\\(<unlocked RLock object owner=0 count=0 at 0x[0-9a-f]+>, 0\\)>")
                .matcher(cond.toString()).matches(), cond::toString);
        try (Bunch b = bunch(2, () -> {
            try (var held = cond.hold()) {
                cond.await(null);
            }
        })) {
            waitParkedOn(cond, b.threads());
            cond.acquire();
            assertTrue(cond.toString().endsWith(", 2)>"), cond::toString);
            assertTrue(cond.toString().startsWith("<Condition(<locked RLock object owner="), cond::toString);
            cond.signalAll();
            cond.release();
        }
        assertTrue(cond.toString().endsWith(", 0)>"), cond::toString);
        Lock lock = new Lock();
        assertTrue(condtype(lock).toString().startsWith("<Condition(<unlocked Lock object at 0x"));
    }

    /** Zero and negative timeouts do not wait; too large ones are rejected; ownership is still checked. */
    @Test
    void testTimeoutArguments() {
        Condition cond = condtype();
        assertThrows(IllegalMonitorStateException.class, () -> cond.await(Duration.ZERO));
        try (var held = cond.hold()) {
            assertFalse(cond.await(Duration.ZERO));
            assertFalse(cond.await(Duration.ofSeconds(-1)));
            assertFalse(cond.awaitFor(() -> false, Duration.ZERO));
            assertTrue(cond.awaitFor(() -> true, Duration.ZERO));
            var e = assertThrows(ArithmeticException.class, () -> cond.await(Threading.TIMEOUT_MAX.plusNanos(1)));
            assertEquals("timeout value is too large", e.getMessage());
            assertTrue(cond.locked());
        }
        assertTrue(cond.awaitFor(() -> true), "a true predicate needs neither lock nor wait");
    }

    /** A wait releases every recursion level of the RLock, lets others in, and restores the exact level. */
    @Test
    void testAwaitRestoresRecursionLevel() {
        RLock rlock = new RLock();
        Condition cond = condtype(rlock);
        AtomicInteger countAfter = new AtomicInteger(-1);
        try (Bunch b = bunch(1, () -> {
            rlock.acquire();
            rlock.acquire();
            rlock.acquire();
            assertTrue(cond.await(null));
            countAfter.set(rlock.getHoldCount());
            rlock.release();
            rlock.release();
            rlock.release();
        })) {
            waitParkedOn(cond, b.threads());
            assertTrue(rlock.acquire(false), "others can take the lock meanwhile");
            cond.signal();
            rlock.release();
        }
        assertEquals(3, countAfter.get());
        assertFalse(rlock.locked());
    }

    /** signal(n) wakes the n oldest waiters (CPython's FIFO); n <= 0 wakes nobody. */
    @Test
    void testSignalFifo() {
        Condition cond = condtype();
        List<Integer> woken = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int id = i;
            Thread t = start(() -> {
                try (var held = cond.hold()) {
                    cond.await(null);
                    woken.add(id);
                }
            });
            waitParkedOn(cond, t); // arrival order is 0, 1, 2, 3
            threads.add(t);
        }
        try (var held = cond.hold()) {
            cond.signal(0);
            cond.signal(-1);
            cond.signal(2);
        }
        Threads.waitUntil(() -> woken.size() == 2, "2 woken");
        assertEquals(java.util.Set.of(0, 1), java.util.Set.copyOf(woken), "the two oldest (their return order is free)");
        waitParkedOn(cond, threads.subList(2, 4));
        try (var held = cond.hold()) {
            cond.signal();
        }
        Threads.waitUntil(() -> woken.size() == 3, "3 woken");
        assertEquals(2, woken.get(2), "then the oldest remaining one");
        try (var held = cond.hold()) {
            cond.signalAll();
        }
        threads.forEach(Threads::join);
        assertEquals(3, woken.get(3));
    }

    /** Over a Lock (no owner) the check asks only "is it locked?": a non-holder may signal (CPython's rule). */
    @Test
    void testOwnershipOverLock() {
        Lock lock = new Lock();
        Condition cond = condtype(lock);
        assertThrows(IllegalMonitorStateException.class, cond::signal);
        lock.acquire();
        try (Bunch b = bunch(1, cond::signalAll)) { // another thread, lock held by us: no error
            assertNotNull(b);
        }
        lock.release();
        RLock rlock = new RLock();
        Condition rcond = condtype(rlock);
        rlock.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Bunch b = bunch(1, () -> thrown.set(assertThrows(IllegalMonitorStateException.class, rcond::signal)))) {
            assertNotNull(b);
        }
        assertEquals("cannot notify on un-acquired lock", thrown.get().getMessage());
        rlock.release();
    }

    /** Producer/consumer over a plain Lock: the wait hands the lock over and takes it back. */
    @Test
    void testAwaitOverLock() {
        Lock lock = new Lock();
        Condition cond = condtype(lock);
        List<Integer> items = new ArrayList<>(); // guarded by lock
        List<Integer> consumed = new CopyOnWriteArrayList<>();
        try (Bunch b = bunch(1, () -> {
            for (int i = 0; i < 20; i++) {
                try (var held = cond.hold()) {
                    cond.awaitFor(() -> !items.isEmpty());
                    consumed.add(items.remove(0));
                }
            }
        })) {
            for (int i = 0; i < 20; i++) {
                try (var held = cond.hold()) {
                    items.add(i);
                    cond.signal();
                }
            }
            assertNotNull(b);
        }
        assertEquals(20, consumed.size());
        assertFalse(lock.locked());
    }

    /** An interrupt ends await(timeout)/awaitFor: lock held again at its level, status kept, unchecked exception. */
    @Test
    void testAwaitInterrupted() {
        List<java.util.function.Consumer<Condition>> calls = List.of(
                c -> c.await(null), c -> c.await(Duration.ofMinutes(10)), c -> c.awaitFor(() -> false),
                c -> c.awaitFor(() -> false, Duration.ofMinutes(10)));
        for (var call : calls) {
            RLock rlock = new RLock();
            Condition cond = condtype(rlock);
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread t = start(() -> {
                rlock.acquire();
                rlock.acquire();
                try {
                    call.accept(cond);
                    outcome.set("returned");
                } catch (UncheckedInterruptedException e) {
                    outcome.set(List.of(rlock.getHoldCount(), Thread.currentThread().isInterrupted()));
                }
                rlock.release();
                rlock.release();
            });
            waitParkedOn(cond, t);
            t.interrupt();
            Threads.join(t);
            assertEquals(List.of(2, true), outcome.get());
            assertFalse(rlock.locked());
            assertTrue(cond.toString().endsWith(", 0)>"), "the interrupted waiter left the queue");
        }
    }

    /** With the status set on entry, await(timeout) throws before releasing anything. */
    @Test
    void testAwaitInterruptedOnEntry() {
        Condition cond = condtype();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = start(() -> {
            try (var held = cond.hold()) {
                Thread.currentThread().interrupt();
                boolean polled = cond.await(Duration.ZERO);
                try {
                    cond.await(Duration.ofMinutes(10));
                    outcome.set("returned");
                } catch (UncheckedInterruptedException e) {
                    outcome.set(List.of(polled, Thread.currentThread().isInterrupted(), cond.locked()));
                }
            }
        });
        Threads.join(t);
        assertEquals(List.of(false, true, true), outcome.get());
    }

    /** A waiter already signalled when the interrupt comes returns true with the status set: no lost signal. */
    @Test
    void testSignalledThenInterrupted() {
        Condition cond = condtype();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = start(() -> {
            try (var held = cond.hold()) {
                boolean r = cond.await(null);
                outcome.set(List.of(r, Thread.currentThread().isInterrupted()));
            }
        });
        waitParkedOn(cond, t);
        try (var held = cond.hold()) {
            cond.signal();
            t.interrupt(); // arrives while the waiter cannot return yet: we hold the lock
        }
        Threads.join(t);
        assertEquals(List.of(true, true), outcome.get());
    }

    /** Waiting threads are parked with the Condition as blocker. */
    @Test
    void testWaiterParksOnCondition() {
        Condition cond = condtype();
        try (Bunch b = bunch(1, () -> {
            try (var held = cond.hold()) {
                cond.await(null);
            }
        })) {
            waitParkedOn(cond, b.threads());
            assertEquals(cond, java.util.concurrent.locks.LockSupport.getBlocker(b.threads().get(0)));
            try (var held = cond.hold()) {
                cond.signal();
            }
        }
    }
}
