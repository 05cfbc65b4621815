package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The observation hook (DESIGN principle 6): an installed {@link LockObserver} sees every acquire and release of
 * the locks and semaphores, whichever method does it, and Condition's hand-over; with none installed, nothing is
 * called. Events are filtered to the primitives of each test, so threads of other tests cannot interfere.
 */
class LockObserverTests extends BaseTestCase {

    record Event(String what, Object primitive, Thread thread) {
        @Override
        public String toString() {
            return what + " " + primitive.getClass().getSimpleName();
        }
    }

    /** Records the events on a fixed set of primitives. */
    static final class Recorder implements LockObserver {
        final Set<Object> watched;
        final List<Event> events = new CopyOnWriteArrayList<>();

        Recorder(Object... watched) {
            this.watched = Set.of(watched);
        }

        private void add(String what, Object p) {
            if (watched.contains(p)) {
                events.add(new Event(what, p, Thread.currentThread()));
            }
        }

        public void onAcquire(Object p) { add("acquire", p); }
        public void onRelease(Object p) { add("release", p); }
        public void onWaitStart(Object p) { add("waitStart", p); }
        public void onWaitEnd(Object p) { add("waitEnd", p); }

        List<String> names() {
            return events.stream().map(e -> e.what() + " " + e.primitive().getClass().getSimpleName()).toList();
        }
    }

    @AfterEach
    void uninstall() {
        LockObserver.install(null);
    }

    @Test
    void testSeesEveryAcquireAndRelease() throws InterruptedException {
        Lock lock = new Lock();
        RLock rlock = new RLock();
        Semaphore sem = new Semaphore(2);
        BoundedSemaphore bsem = new BoundedSemaphore(1);
        Recorder rec = new Recorder(lock, rlock, sem, bsem);
        assertNull(LockObserver.install(rec));
        assertSame(rec, LockObserver.installed());

        lock.acquire();
        lock.release();
        try (var held = lock.hold()) {
            assertTrue(lock.locked());
        }
        lock.lock();
        lock.unlock();
        assertTrue(lock.tryLock(1, TimeUnit.SECONDS));
        assertFalse(lock.acquire(false), "a failed try reports nothing");
        lock.release();
        rlock.acquire();
        rlock.acquire(Duration.ofSeconds(1));
        rlock.release();
        rlock.release();
        sem.acquire();
        sem.acquire(false);
        sem.release(2);
        try (var held = bsem.hold()) {
            assertFalse(bsem.acquire(Duration.ZERO));
        }
        assertThrows(IllegalArgumentException.class, bsem::release);

        assertEquals(List.of(
                "acquire Lock", "release Lock", "acquire Lock", "release Lock", "acquire Lock", "release Lock",
                "acquire Lock", "release Lock",
                "acquire RLock", "acquire RLock", "release RLock", "release RLock",
                "acquire Semaphore", "acquire Semaphore", "release Semaphore",
                "acquire BoundedSemaphore", "release BoundedSemaphore"), rec.names());
        assertTrue(rec.events.stream().allMatch(e -> e.thread() == Thread.currentThread()));
    }

    /** A blocked acquirer reports waitStart, then waitEnd and acquire, in its own thread. */
    @Test
    void testSeesWaits() {
        Lock lock = new Lock();
        Recorder rec = new Recorder(lock);
        lock.acquire();
        LockObserver.install(rec);
        try (Bunch b = bunch(1, () -> {
            lock.acquire();
            lock.release();
        })) {
            Threads.waitBlocked(b.threads());
            lock.release();
        }
        Thread other = rec.events.stream().filter(e -> e.what().equals("waitStart")).findFirst().orElseThrow()
                .thread();
        assertEquals(List.of("waitStart Lock", "waitEnd Lock", "acquire Lock", "release Lock"),
                rec.events.stream().filter(e -> e.thread() == other).map(Event::toString).toList());
        assertEquals(List.of("release Lock"),
                rec.events.stream().filter(e -> e.thread() == Thread.currentThread()).map(Event::toString).toList());
    }

    /** Condition's wait hands the lock over through the hook: release before waiting, acquire after. */
    @Test
    void testSeesConditionHandOver() {
        RLock rlock = new RLock();
        Condition cond = new Condition(rlock);
        Recorder rec = new Recorder(rlock, cond);
        LockObserver.install(rec);
        rlock.acquire();
        rlock.acquire();
        assertFalse(cond.await(Duration.ofMillis(10)));
        rlock.release();
        rlock.release();
        assertEquals(List.of("acquire RLock", "acquire RLock", "release RLock", "waitStart Condition",
                "waitEnd Condition", "acquire RLock", "release RLock", "release RLock"), rec.names());
    }

    /** An observer that throws from onWaitStart refuses the wait: nothing is acquired. */
    @Test
    void testWaitStartMayRefuse() {
        Lock lock = new Lock();
        class Refused extends RuntimeException {}
        LockObserver.install(new LockObserver() {
            public void onAcquire(Object p) {}
            public void onRelease(Object p) {}
            public void onWaitStart(Object p) {
                if (p == lock) {
                    throw new Refused();
                }
            }
        });
        lock.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Bunch b = bunch(1, () -> thrown.set(assertThrows(Refused.class, lock::acquire)))) {
            assertTrue(b.threads().size() == 1);
        }
        lock.release();
        assertFalse(lock.locked(), "the refused acquire took nothing");
    }

    /** With no observer installed (or after uninstalling), nothing is called. */
    @Test
    void testNothingCalledWhenNoneInstalled() {
        Lock lock = new Lock();
        Semaphore sem = new Semaphore(1);
        Recorder rec = new Recorder(lock, sem);
        LockObserver.install(rec);
        lock.acquire();
        lock.release();
        assertSame(rec, LockObserver.install(null), "install returns the previous observer");
        assertNull(LockObserver.installed());
        lock.acquire();
        lock.release();
        sem.acquire();
        sem.release();
        try (Bunch b = bunch(2, () -> {
            try (var held = lock.hold()) {
                sem.acquire();
                sem.release();
            }
        })) {
            assertTrue(b.threads().size() == 2);
        }
        assertEquals(List.of("acquire Lock", "release Lock"), rec.names());
    }

    /** A thread blocked in a lock's acquire parks with the lock itself as blocker: blockedOn and getBlocker name it. */
    @Test
    void testBlockedOn() {
        RLock rlock = new RLock();
        rlock.acquire();
        try (Bunch b = bunch(1, () -> {
            rlock.acquire();
            rlock.release();
        })) {
            waitParkedOn(rlock, b.threads());
            assertSame(rlock, LockObserver.blockedOn(b.threads().get(0)));
            assertSame(rlock, java.util.concurrent.locks.LockSupport.getBlocker(b.threads().get(0)));
            rlock.release();
        }
        assertNull(LockObserver.blockedOn(Thread.currentThread()));
    }
}
