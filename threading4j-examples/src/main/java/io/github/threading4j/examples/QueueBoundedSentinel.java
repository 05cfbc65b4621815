package io.github.threading4j.examples;

import io.github.threading4j.Threading;
import io.github.threading4j.queue.Queue;
import io.github.threading4j.queue.ShutDown;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded queue and how to stop its consumer (tutorial 002's "Queue with size limit", tutorial 003's
 * "Producer/Consumer with Queue"): {@code put} blocks while the queue is full, so a fast producer waits for a
 * slow consumer; when the producer is done, the consumer is told to stop.
 *
 * <p>Part one is tutorial 002's: {@code maxsize=3}, ten items, a slow consumer, and a sentinel. Python puts
 * {@code None}; our queues reject {@code null} (a {@code BlockingQueue} uses it for "nothing there"), so the
 * sentinel is one agreed object, {@link #STOP}, compared by identity. The tutorials' consumer {@code break}s on
 * the sentinel without {@code task_done()}: the queue then counts one unfinished task forever, and anyone who
 * waits with {@code queue.join()} hangs. Ours calls {@code taskDone()} for every item it took, the sentinel
 * too, and {@code join()} returns.
 *
 * <p>Part two is tutorial 003's sizes ({@code maxsize=100}, 1,000 items) with the alternative that needs no
 * sentinel: the producer calls {@code queue.shutdown()} (Python 3.13's {@code Queue.shutdown}); the consumer
 * drains what is left and gets {@link ShutDown} from {@code get()} once the queue is empty. No magic value,
 * and it works for any number of consumers.
 */
public final class QueueBoundedSentinel {
    private QueueBoundedSentinel() {}

    /** One unit of work. */
    public record Job(int n) {}

    /** The sentinel: this object, by identity (Python's {@code None}). */
    public static final Job STOP = new Job(-1);

    /**
     * @param consumedWithSentinel part one, in the order consumed
     * @param maxQueued            the largest {@code qsize()} part one's producer saw after a put
     * @param consumedWithShutdown part two, in the order consumed
     */
    public record Result(List<Integer> consumedWithSentinel, int maxQueued, boolean joinedWithSentinel,
            List<Integer> consumedWithShutdown, boolean joinedWithShutdown, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        // === Part one: maxsize=3, a sentinel ===
        Queue<Job> limitedQueue = new Queue<>(3);
        List<Integer> consumed = new ArrayList<>(); // the consumer's; read after join
        AtomicInteger maxQueued = new AtomicInteger();
        Thread pThread = Threading.thread(() -> {
            for (int i = 0; i < 10; i++) {
                out.println("Producing item " + i);
                limitedQueue.put(new Job(i), true); // blocks if queue is full
                maxQueued.accumulateAndGet(limitedQueue.qsize(), Math::max);
                out.println("Item " + i + " added");
            }
        });
        Thread cThread = Threading.thread(() -> {
            while (true) {
                Job item = limitedQueue.get();
                try {
                    if (item == STOP) { // sentinel value
                        break;
                    }
                    out.println("Consuming item " + item.n());
                    pace.sleep(1); // slow consumer
                    consumed.add(item.n());
                } finally {
                    limitedQueue.taskDone(); // for the sentinel too, or join() never returns
                }
            }
        });
        pThread.start();
        cThread.start();
        Threading.join(pThread);
        limitedQueue.put(STOP, true); // sentinel to stop consumer
        Threading.join(cThread);
        limitedQueue.join(); // returns: every get() was matched by a taskDone()
        out.println("Sentinel consumer stopped; queue.join() returned");

        // === Part two: maxsize=100, 1,000 items, shutdown() instead of a sentinel ===
        Queue<Integer> q = new Queue<>(100);
        List<Integer> drained = new ArrayList<>();
        Thread producer = Threading.thread(() -> {
            for (int i = 0; i < 1000; i++) {
                q.put(i, true); // blocks if full
            }
            q.shutdown(); // no more puts; get() raises ShutDown once the queue is empty
        });
        Thread consumer = Threading.thread(() -> {
            while (true) {
                int item;
                try {
                    item = q.get();
                } catch (ShutDown e) {
                    break;
                }
                drained.add(item); // process(item)
                q.taskDone();
            }
        });
        producer.start();
        consumer.start();
        Threading.join(producer);
        Threading.join(consumer);
        q.join();
        out.println("Shutdown consumer processed " + drained.size() + " items; queue.join() returned");
        return new Result(List.copyOf(consumed), maxQueued.get(), true, List.copyOf(drained), true, out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
