package io.github.threading4j.bench.jmh;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;

/** The queue types the queue benchmarks take as their {@code type} parameter. */
final class Queues {
    private Queues() {}

    /**
     * A new queue of the named type, bounded to {@code capacity} where the type can be bounded
     * (PriorityBlockingQueue cannot).
     */
    static BlockingQueue<Integer> create(String type, int capacity) {
        return switch (type) {
            case "ArrayBlockingQueue" -> new ArrayBlockingQueue<>(capacity);
            case "LinkedBlockingQueue" -> new LinkedBlockingQueue<>(capacity);
            case "PriorityBlockingQueue" -> new PriorityBlockingQueue<>(capacity);
            default -> throw new IllegalArgumentException("type: no such queue type: " + type);
        };
    }
}
