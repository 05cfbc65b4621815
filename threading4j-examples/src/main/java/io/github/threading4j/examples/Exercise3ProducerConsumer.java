package io.github.threading4j.examples;

import io.github.threading4j.Threading;
import io.github.threading4j.queue.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise 3, producer-consumer (tutorial 003): several producers fill a bounded queue, a pool of consumers
 * drains it, and a sentinel per consumer shuts the pool down cleanly once every producer has finished.
 *
 * <p>The order matters: the sentinels go in only after all producers are joined (a sentinel put earlier would
 * stop a consumer while work is still coming), and one per consumer (each consumer stops at the first it
 * sees). Each consumer calls {@code taskDone()} for every item it takes, sentinels included, so
 * {@code queue.join()} returns at the end.
 */
public final class Exercise3ProducerConsumer {
    private Exercise3ProducerConsumer() {}

    static final int PRODUCERS = 3;
    static final int ITEMS_PER_PRODUCER = 200;
    static final int CONSUMERS = 4;

    /** The sentinel, by identity. */
    static final String STOP = new String("STOP");

    /**
     * @param processedCount item → how many times a consumer processed it
     * @param perConsumer    consumer number → how many items it processed
     */
    public record Result(Map<String, Integer> processedCount, Map<Integer, Integer> perConsumer, boolean joined,
            Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        Queue<String> queue = new Queue<>(20);
        Map<String, Integer> processed = new ConcurrentHashMap<>();
        Map<Integer, Integer> perConsumer = new ConcurrentHashMap<>();

        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < CONSUMERS; c++) {
            int consumerId = c;
            consumers.add(Threading.thread(() -> {
                AtomicInteger mine = new AtomicInteger();
                while (true) {
                    String item = queue.get();
                    try {
                        if (item == STOP) {
                            break;
                        }
                        pace.sleep(0.005); // process(item)
                        processed.merge(item, 1, Integer::sum);
                        mine.incrementAndGet();
                    } finally {
                        queue.taskDone();
                    }
                }
                perConsumer.put(consumerId, mine.get());
                out.println("Consumer " + consumerId + " processed " + mine.get() + " items, got the sentinel, stopped");
            }));
        }
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producerId = p;
            producers.add(Threading.thread(() -> {
                for (int i = 0; i < ITEMS_PER_PRODUCER; i++) {
                    queue.put("p" + producerId + "-" + i, true); // blocks while the queue is full
                }
                out.println("Producer " + producerId + " done");
            }));
        }
        consumers.forEach(Thread::start);
        producers.forEach(Thread::start);
        producers.forEach(Threading::join);
        for (int c = 0; c < CONSUMERS; c++) {
            queue.put(STOP, true); // one sentinel per consumer, after the last real item
        }
        consumers.forEach(Threading::join);
        queue.join();
        out.println("All " + processed.size() + " items processed; queue.join() returned");
        return new Result(Map.copyOf(processed), Map.copyOf(perConsumer), true, out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
