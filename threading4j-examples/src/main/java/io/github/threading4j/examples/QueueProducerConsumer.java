package io.github.threading4j.examples;

import io.github.threading4j.Event;
import io.github.threading4j.Threading;
import io.github.threading4j.queue.Empty;
import io.github.threading4j.queue.Queue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The basic producer-consumer pattern (tutorial 002): one producer puts five items, two consumers take them
 * with a timed {@code get}, call {@code taskDone()} for each, and the main thread waits with
 * {@code workQueue.join()} until every item has been processed.
 *
 * <p>The tutorial's consumers stop as soon as {@code get(timeout=2)} finds nothing. If the producer is ever
 * slower than that timeout, both consumers are gone when its next item arrives, nobody calls
 * {@code task_done()} for it, and {@code work_queue.join()} waits forever. Ours stops on {@link Empty} only
 * once the producer has said it is finished (an {@link Event}); until then a timeout just means "look again".
 */
public final class QueueProducerConsumer {
    private QueueProducerConsumer() {}

    /** @param processed every item a consumer processed; @param joined whether {@code join()} returned */
    public record Result(List<Integer> processed, boolean joined, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        Queue<Integer> workQueue = new Queue<>();
        Event producerDone = new Event();
        List<Integer> processed = new CopyOnWriteArrayList<>();

        Thread producerThread = Threading.thread(() -> {
            for (int item : List.of(1, 2, 3, 4, 5)) {
                out.println("Producer: Adding " + item + " to queue");
                workQueue.put(item, true);
                pace.sleep(0.5);
            }
            out.println("Producer: Done");
            producerDone.set();
        });
        Thread consumer1 = Threading.thread(() -> consumer(workQueue, 1, producerDone, processed, pace, out));
        Thread consumer2 = Threading.thread(() -> consumer(workQueue, 2, producerDone, processed, pace, out));

        producerThread.start();
        consumer1.start();
        consumer2.start();

        Threading.join(producerThread);
        workQueue.join(); // wait for all tasks to be processed
        out.println("All tasks completed");
        Threading.join(consumer1);
        Threading.join(consumer2);
        return new Result(List.copyOf(processed), true, out);
    }

    static void consumer(Queue<Integer> queue, int consumerId, Event producerDone, List<Integer> processed,
            Pace pace, Transcript out) {
        while (true) {
            int item;
            try {
                item = queue.get(pace.seconds(2));
            } catch (Empty e) {
                if (producerDone.isSet()) {
                    out.println("Consumer " + consumerId + ": Queue empty, exiting");
                    break;
                }
                continue; // the producer is only slow: keep waiting
            }
            try {
                out.println("Consumer " + consumerId + ": Processing " + item);
                pace.sleep(1); // simulate processing
                processed.add(item);
            } finally {
                queue.taskDone(); // even if processing failed: join() must not wait for it forever
            }
        }
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
