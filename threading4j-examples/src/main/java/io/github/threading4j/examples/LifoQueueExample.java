package io.github.threading4j.examples;

import io.github.threading4j.queue.LifoQueue;
import java.util.ArrayList;
import java.util.List;

/** LIFO queue, a stack (tutorial 002): put 0 to 4, get 4, 3, 2, 1, 0. */
public final class LifoQueueExample {
    private LifoQueueExample() {}

    public record Result(List<Integer> order, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        LifoQueue<Integer> lifoQueue = new LifoQueue<>();
        for (int i = 0; i < 5; i++) {
            lifoQueue.put(i, true);
        }
        out.println("LIFO Queue (Last In, First Out):");
        List<Integer> order = new ArrayList<>();
        while (!lifoQueue.empty()) {
            int item = lifoQueue.get();
            order.add(item);
            out.println(Integer.toString(item)); // 4, 3, 2, 1, 0
        }
        return new Result(List.copyOf(order), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
