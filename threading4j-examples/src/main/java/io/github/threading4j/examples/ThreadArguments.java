package io.github.threading4j.examples;

import io.github.threading4j.Threading;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creating and managing threads (tutorial 002): a plain target, a target with arguments, with keyword
 * arguments, and many threads at once.
 *
 * <p>Python passes {@code args=(...)} and {@code kwargs={...}} to {@code Thread}; Java's lambdas capture their
 * arguments instead, and keyword arguments with defaults become a small options record whose
 * {@code withX(...)} methods name each argument at the call site:
 *
 * <pre>{@code
 * // Python: Thread(target=process_data, args=("dataset1",), kwargs={"delay": 0.5, "verbose": True})
 * Thread t = Threading.thread(() -> processData("dataset1", ProcessOptions.DEFAULTS.withDelay(0.5).withVerbose(true)));
 * }</pre>
 *
 * <p>A thread's target cannot return a value to whoever joins it ({@code process_data}'s return value is lost
 * in Python too); here the lambda stores it, and {@link PoolMap} shows the usual way, a future.
 */
public final class ThreadArguments {
    private ThreadArguments() {}

    /** @param processed what {@code processData} returned, kept by the thread's lambda */
    public record Result(String processed, Transcript transcript) {}

    /** Python's keyword arguments {@code delay=1, verbose=False}, with their defaults. */
    public record ProcessOptions(double delay, boolean verbose) {
        public static final ProcessOptions DEFAULTS = new ProcessOptions(1, false);

        public ProcessOptions withDelay(double delay) {
            return new ProcessOptions(delay, verbose);
        }

        public ProcessOptions withVerbose(boolean verbose) {
            return new ProcessOptions(delay, verbose);
        }
    }

    public static Result run(Pace pace, Transcript out) {
        // === Basic thread creation ===
        Thread thread = Threading.thread(() -> {
            for (int i = 0; i < 5; i++) {
                out.println("Number: " + i);
                pace.sleep(0.5);
            }
        });
        thread.start(); // start(), not run(): run() would execute in this thread (see ThreadSubclass)
        out.println("Main thread continues...");
        Threading.join(thread);
        out.println("Thread finished");

        // === Thread with arguments ===
        Thread thread1 = Threading.thread(() -> greet("Alice", 3, pace, out));
        Thread thread2 = Threading.thread(() -> greet("Bob", 3, pace, out));
        thread1.start();
        thread2.start();
        Threading.join(thread1);
        Threading.join(thread2);
        out.println("Both threads completed");

        // === Thread with keyword arguments ===
        AtomicReference<String> processed = new AtomicReference<>();
        ProcessOptions options = ProcessOptions.DEFAULTS.withDelay(0.5).withVerbose(true);
        Thread kw = Threading.thread(() -> processed.set(processData("dataset1", options, pace, out)));
        kw.start();
        Threading.join(kw);

        // === Multiple threads ===
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int workerId = i;
            Thread t = Threading.thread(() -> {
                out.println("Worker " + workerId + " starting");
                pace.sleep(1);
                out.println("Worker " + workerId + " finished");
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            Threading.join(t);
        }
        out.println("All workers completed");
        return new Result(processed.get(), out);
    }

    static void greet(String name, int count, Pace pace, Transcript out) {
        for (int i = 0; i < count; i++) {
            out.println("Hello, " + name + "! (" + (i + 1) + ")");
            pace.sleep(0.3);
        }
    }

    static String processData(String data, ProcessOptions options, Pace pace, Transcript out) {
        if (options.verbose()) {
            out.println("Processing " + data);
        }
        pace.sleep(options.delay());
        return "Processed: " + data;
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
