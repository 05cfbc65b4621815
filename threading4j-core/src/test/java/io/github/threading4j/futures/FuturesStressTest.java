package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.Bunch;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Bounded stress of the executors: nothing lost, duplicated or left pending, memory bounded by bufferSize. */
class FuturesStressTest {

    /** 100,000 tasks on 4 workers each give exactly their own result, each run exactly once. */
    @Test
    void hundredThousandTasksOnFourWorkers() {
        int n = 100_000;
        AtomicInteger runs = new AtomicInteger();
        List<Future<Long>> fs = new ArrayList<>(n);
        try (ThreadPoolExecutor executor = new ThreadPoolExecutor(4)) {
            for (int i = 0; i < n; i++) {
                long x = i;
                fs.add(executor.submit(() -> {
                    runs.incrementAndGet();
                    return x * x;
                }));
            }
            for (int i = 0; i < n; i++) {
                assertEquals((long) i * i, fs.get(i).result());
            }
            assertEquals(4, executor.workerThreads().size());
        }
        assertEquals(n, runs.get());
    }

    /**
     * shutdown(wait=false, cancelFutures=true) while four threads submit: afterwards every future is finished
     * or cancelled (none pending or running), every accepted task ran at most once, and no worker is alive.
     */
    @Test
    void shutdownCancelFuturesUnderLoad() {
        for (Executor executor : List.of(new ThreadPoolExecutor(4), new VirtualThreadExecutor(4))) {
            ConcurrentLinkedQueue<Future<Integer>> accepted = new ConcurrentLinkedQueue<>();
            AtomicInteger ran = new AtomicInteger();
            AtomicInteger rejected = new AtomicInteger();
            try (Bunch submitters = Bunch.start(ThreadKind.PLATFORM, 4, () -> {
                for (int i = 0; i < 50_000; i++) {
                    try {
                        accepted.add(executor.submit(() -> {
                            ran.incrementAndGet();
                            return 1;
                        }));
                    } catch (RejectedExecutionException e) {
                        rejected.incrementAndGet();
                        return;
                    }
                }
            })) {
                Threads.waitUntil(() -> accepted.size() > 20_000, "submissions to pile up");
                executor.shutdown(false, true);
            }
            try {
                assertTrue(executor.awaitTermination(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            int finished = 0;
            int cancelled = 0;
            for (Future<Integer> f : accepted) {
                FutureState s = f.futureState();
                assertTrue(s == FutureState.FINISHED || s == FutureState.CANCELLED
                        || s == FutureState.CANCELLED_AND_NOTIFIED, s.toString());
                if (s == FutureState.FINISHED) {
                    assertEquals(1, f.result());
                    finished++;
                } else {
                    cancelled++;
                }
            }
            assertEquals(finished, ran.get());
            assertTrue(cancelled > 0 || rejected.get() > 0, "the shutdown came while submissions were going on");
            if (executor instanceof ThreadPoolExecutor pool) {
                for (Thread t : pool.workerThreads()) {
                    Threads.join(t);
                    assertFalse(t.isAlive());
                }
            }
        }
    }

    /**
     * map over 1,000,000 items with bufferSize 64: at no time are more than 64 tasks submitted and not yet
     * yielded (the package-private gauge), and tasks started but not yet consumed stay within 64 + 1 (the
     * +1 is the result being handed to the consumer when the refill's task starts).
     */
    @Test
    void mapOverAMillionItemsStaysBounded() {
        int n = 1_000_000;
        int bufferSize = 64;
        AtomicLong startedNotConsumed = new AtomicLong();
        AtomicLong maxLive = new AtomicLong();
        int maxOutstanding = 0;
        long sum = 0;
        Iterable<Integer> items = () -> Stream.iterate(0, i -> i < n, i -> i + 1).iterator();
        try (ThreadPoolExecutor executor = new ThreadPoolExecutor(4);
             Results<Integer> results = executor.map(i -> {
                 maxLive.accumulateAndGet(startedNotConsumed.incrementAndGet(), Math::max);
                 return i;
             }, items, null, bufferSize)) {
            MapResults<Integer> gauge = (MapResults<Integer>) results;
            int expected = 0;
            for (Iterator<Integer> it = results.iterator(); it.hasNext(); ) {
                int v = it.next();
                startedNotConsumed.decrementAndGet();
                assertEquals(expected++, v);
                sum += v;
                maxOutstanding = Math.max(maxOutstanding, gauge.outstanding());
            }
            assertEquals(n, expected);
        }
        assertEquals((long) n * (n - 1) / 2, sum);
        assertTrue(maxOutstanding <= bufferSize, "outstanding " + maxOutstanding);
        assertTrue(maxLive.get() <= bufferSize + 1, "live " + maxLive.get());
    }

    /** E1: 100,000 tasks that each wait 100 ms, each on its own virtual thread, all complete. */
    @Test
    void virtualThreadExecutorRunsHundredThousandSleepingTasks() {
        int n = 100_000;
        List<Future<Integer>> fs = new ArrayList<>(n);
        try (VirtualThreadExecutor executor = new VirtualThreadExecutor()) {
            for (int i = 0; i < n; i++) {
                int x = i;
                fs.add(executor.submit(() -> {
                    Thread.sleep(100); // the wait is the workload
                    return x;
                }));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(i, fs.get(i).result());
            }
        }
    }
}
