package io.github.threading4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.queue.LifoQueue;
import io.github.threading4j.queue.Queue;
import io.github.threading4j.queue.SimpleQueue;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Our queues as the work queue of the JDK's {@link ThreadPoolExecutor} (ThreadPoolExecutorTest's queue-facing
 * parts), on platform and virtual worker threads: it relies on offer (rejection when a bounded queue is full),
 * take and timed poll (idle workers time out, and an interrupt wakes them at shutdown), remove(Object)
 * ({@code remove(task)}), iterator removal ({@code purge}), and drainTo/toArray/remove in {@code shutdownNow}.
 */
class JdkThreadPoolOnOurQueuesTests extends ContractTestCase {

    /** Queue and LifoQueue of the given capacity (0: unbounded), and SimpleQueue (always unbounded). */
    static final List<IntFunction<BlockingQueue<Runnable>>> QUEUES = List.of(Queue::new, LifoQueue::new, c -> new SimpleQueue<>());

    ThreadPoolExecutor newPool(int workers, BlockingQueue<Runnable> queue) {
        return new ThreadPoolExecutor(workers, workers, 10, TimeUnit.MILLISECONDS, queue, kind.factory());
    }

    /** Tasks queued behind busy workers run; idle workers time out in poll(keepAlive); shutdown ends the pool. */
    @Test
    void runsQueuedTasksAndTimesOutIdleWorkers() throws Exception {
        for (IntFunction<BlockingQueue<Runnable>> type : QUEUES) {
            BlockingQueue<Runnable> queue = type.apply(0);
            ThreadPoolExecutor pool = newPool(2, queue);
            pool.allowCoreThreadTimeOut(true);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 2; i++) {
                pool.execute(() -> Threads.await(release, "release"));
            }
            Future<Integer> queued = pool.submit(() -> 7);
            assertEquals(1, queue.size(), "the third task waits in our queue");
            release.countDown();
            assertEquals(7, queued.get(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            Threads.waitUntil(() -> pool.getPoolSize() == 0, "idle workers to time out in poll(keepAlive)");
            assertEquals(8, pool.submit(() -> 8).get(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            pool.shutdown();
            assertTrue(pool.awaitTermination(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals(4, pool.getCompletedTaskCount());
        }
    }

    /** A full bounded queue makes the pool reject (offer returned false); a slot freed lets submissions in again. */
    @Test
    void boundedQueueRejectsWhenFull() throws Exception {
        for (IntFunction<BlockingQueue<Runnable>> type : QUEUES.subList(0, 2)) {
            BlockingQueue<Runnable> queue = type.apply(1);
            ThreadPoolExecutor pool = newPool(1, queue);
            CountDownLatch release = new CountDownLatch(1);
            pool.execute(() -> Threads.await(release, "release"));
            Future<String> queued = pool.submit(() -> "queued");
            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
            assertEquals(0, queue.remainingCapacity());
            release.countDown();
            assertEquals("queued", queued.get(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
            pool.shutdown();
            assertTrue(pool.awaitTermination(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** remove(task) and purge() take queued tasks out of our queue; shutdownNow drains the rest and interrupts workers. */
    @Test
    void removePurgeAndShutdownNow() throws Exception {
        for (IntFunction<BlockingQueue<Runnable>> type : QUEUES) {
            BlockingQueue<Runnable> queue = type.apply(0);
            ThreadPoolExecutor pool = newPool(1, queue);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            pool.execute(() -> {
                started.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            });
            Threads.await(started, "the worker to be busy");
            Runnable removable = () -> { };
            pool.execute(removable);
            Future<?> cancelled = pool.submit(() -> { });
            Set<Runnable> left = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                Runnable r = () -> { };
                left.add(r);
                pool.execute(r);
            }
            assertEquals(5, queue.size());
            assertTrue(pool.remove(removable));
            assertFalse(queue.contains(removable));
            cancelled.cancel(false);
            pool.purge(); // removes the cancelled future through our iterator
            assertEquals(3, queue.size());
            List<Runnable> never = pool.shutdownNow();
            assertEquals(left, new HashSet<>(never));
            assertTrue(queue.isEmpty());
            Threads.await(interrupted, "the running task to be interrupted");
            assertTrue(pool.awaitTermination(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        }
    }
}
