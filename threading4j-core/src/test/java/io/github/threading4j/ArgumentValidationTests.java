package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad arguments throw the mapped exception with a message naming the argument (mapping §1.3, §1.6), before any
 * state changes; names given to constructors show in {@code toString()} (DESIGN principle 6). No threads involved.
 */
class ArgumentValidationTests {

    private static void assertThrowsMessage(Class<? extends Throwable> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    @Test
    void testNullArgumentsAreRejected() {
        assertThrowsMessage(NullPointerException.class, "name", () -> new Lock(null));
        assertThrowsMessage(NullPointerException.class, "name", () -> new RLock(null));
        assertThrowsMessage(NullPointerException.class, "name", () -> new Event(null));
        assertThrowsMessage(NullPointerException.class, "name", () -> new Semaphore(1, null));
        assertThrowsMessage(NullPointerException.class, "name", () -> new BoundedSemaphore(1, null));
        assertThrowsMessage(NullPointerException.class, "name", () -> new Condition((String) null));
        assertThrowsMessage(NullPointerException.class, "lock", () -> new Condition((Lock) null));
        assertThrowsMessage(NullPointerException.class, "lock", () -> new Condition((RLock) null));
        assertThrowsMessage(NullPointerException.class, "lock", () -> new Condition((Lock) null, "c"));
        assertThrowsMessage(NullPointerException.class, "name", () -> new Condition(new RLock(), null));
        Condition cond = new Condition();
        assertThrowsMessage(NullPointerException.class, "predicate", () -> cond.awaitFor(null));
        assertThrowsMessage(NullPointerException.class, "predicate", () -> cond.awaitFor(null, Duration.ZERO));
    }

    @Test
    void testValueArguments() {
        assertThrowsMessage(IllegalArgumentException.class, "semaphore initial value must be >= 0",
                () -> new Semaphore(-1, "s"));
        assertThrowsMessage(IllegalArgumentException.class, "semaphore initial value must be >= 0",
                () -> new BoundedSemaphore(-1));
        assertThrowsMessage(IllegalArgumentException.class, "parties must be >= 1", () -> new Barrier(0));
        assertThrowsMessage(IllegalArgumentException.class, "parties must be >= 1",
                () -> new Barrier(-5, null, null, "b"));
        Semaphore sem = new Semaphore(0);
        assertThrowsMessage(IllegalArgumentException.class, "n must be one or more", () -> sem.release(0));
        assertThrowsMessage(IllegalArgumentException.class, "can't specify timeout for non-blocking acquire",
                () -> sem.acquire(false, Duration.ZERO));
        assertEquals(true, sem.acquire(false, null) == false, "no permit, no wait");
        Lock lock = new Lock();
        assertThrowsMessage(IllegalArgumentException.class, "can't specify a timeout for a non-blocking call",
                () -> lock.acquire(false, Duration.ZERO));
        assertThrowsMessage(IllegalArgumentException.class, "timeout value must be a non-negative number",
                () -> lock.acquire(Duration.ofNanos(-1)));
        assertThrowsMessage(IllegalArgumentException.class, "timeout value must be a non-negative number",
                () -> new Condition().acquire(true, Duration.ofNanos(-1)));
        assertEquals(false, lock.locked());
        // a semaphore's counter cannot pass Integer.MAX_VALUE: the release fails whole
        Semaphore big = new Semaphore(Integer.MAX_VALUE);
        assertThrows(ArithmeticException.class, big::release);
        assertTrue(big.toString().endsWith("value=" + Integer.MAX_VALUE + ">"));
    }

    @Test
    void testNamesShowInToString() {
        assertTrue(new Lock("db").toString().matches("<unlocked Lock object name='db' at 0x[0-9a-f]+>"));
        RLock rlock = new RLock("accounts");
        rlock.acquire();
        assertTrue(rlock.toString().matches(
                "<locked RLock object name='accounts' owner=" + Thread.currentThread().threadId()
                        + " count=1 at 0x[0-9a-f]+>"), rlock::toString);
        rlock.release();
        assertTrue(new Semaphore(3, "slots").toString().matches("<Semaphore name='slots' at 0x[0-9a-f]+: value=3>"));
        assertTrue(new BoundedSemaphore(2, "pool").toString()
                .matches("<BoundedSemaphore name='pool' at 0x[0-9a-f]+: value=2/2>"));
        assertTrue(new Event("stop").toString().matches("<Event name='stop' at 0x[0-9a-f]+: unset>"));
        assertTrue(new Condition("ready").toString()
                .matches("<Condition name='ready'\\(<unlocked RLock object owner=0 count=0 at 0x[0-9a-f]+>, 0\\)>"));
        assertTrue(new Condition(new Lock("m"), "c").toString().contains("name='m'"));
        assertTrue(new Barrier(3, null, null, "phase").toString()
                .matches("<Barrier name='phase' at 0x[0-9a-f]+: waiters=0/3>"));
        // without a name: CPython's repr exactly, address as Integer.toHexString(identityHashCode)
        Lock plain = new Lock();
        assertEquals("<unlocked Lock object at 0x" + Integer.toHexString(System.identityHashCode(plain)) + ">",
                plain.toString());
    }
}
