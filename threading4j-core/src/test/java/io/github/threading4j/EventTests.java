package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Port of CPython's {@code lock_tests.EventTests}, plus the interrupt and timeout rules of mapping §1.4–§1.5. */
abstract class EventTests extends BaseTestCase {

    /** CPython's {@code eventtype()}. */
    abstract Event eventtype();

    @Test
    void testIsSet() {
        Event evt = eventtype();
        assertFalse(evt.isSet());
        evt.set();
        assertTrue(evt.isSet());
        evt.set();
        assertTrue(evt.isSet());
        evt.clear();
        assertFalse(evt.isSet());
        evt.clear();
        assertFalse(evt.isSet());
    }

    private void checkNotify(Event evt) {
        int n = 5;
        List<Boolean> results1 = new CopyOnWriteArrayList<>();
        List<Boolean> results2 = new CopyOnWriteArrayList<>();
        try (Bunch b = bunch(n, () -> {
            results1.add(evt.await());
            results2.add(evt.await());
        })) {
            waitParkedOn(evt, b.threads()); // threads blocked on the first await()
            assertEquals(0, results1.size());
            evt.set(); // threads unblocked
        }
        assertEquals(Collections.nCopies(n, true), results1);
        assertEquals(Collections.nCopies(n, true), results2);
    }

    @Test
    void testNotify() {
        Event evt = eventtype();
        checkNotify(evt);
        // another time, after an explicit clear()
        evt.set();
        evt.clear();
        checkNotify(evt);
    }

    @Test
    void testTimeout() {
        Event evt = eventtype();
        int n = 5;
        List<Boolean> results1 = new CopyOnWriteArrayList<>();
        List<Object[]> results2 = new CopyOnWriteArrayList<>();
        Runnable f = () -> {
            results1.add(evt.await(Duration.ZERO));
            long t1 = System.nanoTime();
            boolean r = evt.await(Duration.ofMillis(500));
            results2.add(new Object[] {r, secondsSince(t1)});
        };
        try (Bunch b = bunch(n, f)) {
            assertNotNull(b);
        }
        assertEquals(Collections.nCopies(n, false), results1);
        for (Object[] r : results2) {
            assertEquals(false, r[0]);
            assertTimeout((Double) r[1], 0.5);
        }
        // the event is set
        results1.clear();
        results2.clear();
        evt.set();
        try (Bunch b = bunch(n, f)) {
            assertNotNull(b);
        }
        assertEquals(Collections.nCopies(n, true), results1);
        for (Object[] r : results2) {
            assertEquals(true, r[0]);
        }
    }

    /** gh-57711: await() returns true even when the event is cleared before the waiter is woken. */
    @Test
    void testSetAndClear() {
        Event event = eventtype();
        List<Boolean> results = new CopyOnWriteArrayList<>();
        int n = 5;
        try (Bunch b = bunch(n, () -> results.add(event.await(Timeouts.LONG)))) {
            waitParkedOn(event, b.threads()); // threads blocked on event.await()
            event.set(); // threads unblocked
            event.clear();
        }
        assertEquals(Collections.nCopies(n, true), results);
    }

    @Test
    void testRepr() {
        Event evt = eventtype();
        assertTrue(Pattern.compile("<Event at .*: unset>").matcher(evt.toString()).find(), evt::toString);
        evt.set();
        assertTrue(Pattern.compile("<Event at .*: set>").matcher(evt.toString()).find(), evt::toString);
    }

    // ---- beyond CPython -----------------------------------------------------------------------------------------

    /** A negative timeout does not wait; too large a timeout fails only when it would wait. */
    @Test
    void testTimeoutArguments() {
        Event evt = eventtype();
        assertFalse(evt.await(Duration.ofSeconds(-1)));
        var e = assertThrows(ArithmeticException.class, () -> evt.await(Threading.TIMEOUT_MAX.plusNanos(1)));
        assertEquals("timeout value is too large", e.getMessage());
        evt.set();
        assertTrue(evt.await(Duration.ofSeconds(Long.MAX_VALUE)), "set: returns at once, whatever the timeout");
        assertTrue(evt.await(Duration.ofSeconds(-1)));
    }

    /** An interrupt ends await() and await(timeout): status kept, UncheckedInterruptedException. */
    @Test
    void testAwaitInterrupted() {
        for (Duration timeout : new Duration[] {null, Duration.ofMinutes(10)}) {
            Event evt = eventtype();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> statusKept = new AtomicReference<>();
            Thread t = start(() -> {
                try {
                    evt.await(timeout);
                } catch (Throwable x) {
                    thrown.set(x);
                }
                statusKept.set(Thread.currentThread().isInterrupted());
            });
            waitParkedOn(evt, t);
            t.interrupt();
            Threads.join(t);
            assertTrue(thrown.get() instanceof UncheckedInterruptedException, String.valueOf(thrown.get()));
            assertEquals(true, statusKept.get());
        }
    }

    /** With the status set on entry, a wait that could block throws; a zero timeout only polls. */
    @Test
    void testInterruptedOnEntry() {
        Event evt = eventtype();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = start(() -> {
            Thread.currentThread().interrupt();
            boolean polled = evt.await(Duration.ZERO);
            try {
                evt.await();
                result.set("no exception");
            } catch (UncheckedInterruptedException e) {
                result.set(List.of(polled, Thread.currentThread().isInterrupted()));
            }
        });
        Threads.join(t);
        assertEquals(List.of(false, true), result.get());
    }

    /** Waiters park with the Event as their blocker (for thread dumps). */
    @Test
    void testWaiterParksOnEvent() {
        Event evt = eventtype();
        try (Bunch b = bunch(1, evt::await)) {
            waitParkedOn(evt, b.threads());
            evt.set();
        }
    }

    /** Many set/clear rounds with waiters coming and going: each waiter that saw a set() returns true. */
    @Test
    void testRepeatedSetClear() {
        Event evt = eventtype();
        for (int round = 0; round < 50; round++) {
            try (Bunch b = bunch(3, () -> assertTrue(evt.await()))) {
                waitParkedOn(evt, b.threads());
                evt.set();
                evt.clear();
            }
        }
        assertFalse(evt.isSet());
        assertFalse(evt.await(Duration.ofMillis(1)));
    }
}
