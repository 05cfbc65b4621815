package io.github.threading4j.examples;

import io.github.threading4j.Condition;
import io.github.threading4j.Threading;

/**
 * Condition variable, "data ready" (tutorial 002): a consumer waits until a producer has made data ready.
 *
 * <p>The tutorial's consumer calls {@code condition.wait()} without looking at {@code data_ready}. A
 * notification wakes only a thread that is waiting at that moment: if the producer runs first (its
 * {@code sleep(1)} only makes that unlikely), its {@code notify()} goes to nobody and the consumer then waits
 * forever. Ours waits for the predicate, {@code awaitFor(() -> dataReady)} (Python's {@code wait_for}), which
 * returns at once when the data is already there and otherwise re-checks it after every wake-up. Both orders
 * are run: consumer first (the tutorial's order) and producer first (where the tutorial's code hangs).
 */
public final class ConditionDataReady {
    private ConditionDataReady() {}

    /** Which thread starts first. */
    public enum Order { CONSUMER_FIRST, PRODUCER_FIRST }

    public record Result(boolean consumerReceived, Transcript transcript) {}

    /** Runs both orders, as {@code threading4j demo} shows them. */
    public static Result run(Pace pace, Transcript out) {
        boolean first = run(pace, out, Order.CONSUMER_FIRST).consumerReceived();
        boolean second = run(pace, out, Order.PRODUCER_FIRST).consumerReceived();
        return new Result(first && second, out);
    }

    public static Result run(Pace pace, Transcript out, Order order) {
        out.println("-- " + (order == Order.CONSUMER_FIRST ? "consumer first" : "producer first"));
        Condition condition = new Condition();
        boolean[] dataReady = {false}; // guarded by condition
        boolean[] received = {false}; // written by the consumer, read after join

        Thread consumer = Threading.thread(() -> {
            try (var held = condition.hold()) {
                out.println("Consumer: Waiting for data");
                condition.awaitFor(() -> dataReady[0]); // not a bare await(): the producer may have been first
                received[0] = true;
                out.println("Consumer: Data received");
            }
        });
        Thread producer = Threading.thread(() -> {
            if (order == Order.CONSUMER_FIRST) {
                pace.sleep(1);
            }
            try (var held = condition.hold()) {
                dataReady[0] = true;
                out.println("Producer: Data ready, notifying");
                condition.signal(); // wake up waiting thread
            }
        });
        if (order == Order.CONSUMER_FIRST) {
            consumer.start();
            producer.start();
        } else {
            producer.start();
            Threading.join(producer); // the notification has gone to nobody
            consumer.start();
        }
        Threading.join(consumer);
        Threading.join(producer);
        return new Result(received[0], out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
