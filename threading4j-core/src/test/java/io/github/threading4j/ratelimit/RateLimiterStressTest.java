package io.github.threading4j.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Under contention on the real clock, no one-second window sees more than rate + burst acquisitions. */
class RateLimiterStressTest {
    static final double RATE = 10;
    static final int BURST = 2;
    static final int THREADS = 8;
    static final int TOTAL = 26;

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void countInAnyOneSecondWindowStaysWithinRatePlusBurst(ThreadKind kind) {
        RateLimiter r = RateLimiter.create(RATE, BURST);
        long[] returned = new long[TOTAL];
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            threads.add(kind.start(() -> {
                while (next.get() < TOTAL) {
                    r.acquire();
                    int slot = next.getAndIncrement();
                    if (slot < TOTAL) {
                        returned[slot] = System.nanoTime();
                    }
                }
            }));
        }
        Threads.joinAll(threads);
        assertTrue(next.get() >= TOTAL);
        long[] t = returned.clone();
        Arrays.sort(t);
        int peak = 0;
        for (int lo = 0, hi = 0; hi < t.length; hi++) {
            while (t[hi] - t[lo] >= 1_000_000_000L) {
                lo++;
            }
            peak = Math.max(peak, hi - lo + 1);
        }
        assertTrue(peak <= RATE + BURST, "peak in 1 s: " + peak);
        // and it did not simply stall: TOTAL - BURST intervals must have passed, no more bound asserted
        double seconds = (t[TOTAL - 1] - t0) / 1e9;
        assertTrue(seconds >= (TOTAL - BURST) / RATE * 0.99, "too fast: " + seconds + " s");
        assertEquals(TOTAL, Arrays.stream(returned).filter(x -> x != 0).count());
    }
}
