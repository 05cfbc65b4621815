package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Timeouts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our queues as the work queue of the JDK's {@link ThreadPoolExecutor}: tasks run, and the documented
 * shutdown order (the executor first, then the queue) ends the pool cleanly.
 */
class JdkThreadPoolExecutorTests {

    static Stream<Arguments> queues() {
        List<Arguments> args = new ArrayList<>();
        for (ThreadKind kind : ThreadKind.values()) {
            args.add(Arguments.of("Queue", (Supplier<BlockingQueue<Runnable>>) Queue::new, kind));
            args.add(Arguments.of("LifoQueue", (Supplier<BlockingQueue<Runnable>>) LifoQueue::new, kind));
            args.add(Arguments.of("SimpleQueue", (Supplier<BlockingQueue<Runnable>>) SimpleQueue::new, kind));
        }
        return args.stream();
    }

    /** 200 tasks run on 3 workers; shutdown() of the executor, then of the queue, ends every worker. */
    @ParameterizedTest(name = "{0} with {2} workers")
    @MethodSource("queues")
    void worksAsTheWorkQueueAndShutsDownInTheDocumentedOrder(String name, Supplier<BlockingQueue<Runnable>> type,
                                                             ThreadKind kind) throws Exception {
        BlockingQueue<Runnable> queue = type.get();
        List<Thread> workers = new ArrayList<>();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(3, 3, 1, TimeUnit.SECONDS, queue, r -> {
            Thread t = kind.unstarted(r);
            synchronized (workers) {
                workers.add(t);
            }
            return t;
        });
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 200; i++) {
            executor.execute(ran::incrementAndGet);
        }
        executor.shutdown();  // first the executor: its workers drain the queue and end
        assertTrue(executor.awaitTermination(Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(200, ran.get());
        if (queue instanceof Queue<Runnable> q) {
            // the first 3 tasks start the 3 workers without passing through the queue; the executor never
            // calls taskDone(), so every queued task stays unfinished
            assertEquals(200 - 3, q.unfinishedTasks());
            assertEquals(List.of(), q.shutdown(true));  // then the queue
        }
        synchronized (workers) {
            assertEquals(3, workers.size(), "no worker was replaced: none failed");
            for (Thread t : workers) {
                assertTrue(t.join(Timeouts.LONG));
            }
        }
    }
}
