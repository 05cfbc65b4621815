package io.github.threading4j.bench.jmh;

import io.github.threading4j.queue.LifoQueue;
import io.github.threading4j.queue.PriorityQueue;
import io.github.threading4j.queue.Queue;
import io.github.threading4j.queue.SimpleQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;

/** The queue types the queue benchmarks take as their {@code type} parameter. */
final class Queues {
    private Queues() {}

    /**
     * A new queue of the named type, bounded to {@code capacity} where the type can be bounded
     * (PriorityBlockingQueue and SimpleQueue cannot).
     */
    static BlockingQueue<Integer> create(String type, int capacity) {
        return switch (type) {
            case "ArrayBlockingQueue" -> new ArrayBlockingQueue<>(capacity);
            case "LinkedBlockingQueue" -> new LinkedBlockingQueue<>(capacity);
            case "PriorityBlockingQueue" -> new PriorityBlockingQueue<>(capacity);
            case "Queue" -> new Queue<>(capacity);
            case "LifoQueue" -> new LifoQueue<>(capacity);
            case "PriorityQueue" -> new PriorityQueue<>(capacity);
            case "SimpleQueue" -> new SimpleQueue<>();
            default -> throw new IllegalArgumentException("type: no such queue type: " + type);
        };
    }
}
