package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Stress: many threads on one primitive, bounded in count (and so in time), on platform and virtual threads.
 * Each test checks an exact outcome: nothing lost, nothing duplicated, no waiter left behind.
 */
class LocksStressTest extends BaseTestCase {
    static final int THREADS = 8;
    static final int INCREMENTS = 5_000;

    /** A plain (non-atomic) counter; only the lock under test makes it exact. */
    static final class Counter {
        int value;
    }

    private void checkCounter(String what, Supplier<Held> hold) {
        Counter counter = new Counter();
        try (Bunch b = bunch(THREADS, () -> {
            for (int i = 0; i < INCREMENTS; i++) {
                try (var held = hold.get()) {
                    counter.value++;
                }
            }
        })) {
            assertEquals(THREADS, b.threads().size());
        }
        assertEquals(THREADS * INCREMENTS, counter.value, what);
    }

    /** Every lock type guarding a plain counter under 8 threads ends exact. */
    @Test
    void testCounterIsExact() {
        Lock lock = new Lock();
        checkCounter("Lock", lock::hold);
        RLock rlock = new RLock();
        checkCounter("RLock", rlock::hold);
        Condition cond = new Condition();
        checkCounter("Condition", cond::hold);
        Semaphore sem = new Semaphore(1);
        checkCounter("Semaphore(1)", sem::hold);
        BoundedSemaphore bsem = new BoundedSemaphore(1);
        checkCounter("BoundedSemaphore(1)", bsem::hold);
        // the JDK entry points and the timed/owner-less paths too
        checkCounter("Lock.lock/unlock", () -> {
            lock.lock();
            return lock::unlock;
        });
        checkCounter("Lock released by any thread", () -> {
            lock.acquire(java.time.Duration.ofMinutes(1));
            return lock::release;
        });
        checkCounter("RLock nested", () -> {
            rlock.acquire();
            rlock.acquire();
            rlock.release();
            return rlock::release;
        });
    }

    /**
     * Timed acquirers giving up (and interrupted ones leaving) while others wait without a timeout: the
     * counter matches the successful acquisitions and no untimed waiter is stranded (a wake-up lost to a leaving
     * thread would hang it), for Lock, RLock and Semaphore(2).
     */
    @Test
    void testLeavingWaitersPassWakeUpsOn() {
        Lock lock = new Lock();
        checkLeavingWaiters("Lock", lock::acquire, d -> lock.acquire(d), lock::release, 1);
        RLock rlock = new RLock();
        checkLeavingWaiters("RLock", rlock::acquire, d -> rlock.acquire(d), rlock::release, 1);
        Semaphore sem = new Semaphore(2);
        checkLeavingWaiters("Semaphore(2)", sem::acquire, d -> sem.acquire(d), sem::release, 2);
    }

    private void checkLeavingWaiters(String what, Runnable acquire,
            java.util.function.Predicate<java.time.Duration> timedAcquire, Runnable release, int permits) {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger ids = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        java.util.Set<Thread> timedThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (Bunch b = bunch(THREADS, () -> {
            int id = ids.getAndIncrement();
            if (id % 2 == 1) {
                timedThreads.add(Thread.currentThread());
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 2_000; i++) {
                boolean got;
                if (id % 2 == 0) {
                    acquire.run();
                    got = true;
                } else {
                    try {
                        got = timedAcquire.test(java.time.Duration.ofNanos(random.nextInt(1, 50_000)));
                    } catch (UncheckedInterruptedException e) {
                        Thread.interrupted();
                        interrupted.incrementAndGet();
                        got = false;
                    }
                }
                if (got) {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    successes.incrementAndGet();
                    inside.decrementAndGet();
                    release.run();
                }
            }
        })) {
            // interrupt the timed acquirers now and then while everything runs
            for (int round = 0; round < 50 && b.finishedCount() < THREADS; round++) {
                timedThreads.forEach(Thread::interrupt);
                Thread.yield();
            }
        }
        assertTrue(maxInside.get() <= permits, what + ": " + maxInside.get() + " inside at once");
        assertTrue(successes.get() >= THREADS / 2 * 2_000, what + ": every untimed acquire succeeded");
    }

    /** signal(n) wakes at most n (here exactly n) of many waiters, never more; signalAll wakes the rest. */
    @Test
    void testSignalWakesAtMostN() {
        int waiters = 30;
        Condition cond = new Condition();
        AtomicInteger woken = new AtomicInteger();
        try (Bunch b = bunch(waiters, () -> {
            try (var held = cond.hold()) {
                assertTrue(cond.await(null));
                woken.incrementAndGet();
            }
        })) {
            waitParkedOn(cond, b.threads());
            int expected = 0;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (expected < waiters - 5) {
                int n = 1 + random.nextInt(4);
                try (var held = cond.hold()) {
                    cond.signal(n);
                }
                expected += n;
                int target = expected;
                Threads.waitUntil(() -> woken.get() >= target, target + " woken");
                // the others are still parked on the condition: nobody woke without a signal
                Threads.waitUntil(() -> b.threads().stream().filter(Thread::isAlive).allMatch(
                        t -> LockObserver.blockedOn(t) == cond), "the rest parked on the condition");
                assertEquals(expected, woken.get(), "signal(" + n + ") woke more than " + n);
            }
            try (var held = cond.hold()) {
                cond.signalAll();
            }
        }
        assertEquals(waiters, woken.get());
    }

    /** signalAll wakes every one of many waiters, round after round. */
    @Test
    void testSignalAllWakesAll() {
        Condition cond = new Condition(new Lock());
        for (int round = 0; round < 5; round++) {
            AtomicInteger woken = new AtomicInteger();
            try (Bunch b = bunch(50, () -> {
                try (var held = cond.hold()) {
                    assertTrue(cond.await(null));
                    woken.incrementAndGet();
                }
            })) {
                waitParkedOn(cond, b.threads());
                try (var held = cond.hold()) {
                    cond.signalAll();
                }
            }
            assertEquals(50, woken.get());
        }
    }

