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
            // The first tasks hold their workers until the shutdown has been called, so work is queued then.
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            AtomicInteger held = new AtomicInteger();
            try (Bunch submitters = Bunch.start(ThreadKind.PLATFORM, 4, () -> {
                for (int i = 0; i < 50_000; i++) {
                    try {
                        accepted.add(executor.submit(() -> {
                            if (held.incrementAndGet() <= 4) {
                                Threads.await(gate, "the shutdown");
                            }
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
                // Workers start lazily and may not have taken their first task yet on a loaded machine: wait
                // until four tasks are really running (held at the gate), so that shutdown finds them running.
                Threads.waitUntil(() -> held.get() >= 4, "four tasks to be running");
                executor.shutdown(false, true);
                gate.countDown();
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
            assertTrue(cancelled > 0, "queued work was cancelled");
            assertTrue(finished >= 4, "the running tasks finished");
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

    /**
     * wait, asCompleted and result() over overlapping, differently ordered sets of the same futures, on both
     * kinds of thread, while two threads complete or cancel them in random order: every waiter wakes, none
     * deadlocks (the hooks are installed by CAS, so there is no lock order to get wrong), each sees every
     * future exactly once.
     */
    @Test
    void concurrentWaitersOverOverlappingSets() {
        for (int round = 0; round < 100; round++) {
            int n = 200;
            List<Future<Integer>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fs.add(new Future<>());
            }
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            AtomicInteger seed = new AtomicInteger(round * 100);
            List<Bunch> bunches = new ArrayList<>();
            for (ThreadKind kind : ThreadKind.values()) {
                bunches.add(Bunch.start(kind, 2, () -> {
                    List<Future<Integer>> mine = shuffled(fs, seed.incrementAndGet());
                    Threads.await(go, "go");
                    assertEquals(n, Futures.wait(mine).done().size());
                }));
                bunches.add(Bunch.start(kind, 2, () -> {
                    List<Future<Integer>> mine = shuffled(fs, seed.incrementAndGet());
                    Threads.await(go, "go");
                    java.util.Set<Future<Integer>> seen = Futures.identitySet();
                    try (Results<Future<Integer>> results = Futures.asCompleted(mine)) {
                        results.forEach(f -> assertTrue(seen.add(f)));
                    }
                    assertEquals(n, seen.size());
                }));
                bunches.add(Bunch.start(kind, 1, () -> {
                    Threads.await(go, "go");
                    for (Future<Integer> f : shuffled(fs, seed.incrementAndGet())) {
                        int i = fs.indexOf(f);
                        if (i % 10 == 0) {
                            org.junit.jupiter.api.Assertions.assertThrows(CancelledError.class, f::result);
                        } else {
                            assertEquals(i, f.result());
                        }
                    }
                }));
            }
            List<Future<Integer>> order = shuffled(fs, round);
            try (Bunch completers = Bunch.start(ThreadKind.PLATFORM, 2, () -> {
                Threads.await(go, "go");
                for (Future<Integer> f : order) {
                    if (f.futureState() == FutureState.PENDING) {
                        try {
                            if (fs.indexOf(f) % 10 == 0) {
                                f.cancel();
                            } else {
                                f.setResult(fs.indexOf(f));
                            }
                        } catch (InvalidStateError raced) {
                            // the other completer got there first
                        }
                    }
                }
            })) {
                go.countDown();
            }
            bunches.forEach(Bunch::close);
        }
    }

    private static <T> List<T> shuffled(List<T> list, long seed) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.shuffle(copy, new java.util.Random(seed));
        return copy;
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
