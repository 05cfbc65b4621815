package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Timer} (threading §7, mapping §2.7) on platform and virtual threads. */
class TimerTest {

    @AfterEach
    void restoreExcepthook() {
        Threading.setExcepthook(null);
    }

    private static Timer timer(ThreadKind kind, Duration interval, Runnable function) {
        return kind == ThreadKind.PLATFORM ? new Timer(interval, function) : Timer.virtual(interval, function);
    }

    /** A started timer calls its function exactly once, then sets finished and ends. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void firesOnce(ThreadKind kind) {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Timer t = timer(kind, Duration.ofMillis(10), () -> {
            calls.incrementAndGet();
            ranOn.set(Thread.currentThread());
        });
        assertFalse(t.isAlive());
        assertFalse(t.finished().isSet());
        t.start();
        assertTrue(t.finished().await(Timeouts.LONG));
        t.join();
        assertFalse(t.isAlive());
        assertEquals(1, calls.get());
        assertSame(t.thread(), ranOn.get());
        assertEquals(kind == ThreadKind.VIRTUAL, t.thread().isVirtual());
        assertTrue(t.toString().matches("<Timer at 0x[0-9a-f]+: Thread-\\d+ interval=PT0\\.01S stopped called>"),
                t.toString());
    }

    /** Cancelled before the interval ends, the function never runs and the thread ends promptly. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void cancelBeforeFireNeverFires(ThreadKind kind) {
        AtomicInteger calls = new AtomicInteger();
        // An interval far beyond the test's run: only cancel() can end this timer in time.
        Timer t = timer(kind, Timeouts.LONG.multipliedBy(10), calls::incrementAndGet);
        t.start();
        Threads.waitBlocked(t.thread()); // waiting on finished
        assertTrue(Threading.enumerate().contains(t.thread()), "listed while it waits");
        t.cancel();
        assertTrue(t.finished().isSet());
        Threads.join(t.thread());
        assertEquals(0, calls.get());
        assertTrue(t.toString().endsWith(" stopped cancelled>"), t.toString());
    }

    /** Cancelled before start: start() runs a thread that ends without calling the function. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void cancelBeforeStart(ThreadKind kind) {
        AtomicInteger calls = new AtomicInteger();
        Timer t = timer(kind, Duration.ZERO, calls::incrementAndGet);
        t.cancel();
        assertTrue(t.toString().endsWith(" initial cancelled>"), t.toString());
        t.start();
        t.join();
        assertEquals(0, calls.get());
        assertTrue(t.finished().isSet());
    }

    /** cancel() after the timer fired, or twice, has no effect and raises nothing. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void cancelAfterFireIsHarmless(ThreadKind kind) {
        AtomicInteger calls = new AtomicInteger();
        Timer t = timer(kind, Duration.ZERO, calls::incrementAndGet);
        t.start();
        t.join();
        t.cancel();
        t.cancel();
        assertEquals(1, calls.get());
    }

    /** cancel() while the function runs does not stop it. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void cancelWhileRunning(ThreadKind kind) {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger completed = new AtomicInteger();
        Timer t = timer(kind, Duration.ZERO, () -> {
            running.countDown();
            Threads.await(release, "release");
            completed.incrementAndGet();
        });
        t.start();
        Threads.await(running, "the function to run");
        t.cancel();
        release.countDown();
        t.join();
        assertEquals(1, completed.get());
    }

    /** An interval of zero or less fires at once. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void nonPositiveIntervalFiresImmediately(ThreadKind kind) {
        for (Duration interval : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            CountDownLatch fired = new CountDownLatch(1);
            Timer t = timer(kind, interval, fired::countDown);
            t.start();
            Threads.await(fired, "the timer with interval " + interval);
            t.join();
        }
    }

    /** The function does not run before the interval (CPython's bound: at least 0.6 of it). */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void waitsForTheInterval(ThreadKind kind) {
        Duration interval = Duration.ofMillis(300);
        AtomicReference<Long> firedAt = new AtomicReference<>();
        Timer t = timer(kind, interval, () -> firedAt.set(System.nanoTime()));
        long started = System.nanoTime();
        t.start();
        t.join();
        assertNotNull(firedAt.get());
        assertTrue(firedAt.get() - started >= interval.toNanos() * 6 / 10,
                "fired after " + Duration.ofNanos(firedAt.get() - started));
    }