    /**
     * A bounded buffer on two Conditions over one RLock, taken recursively: 4 producers, 4 consumers (half waiting
     * without a timeout, half with 1 ms timeouts racing the signals); every item is consumed exactly once and
     * no untimed waiter is left behind (a lost signal would hang it).
     */
    @Test
    void testConditionProducerConsumer() {
        RLock lock = new RLock();
        Condition notEmpty = new Condition(lock);
        Condition notFull = new Condition(lock);
        java.util.ArrayDeque<Integer> buffer = new java.util.ArrayDeque<>(); // guarded by lock
        int producers = 4;
        int perProducer = 2_000;
        int total = producers * perProducer;
        AtomicIntegerArray consumed = new AtomicIntegerArray(total);
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Runnable producer = () -> {
            for (int i = 0; i < perProducer; i++) {
                try (var outer = lock.hold(); var inner = lock.hold()) {
                    notFull.awaitFor(() -> buffer.size() < 4);
                    buffer.addLast(next.getAndIncrement());
                    notEmpty.signal();
                }
            }
        };
        java.util.function.IntConsumer consumer = (int id) -> {
            boolean timed = id % 2 == 0;
            while (true) {
                try (var held = lock.hold()) {
                    if (timed) {
                        while (!notEmpty.awaitFor(() -> !buffer.isEmpty() || taken.get() >= total,
                                java.time.Duration.ofMillis(1))) {
                            Thread.onSpinWait();
                        }
                    } else {
                        notEmpty.awaitFor(() -> !buffer.isEmpty() || taken.get() >= total);
                    }
                    if (buffer.isEmpty()) {
                        notEmpty.signalAll(); // all taken: let the other consumers see it
                        return;
                    }
                    consumed.incrementAndGet(buffer.removeFirst());
                    if (taken.incrementAndGet() == total) {
                        notEmpty.signalAll();
                    }
                    notFull.signal();
                }
            }
        };
        AtomicInteger ids = new AtomicInteger();
        try (Bunch consumers = bunch(4, () -> consumer.accept(ids.getAndIncrement()));
                Bunch producing = bunch(producers, producer)) {
            assertEquals(producers, producing.threads().size());
            assertEquals(4, consumers.threads().size());
        }
        assertEquals(total, taken.get());
        for (int i = 0; i < total; i++) {
            assertEquals(1, consumed.get(i), "item " + i);
        }
        assertEquals(0, lock.getHoldCount());
        assertTrue(notEmpty.toString().endsWith(", 0)>") && notFull.toString().endsWith(", 0)>"));
    }

    /** A Barrier of 8 parties runs 1,000 cycles; every index 0..7 is returned exactly once per cycle. */
    @Test
    void testBarrierCycles() {
        int parties = 8;
        int cycles = 1_000;
        AtomicInteger trips = new AtomicInteger();
        Barrier barrier = new Barrier(parties, trips::incrementAndGet);
        AtomicIntegerArray seen = new AtomicIntegerArray(cycles * parties);
        try (Bunch b = bunch(parties, () -> {
            for (int c = 0; c < cycles; c++) {
                int index = barrier.await();
                seen.incrementAndGet(c * parties + index);
            }
        })) {
            assertEquals(parties, b.threads().size());
        }
        assertEquals(cycles, trips.get());
        for (int i = 0; i < seen.length(); i++) {
            assertEquals(1, seen.get(i), "cycle " + i / parties + " index " + i % parties);
        }
        assertEquals(0, barrier.nWaiting());
    }

    private void checkAtMostThreeHolders(Semaphore sem) {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        try (Bunch b = bunch(THREADS, () -> {
            for (int i = 0; i < 2_000; i++) {
                try (var held = sem.hold()) {
                    int now = holders.incrementAndGet();
                    maxHolders.accumulateAndGet(now, Math::max);
                    Thread.onSpinWait();
                    holders.decrementAndGet();
                }
            }
        })) {
            assertEquals(THREADS, b.threads().size());
        }
        assertTrue(maxHolders.get() <= 3, sem + " had " + maxHolders.get() + " holders");
        assertTrue(maxHolders.get() >= 1);
        assertEquals(3, sem.value(), "every permit came back");
    }

    /** A Semaphore(3) never has more than 3 holders at once. */
    @Test
    void testSemaphoreCapsHolders() {
        checkAtMostThreeHolders(new Semaphore(3));
    }

    /** Nor does a BoundedSemaphore(3). */
    @Test
    void testBoundedSemaphoreCapsHolders() {
        checkAtMostThreeHolders(new BoundedSemaphore(3));
    }

    /** Event set/clear rounds with waiters arriving concurrently: every waiter returns, none is stranded. */
    @Test
    void testEventRounds() {
        Event go = new Event();
        Event done = new Event();
        AtomicInteger returned = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        int rounds = 200;
        try (Bunch b = bunch(4, () -> {
            for (int r = 0; r < rounds; r++) {
                go.await();
                returned.incrementAndGet();
                done.await();
                passed.incrementAndGet();
            }
        })) {
            for (int r = 0; r < rounds; r++) {
                int target = (r + 1) * 4;
                done.clear();
                go.set();
                Threads.waitUntil(() -> returned.get() >= target, "round " + r + " go");
                go.clear();
                done.set();
                Threads.waitUntil(() -> passed.get() >= target, "round " + r + " done");
            }
            assertEquals(4, b.threads().size());
        }
        assertEquals(rounds * 4, returned.get());
    }
}
