package io.github.threading4j.examples;

import io.github.threading4j.Lock;
import io.github.threading4j.Threading;
import java.util.ArrayList;
import java.util.List;

/**
 * Lock for shared state (tutorial 000): a {@code Counter} class whose lock guards its value; ten threads
 * increment it a thousand times each, and the result is exactly 10,000.
 *
 * <p>Python's {@code with self.lock:} is {@code try (var held = lock.hold())}: the lock is acquired in the
 * resource expression and released when the block ends, however it ends.
 */
public final class CounterClass {
    private CounterClass() {}

    public record Result(int value, Transcript transcript) {}

    /** Python's {@code class Counter}. */
    public static final class Counter {
        private final Lock lock = new Lock();
        private int value; // guarded by lock

        public void increment() {
            try (var held = lock.hold()) {
                int current = value;
                value = current + 1;
            }
        }

        public int get() {
            try (var held = lock.hold()) {
                return value;
            }
        }
    }

    public static Result run(Pace pace, Transcript out) {
        Counter counter = new Counter();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            threads.add(Threading.thread(() -> {
                for (int j = 0; j < 1000; j++) {
                    counter.increment();
                }
            }));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            Threading.join(t);
        }
        out.println(Integer.toString(counter.get())); // 10000
        return new Result(counter.get(), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