    /** An exception from the function goes to the excepthook with the timer's thread; finished stays unset. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void functionExceptionGoesToExcepthook(ThreadKind kind) {
        AtomicReference<ExceptHookArgs> hooked = new AtomicReference<>();
        Threading.setExcepthook(hooked::set);
        Timer t = timer(kind, Duration.ZERO, () -> {
            throw new IllegalStateException("timer failed");
        });
        t.start();
        t.join();
        assertEquals("timer failed", hooked.get().excValue().getMessage());
        assertSame(t.thread(), hooked.get().thread());
        assertFalse(t.finished().isSet(), "CPython sets finished only after a normal return");
    }

    /** Interrupting a waiting timer's thread ends it without calling the function; the hook is told. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void interruptEndsWithoutCalling(ThreadKind kind) {
        AtomicReference<ExceptHookArgs> hooked = new AtomicReference<>();
        Threading.setExcepthook(hooked::set);
        AtomicInteger calls = new AtomicInteger();
        Timer t = timer(kind, Timeouts.LONG.multipliedBy(10), calls::incrementAndGet);
        t.start();
        Threads.waitBlocked(t.thread());
        t.thread().interrupt();
        Threads.join(t.thread());
        assertEquals(0, calls.get());
        assertTrue(hooked.get().excValue() instanceof UncheckedInterruptedException, hooked.get().toString());
    }

    /** Thread API: Thread-N names from the shared counter, start once, join rules, daemon before start only. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void threadApi(ThreadKind kind) {
        Runnable f = () -> {};
        Timer t = timer(kind, Duration.ofMillis(5), f);
        Thread plain = Threading.thread(f);
        int timerN = Integer.parseInt(t.getName().substring("Thread-".length()));
        int threadN = Integer.parseInt(plain.getName().substring("Thread-".length()));
        assertTrue(threadN > timerN, "one counter: " + t.getName() + " then " + plain.getName());
        assertSame(f, t.function());
        assertEquals(Duration.ofMillis(5), t.interval());
        assertTrue(t.toString().endsWith(" initial>"), t.toString());
        assertEquals("cannot join thread before it is started",
                assertThrows(IllegalStateException.class, t::join).getMessage());
        t.setName("reminder");
        assertEquals("reminder", t.getName());
        if (kind == ThreadKind.PLATFORM) {
            assertFalse(t.isDaemon(), "inherited from the (non-daemon) main thread");
            t.setDaemon(true);
            assertTrue(t.isDaemon());
        } else {
            assertTrue(t.isDaemon());
            assertThrows(IllegalArgumentException.class, () -> t.setDaemon(false));
        }
        t.start();
        assertThrows(IllegalThreadStateException.class, t::start);
        t.join(Timeouts.LONG);
        assertFalse(t.isAlive());
        assertThrows(IllegalThreadStateException.class, t::start, "also after it ended");
    }

    /** A timer joining itself from its function: "cannot join current thread". */
    @Test
    void joinFromOwnFunction() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Timer[] self = new Timer[1];
        self[0] = Timer.virtual(Duration.ZERO, () -> {
            try {
                self[0].join();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        self[0].start();
        self[0].join();
        assertEquals("cannot join current thread", thrown.get().getMessage());
    }

    /** Null arguments name the parameter. */
    @Test
    void nullArguments() {
        assertEquals("interval", assertThrows(NullPointerException.class, () -> new Timer(null, () -> {})).getMessage());
        assertEquals("function",
                assertThrows(NullPointerException.class, () -> Timer.virtual(Duration.ZERO, null)).getMessage());
    }
}
