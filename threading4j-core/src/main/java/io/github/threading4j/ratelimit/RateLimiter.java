package io.github.threading4j.ratelimit;

import io.github.threading4j.UncheckedInterruptedException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: at most {@code rate} acquisitions per second on average, and at most {@code burst}
 * at once after a quiet spell.
 *
 * <p>The bucket holds up to {@code burst} tokens and gains one every {@code 1/rate} seconds; each
 * {@link #acquire()} takes one, waiting until one is there. In any window of one second at most
 * {@code rate + burst} acquisitions return (and with {@code burst = 1}, one every {@code 1/rate}
 * seconds, so at most {@code rate + 1}). This is what the tutorials' {@code Semaphore(rate_limit)}
 * is usually meant to be: a semaphore caps how many calls run at once, a rate limiter how many start
 * per second. Use both when a service asks for both:
 *
 * <pre>{@code
 * RateLimiter perSecond = RateLimiter.create(20);          // 20 requests/s, burst 1
 * Semaphore atOnce = new Semaphore(10);                    // and at most 10 in flight
 * try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
 *     for (URI uri : uris) {
 *         pool.submit(() -> {
 *             atOnce.acquireUninterruptibly();
 *             try {
 *                 perSecond.acquire();                     // as late as possible: just before the call
 *                 return client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.discarding());
 *             } finally {
 *                 atOnce.release();
 *             }
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p><b>Fairness.</b> Tokens go out in the order in which callers ask: each call reserves the next
 * free instant with one compare-and-set and then waits for that instant, so a caller that arrived
 * first never waits longer than one that arrived later, and nobody starves (as Guava's
 * {@code SmoothRateLimiter} and resilience4j's {@code AtomicRateLimiter} do). A reservation is never
 * given back: a caller interrupted while waiting for its instant leaves a gap of {@code 1/rate}.
 *
 * <p><b>Threads.</b> Waiting parks the thread ({@link LockSupport#parkNanos(Object, long)} with this
 * limiter as the blocker); nothing blocks inside {@code synchronized}, so virtual threads do not pin
 * their carrier. There is no lock at all.
 *
 * <p><b>Memory consistency.</b> Actions in a thread before {@code acquire()} returns for it
 * happen-before nothing in particular: a rate limiter orders time, not memory. Use a lock or a
 * queue to hand data over.
 */
public final class RateLimiter {
    /*
     * Design: the generic cell rate algorithm (GCRA), the token bucket stated in virtual time.
     *
     * One word, tat ("theoretical arrival time"), in System.nanoTime() units, is the instant at which
     * the bucket would be empty if every reservation so far had been taken as early as allowed.
     * With interval T = 1/rate and tolerance tau = (burst - 1) * T, a caller arriving at `now` gets
     *
     *     at     = max(now, tat - tau)        the instant its token is there
     *     tat'   = max(tat, at) + T           (a CAS; on failure, recompute from the new tat)
     *
     * and then waits until `at`. After a quiet spell max(tat, at) = now, so the next tat is now + T
     * whatever the length of the spell: at most `burst` tokens are ever saved up.
     *
     * Worked example, rate 5/s (T = 200 ms), burst 2 (tau = 200 ms), created at t = 0 (tat = 0):
     *
     *     caller  arrives  at = max(now, tat - 200)   waits   tat afterwards
     *       A        0     max(0, -200)  =   0          0      max(0, 0) + 200   =  200
     *       B        0     max(0,    0)  =   0          0      max(200, 0) + 200 =  400
     *       C        0     max(0,  200)  = 200        200      600
     *       D       10     max(10, 400)  = 400        390      800
     *       (quiet until t = 5000)
     *       E     5000     max(5000, 600) = 5000        0      max(800, 5000) + 200 = 5200
     *       F     5000     max(5000, 5000) = 5000       0      5400
     *       G     5000     max(5000, 5200) = 5200     200      5600
     *
     * A and B use the burst, C and D come one interval apart; after five quiet seconds only two
     * tokens (E, F) are free, not 25. The one-second window [0, 1000) sees A..D plus whatever comes
     * at 600 and 800: 6 = rate + burst - 1, within rate + burst.
     *
     * Reservation order is CAS order, which is arrival order up to the CAS race itself: a caller that
     * loses the race re-reads tat and takes the next instant, so it can lose to callers that arrived
     * during its own retry but never starves (each failed CAS means someone else got a token, and
     * the next instant is a fixed T later). The lock-free word costs one CAS per acquisition and
     * allocates nothing. Waiting is done outside: the reservation is made, then the thread parks
     * until `at` (no catch-up or give-back: an interrupted waiter's instant is lost).
     */

    /** The clock and the sleeper, replaced in tests by a fake that logs each wait. */
    interface Ticker {
        long nanoTime();

        /** Waits until {@link #nanoTime()} reaches {@code deadline}; throws when interrupted. */
        void sleepUntil(long deadline, Object blocker) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long deadline, Object blocker) throws InterruptedException {
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(blocker, left);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            }
        };
    }

    private final double rate;
    private final int burst;
    /** T: nanoseconds between two tokens; at least 1. */
    private final long intervalNanos;
    /** tau = (burst - 1) * T: how far ahead of now tat may run with a token still free. */
    private final long toleranceNanos;
    private final Ticker ticker;
    private final String name;
    /** The theoretical arrival time (see the design note); only ever advanced, by CAS. */
    private final AtomicLong tat;

    private RateLimiter(double rate, int burst, Ticker ticker, String name) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number of permits per second, got " + rate);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        this.rate = rate;
        this.burst = burst;
        this.intervalNanos = Math.max(1L, Math.round(TimeUnit.SECONDS.toNanos(1) / rate));
        this.toleranceNanos = Math.multiplyExact(intervalNanos, (long) burst - 1);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.name = name;
        this.tat = new AtomicLong(ticker.nanoTime()); // a full bucket: `burst` tokens free now
    }

    /** A limiter of {@code rate} permits per second with a burst of 1 (evenly spaced acquisitions). */
    public static RateLimiter create(double rate) {
        return new RateLimiter(rate, 1, Ticker.SYSTEM, null);
    }

    /**
     * A limiter of {@code rate} permits per second that saves up to {@code burst} tokens while idle.
     *
     * @throws IllegalArgumentException if rate is not positive and finite, or burst is below 1
     */
    public static RateLimiter create(double rate, int burst) {
        return new RateLimiter(rate, burst, Ticker.SYSTEM, null);
    }

    /** As {@link #create(double, int)}, with a name shown by {@link #toString()}. */
    public static RateLimiter create(double rate, int burst, String name) {
        return new RateLimiter(rate, burst, Ticker.SYSTEM, Objects.requireNonNull(name, "name"));
    }

    /** For tests: the same limiter on a given clock. */
    static RateLimiter create(double rate, int burst, Ticker ticker) {
        return new RateLimiter(rate, burst, ticker, null);
    }

    /** Permits per second. */
    public double rate() {
        return rate;
    }

    /** Tokens saved up at most. */
    public int burst() {
        return burst;
    }

    /**
     * Takes one token, waiting until one is there.
     *
     * <p>Wakes when its reserved instant comes (reservations are served in the order made). An
     * interrupt, before or during the wait, throws {@link UncheckedInterruptedException} with the
     * thread's interrupt status kept set; a token reserved before the interrupt is not given back.
     *
     * @return how long the caller waited
     * @throws UncheckedInterruptedException if the thread is interrupted
     */
    public Duration acquire() {
        if (Thread.interrupted()) {
            throw UncheckedInterruptedException.interrupted();
        }
        long now = ticker.nanoTime();
        long at = reserve(now, Long.MAX_VALUE);
        return waitFor(at, now);
    }

    /**
     * Takes one token if one is there now or will be within {@code timeout}, waiting for it; otherwise
     * returns {@code false} at once, reserving nothing.
     *
     * <p>Wakes when its reserved instant comes. A zero or negative timeout never waits: it takes a
     * token only if one is free now. An interrupt throws {@link UncheckedInterruptedException} with
     * the interrupt status kept set.
     *
     * @return whether a token was taken
     * @throws NullPointerException if timeout is null
     * @throws UncheckedInterruptedException if the thread is interrupted
     */
    public boolean tryAcquire(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (Thread.interrupted()) {
            throw UncheckedInterruptedException.interrupted();
        }
        long budget = timeout.isNegative() ? 0 : saturatedNanos(timeout);
        long now = ticker.nanoTime();
        long at = reserve(now, budget);
        if (at == NONE) {
            return false;
        }
        waitFor(at, now);
        return true;
    }

    /** Takes a token only if one is free now. */
    public boolean tryAcquire() {
        return tryAcquire(Duration.ZERO);
    }

    // --- mechanics ----------------------------------------------------------------------------

    /** No reservation was made (tryAcquire's budget too short). nanoTime may be any long: use a flag. */
    private static final long NONE = Long.MIN_VALUE;

    /**
     * Reserves the next token's instant if it lies within {@code budget} nanoseconds of now.
     *
     * @return the instant, or {@link #NONE}
     */
    private long reserve(long now, long budget) {
        while (true) {
            long current = tat.get();
            long earliest = current - toleranceNanos;
            long at = earliest - now > 0 ? earliest : now;
            if (at - now > budget) {
                return NONE;
            }
            long base = current - at > 0 ? current : at;
            if (tat.compareAndSet(current, base + intervalNanos)) {
                return at == NONE ? at + 1 : at;
            }
        }
    }

    private Duration waitFor(long at, long now) {
        long wait = at - now;
        if (wait <= 0) {
            return Duration.ZERO;
        }
        try {
            ticker.sleepUntil(at, this);
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.restore(e);
        }
        return Duration.ofNanos(wait);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Shows the rate, the burst and how far ahead the next free token is (racy: a snapshot). */
    @Override
    public String toString() {
        long ahead = (tat.get() - toleranceNanos) - ticker.nanoTime();
        return "<RateLimiter" + (name == null ? "" : " " + name) + " rate=" + rate + "/s burst=" + burst
                + " next token " + (ahead <= 0 ? "now" : "in " + Duration.ofNanos(ahead).toMillis() + " ms") + ">";
    }
}
