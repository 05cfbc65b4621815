package io.github.threading4j.examples;

import static io.github.threading4j.examples.TestPace.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lock, RLock, Semaphore, Event, Condition, Barrier, Timer and Local examples. */
class LockExamplesTest {

    /** With the lock the two threads' 200,000 increments all count; without, never more than that. */
    @Test
    void counterRace() {
        var r = CounterRace.run(FAST, Transcript.silent());
        assertEquals(200_000, r.safe());
        assertTrue(r.unsafe() > 0 && r.unsafe() <= 200_000, "unsafe " + r.unsafe());
    }

    /** The tutorial's Counter class counts exactly 10,000. */
    @Test
    void counterClass() {
        var r = CounterClass.run(FAST, Transcript.silent());
        assertEquals(10_000, r.value());
        assertEquals(List.of("10000"), r.transcript().lines());
    }

    /** Exercise 2: ten threads with the lock count exactly 1,000,000; without, at most that. */
    @Test
    void exercise2CounterRace() {
        var r = Exercise2CounterRace.run(FAST, Transcript.silent());
        assertEquals(1_000_000, r.withLock());
        assertTrue(r.withoutLock() > 0 && r.withoutLock() <= 1_000_000, "without lock " + r.withoutLock());
        assertTrue(r.transcript().printed("Counter: 1000000"));
    }

    /** Every item is in the shared list once, and each thread's items keep their order. */
    @Test
    void lockContextManager() {
        List<Integer> list = LockContextManager.run(FAST, Transcript.silent()).sharedList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), list.stream().sorted().toList());
        assertEquals(List.of(1, 2, 3), list.stream().filter(i -> i <= 3).toList());
        assertEquals(List.of(4, 5, 6), list.stream().filter(i -> i >= 4).toList());
    }

    /** The RLock is taken once per level (hold counts 1 to 4) and is free afterwards. */
    @Test
    void rlockRecursion() {
        var r = RLockRecursion.run(FAST, Transcript.silent());
        assertEquals(List.of(1, 2, 3, 4), r.holdCounts());
        assertFalse(r.lockedAfter());
        assertEquals("Count: 0  (lock held 4 times)", r.transcript().lines().get(3));
    }

    /** Concurrent transfers both ways finish (no deadlock) and conserve the total. */
    @Test
    void rlockAccount() {
        var r = RLockAccount.run(FAST, Transcript.silent());
        assertEquals(150, r.total());
        assertTrue(r.balanceA() >= 0 && r.balanceB() >= 0);
        assertTrue(r.transfersDone() > 0);
        assertTrue(r.transcript().printed("a.transferTo(b, 30): true  -> a=70, b=80"), r.transcript().lines().toString());
        assertTrue(r.transcript().printed("b.transferTo(a, 500): false (insufficient funds)"));
    }

    /** At most three threads are ever inside, and all ten get in. */
    @Test
    void semaphore() {
        var r = SemaphoreLimitedResource.run(FAST, Transcript.silent());
        assertTrue(r.maxInside() >= 1 && r.maxInside() <= 3, "max inside " + r.maxInside());
        assertEquals(10, r.completed());
    }

    /** Both waiters proceed, and only after the signal was sent. */
    @Test
    void event() {
        var r = EventSignaling.run(FAST, Transcript.silent());
        Transcript t = r.transcript();
        int sent = t.indexOf("Sending signal");
        assertTrue(sent >= 0);
        for (String w : List.of("A", "B")) {
            assertTrue(t.indexOf(w + " waiting for signal...") >= 0);
            assertTrue(t.indexOf(w + " proceeding!") > sent, t.lines().toString());
        }
        assertTrue(r.setAtEnd());
    }

    /** The bounded buffer never holds more than five and delivers 0 to 9 in order. */
    @Test
    void conditionBoundedBuffer() {
        var r = ConditionBoundedBuffer.run(FAST, Transcript.silent());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), r.consumed());
        assertTrue(r.maxSize() >= 1 && r.maxSize() <= r.capacity(), "max size " + r.maxSize());
    }

    /** The consumer gets the data whichever thread runs first (the tutorial's code hangs when the producer is first). */
    @Test
    void conditionDataReady() {
        for (var order : ConditionDataReady.Order.values()) {
            var r = ConditionDataReady.run(FAST, Transcript.silent(), order);
            assertTrue(r.consumerReceived(), order.toString());
            Transcript t = r.transcript();
            assertTrue(t.indexOf("Producer: Data ready, notifying") < t.indexOf("Consumer: Data received"));
        }
    }

    /** Every worker finishes phase 1 before any starts phase 2. */
    @Test
    void barrierPhasesNeverInterleave() {
        List<String> events = BarrierPhases.run(FAST, Transcript.silent()).events();
        assertEquals(6, events.size(), events.toString());
        assertTrue(events.subList(0, 3).stream().allMatch(e -> e.startsWith("1:")), events.toString());
        assertTrue(events.subList(3, 6).stream().allMatch(e -> e.startsWith("2:")), events.toString());
    }

    /** The started timer fires; the one cancelled before its interval never does. */
    @Test
    void timer() {
        // A tenth of the tutorial's pace: the cancelled timer's 0.3 s interval is far longer than start-then-cancel.
        var r = TimerDelayed.run(Pace.of(0.1), Transcript.silent());
        assertTrue(r.firedRan());
        assertFalse(r.cancelledRan());
        assertFalse(r.transcript().printed("Cancelled task executed (it should not have)"));
    }

    /** Each thread reads back its own value, set concurrently with the others'; a fresh thread sees none. */
    @Test
    void threadLocal() {
        var r = ThreadLocalData.run(FAST, Transcript.silent());
        assertEquals(java.util.Map.of("Worker-0", 0, "Worker-1", 1, "Worker-2", 2), r.workerValues());
        assertEquals(java.util.Map.of("alice", "alice", "bob", "bob", "carol", "carol"), r.requestUsers());
        assertFalse(r.setInFreshThread());
    }
}
