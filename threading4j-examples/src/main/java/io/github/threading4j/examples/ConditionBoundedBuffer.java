package io.github.threading4j.examples;

import io.github.threading4j.Condition;
import io.github.threading4j.Threading;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Condition for complex coordination (tutorial 000): a bounded buffer; {@code put} waits while it is full,
 * {@code get} while it is empty, each in a {@code while} loop that re-checks its predicate after every
 * wake-up, and each notifies the other side after changing the buffer.
 *
 * <p>One condition serves both sides, and {@code signal()} (Python's {@code notify()}) wakes one waiter. That is
 * enough here, with one producer and one consumer: the only thread that can be waiting is the other side.
 * With several producers and consumers, one condition per predicate ({@code notFull}, {@code notEmpty}) or
 * {@code signalAll()} would be needed, so that a wake-up never goes to a thread of the same side. In real code,
 * {@code new Queue<>(5)} is this buffer ({@link QueueBoundedSentinel}).
 *
 * <p>The tutorial never joins its two threads; ours does, so the result is complete when {@code run} returns.
 */
public final class ConditionBoundedBuffer {
    private ConditionBoundedBuffer() {}

    /** @param consumed in the order the consumer got them; @param maxSize the buffer's largest size */
    public record Result(List<Integer> consumed, int maxSize, int capacity, Transcript transcript) {}

    /** Python's {@code class BoundedBuffer}. */
    public static final class BoundedBuffer<T> {
        private final ArrayDeque<T> buffer = new ArrayDeque<>(); // guarded by condition's lock
        private final int capacity;
        private final Condition condition = new Condition();
        private final AtomicInteger maxSize = new AtomicInteger(); // for the test: the largest size seen

        public BoundedBuffer(int capacity) {
            this.capacity = capacity;
        }

        public void put(T item) {
            try (var held = condition.hold()) {
                while (buffer.size() >= capacity) {
                    condition.await(null); // null timeout: wait until notified
                }
                buffer.addLast(item);
                maxSize.accumulateAndGet(buffer.size(), Math::max);
                condition.signal();
            }
        }

        public T get() {
            try (var held = condition.hold()) {
                while (buffer.isEmpty()) {
                    condition.await(null);
                }
                T item = buffer.removeFirst();
                condition.signal();
                return item;
            }
        }

        int maxSize() {
            return maxSize.get();
        }
    }

    public static Result run(Pace pace, Transcript out) {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(5);
        List<Integer> consumed = new ArrayList<>(); // written by the consumer only, read after join
        Thread producer = Threading.thread(() -> {
            for (int i = 0; i < 10; i++) {
                buffer.put(i);
                out.println("Produced: " + i);
            }
        });
        Thread consumer = Threading.thread(() -> {
            for (int n = 0; n < 10; n++) {
                int item = buffer.get();
                consumed.add(item);
                out.println("Consumed: " + item);
                pace.sleep(0.1);
            }
        });
        producer.start();
        consumer.start();
        Threading.join(producer);
        Threading.join(consumer);
        out.println("Buffer never held more than " + buffer.maxSize() + " of its 5 places");
        return new Result(List.copyOf(consumed), buffer.maxSize(), 5, out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
