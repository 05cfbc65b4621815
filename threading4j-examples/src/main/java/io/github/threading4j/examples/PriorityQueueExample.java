package io.github.threading4j.examples;

import io.github.threading4j.Threading;
import io.github.threading4j.queue.PriorityQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Priority queue (tutorial 002): tasks come out lowest priority number first, whatever order they went in.
 *
 * <p>Python compares the {@code (priority, task)} tuples; Java says how to compare with a {@link Comparator}
 * (priority, then name, as the tuple would). The consumer's {@code while not queue.empty()} is fine here only
 * because the producer has finished before it starts: with a producer still running, {@code empty()} is a
 * guess that may be stale by the time {@code get()} runs.
 */
public final class PriorityQueueExample {
    private PriorityQueueExample() {}

    public record Task(int priority, String name) {}

    /** @param processed the tasks in the order the consumer got them */
    public record Result(List<Task> processed, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        PriorityQueue<Task> priorityQueue =
                new PriorityQueue<>(Comparator.comparingInt(Task::priority).thenComparing(Task::name));
        List<Task> processed = new ArrayList<>();

        Thread pThread = Threading.thread(() -> {
            List<Task> tasks = List.of(
                    new Task(3, "Low priority task"),
                    new Task(1, "High priority task"),
                    new Task(2, "Medium priority task"));
            for (Task task : tasks) {
                priorityQueue.put(task, true);
                out.println("Added: " + task.name() + " (priority " + task.priority() + ")");
            }
        });
        Thread cThread = Threading.thread(() -> {
            while (!priorityQueue.empty()) {
                Task task = priorityQueue.get();
                out.println("Processing: " + task.name());
                processed.add(task);
                priorityQueue.taskDone();
            }
        });
        pThread.start();
        Threading.join(pThread);
        cThread.start();
        Threading.join(cThread);
        return new Result(List.copyOf(processed), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
