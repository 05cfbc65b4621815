package io.github.threading4j.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.UncheckedInterruptedException;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The token bucket's arithmetic on a fake clock that logs each wait, and its interrupts on real threads. */
class RateLimiterTest {

    /** A clock that only moves when someone sleeps on it, or when the test advances it; logs each sleep in ms. */
    static final class FakeTicker implements RateLimiter.Ticker {
        long now = 1_000_000_000L; // any origin: the limiter works with differences only
        final List<Long> sleepsMs = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadline, Object blocker) {
            sleepsMs.add((deadline - now) / 1_000_000);
            now = Math.max(now, deadline);
        }

        void advanceMs(long ms) {
            now += ms * 1_000_000;
        }
    }

    private final FakeTicker clock = new FakeTicker();

    /** With burst 1, acquisitions are spaced exactly one interval apart, the first free. */
    @Test
    void burstOneSpacesAcquisitionsOneIntervalApart() {
        RateLimiter r = RateLimiter.create(5, 1, clock);
        for (int i = 0; i < 4; i++) {
            r.acquire();
        }
        assertEquals(List.of(200L, 200L, 200L), clock.sleepsMs);
    }

    /** The worked example of the design note, step by step. */
    @Test
    void workedExampleOfTheDesignNote() {
        RateLimiter r = RateLimiter.create(5, 2, clock);
        assertEquals(Duration.ZERO, r.acquire()); // A
        assertEquals(Duration.ZERO, r.acquire()); // B
        assertEquals(Duration.ofMillis(200), r.acquire()); // C
        clock.advanceMs(10 - 200); // D arrives at 10 ms (C's sleep moved the clock to 200)
        assertEquals(Duration.ofMillis(390), r.acquire()); // D
        clock.advanceMs(5000 - 400);
        assertEquals(Duration.ZERO, r.acquire()); // E
        assertEquals(Duration.ZERO, r.acquire()); // F
        assertEquals(Duration.ofMillis(200), r.acquire()); // G
        assertEquals(List.of(200L, 390L, 200L), clock.sleepsMs);
    }

    /** A long quiet spell saves up `burst` tokens, not rate x spell. */
    @Test
    void idleTimeSavesAtMostBurstTokens() {
        RateLimiter r = RateLimiter.create(10, 3, clock);
        r.acquire();
        clock.advanceMs(60_000);
        for (int i = 0; i < 5; i++) {
            r.acquire();
        }
        assertEquals(List.of(100L, 100L), clock.sleepsMs);
    }

    /** tryAcquire waits for a token due within its timeout, and reserves nothing when it is not. */
    @Test
    void tryAcquireWaitsOnlyWithinItsTimeout() {
        RateLimiter r = RateLimiter.create(1, 1, clock);
        assertTrue(r.tryAcquire(Duration.ZERO));
        assertFalse(r.tryAcquire(Duration.ofMillis(999)));
        assertFalse(r.tryAcquire());
        assertTrue(clock.sleepsMs.isEmpty(), "a refused tryAcquire must not wait");
        assertTrue(r.tryAcquire(Duration.ofMillis(1000)));
        assertEquals(List.of(1000L), clock.sleepsMs);
        // the refusals reserved nothing: the next token is one interval after the last one taken
        clock.advanceMs(1000);
        assertTrue(r.tryAcquire(Duration.ZERO));
    }

    /** A negative timeout means no wait, as zero does. */
    @Test
    void negativeTimeoutIsZero() {
        RateLimiter r = RateLimiter.create(2, 1, clock);
        assertTrue(r.tryAcquire(Duration.ofSeconds(-5)));
        assertFalse(r.tryAcquire(Duration.ofSeconds(-5)));
        clock.advanceMs(500);
        assertTrue(r.tryAcquire(Duration.ofSeconds(-5)));
        assertTrue(clock.sleepsMs.isEmpty());
    }

    /** A fractional rate (one every 2.5 s) keeps its interval. */
    @Test
    void fractionalRate() {
        RateLimiter r = RateLimiter.create(0.4, 1, clock);
        r.acquire();
        r.acquire();
        r.acquire();
        assertEquals(List.of(2500L, 2500L), clock.sleepsMs);
    }

    /** Callers are served in the order they reserve: each later caller's instant is later. */
    @Test
    void reservationsAreServedInArrivalOrder() {
        RateLimiter r = RateLimiter.create(4, 1, clock);
        List<Long> instants = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clock.advanceMs(-clock.sleepsMs.stream().mapToLong(Long::longValue).sum()); // all arrive at the same time
            clock.sleepsMs.clear();
            r.acquire();
            instants.add(clock.now);
        }
        for (int i = 1; i < instants.size(); i++) {
            assertEquals(250, (instants.get(i) - instants.get(i - 1)) / 1_000_000, "gap before caller " + i);
        }
    }

    @Test
    void badArgumentsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RateLimiter.create(0)).getMessage().contains("rate"));
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.create(-1));
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.create(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.create(Double.POSITIVE_INFINITY));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RateLimiter.create(1, 0)).getMessage().contains("burst"));
        assertThrows(NullPointerException.class, () -> RateLimiter.create(1).tryAcquire(null));
    }

    @Test
    void toStringShowsRateBurstAndNextToken() {
        RateLimiter r = RateLimiter.create(5, 1, clock);
        assertEquals("<RateLimiter rate=5.0/s burst=1 next token now>", r.toString());
        r.acquire();
        assertEquals("<RateLimiter rate=5.0/s burst=1 next token in 200 ms>", r.toString());
        assertTrue(RateLimiter.create(1, 1, "api").toString().startsWith("<RateLimiter api rate=1.0/s"));
    }

    /** An interrupt during the wait throws UncheckedInterruptedException and keeps the interrupt status. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void interruptWhileWaiting(ThreadKind kind) {
        RateLimiter r = RateLimiter.create(0.001); // one token per 1000 s
        r.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread t = kind.start(() -> {
            try {
                r.acquire();
            } catch (Throwable e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        Threads.waitBlocked(t);
        t.interrupt();
        Threads.join(t);
        assertTrue(thrown.get() instanceof UncheckedInterruptedException, "thrown: " + thrown.get());
        assertTrue(flagKept.get(), "interrupt status kept");
    }

    /** A thread already interrupted is refused at once, even with a token free, and reserves nothing. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void interruptBeforeCall(ThreadKind kind) {
        RateLimiter r = RateLimiter.create(0.001);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread t = kind.start(() -> {
            Thread.currentThread().interrupt();
            try {
                r.tryAcquire(Duration.ofSeconds(1));
            } catch (Throwable e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        Threads.join(t);
        assertTrue(thrown.get() instanceof UncheckedInterruptedException, "thrown: " + thrown.get());
        assertTrue(flagKept.get());
        assertTrue(r.tryAcquire(), "the interrupted call reserved no token");
    }
}
