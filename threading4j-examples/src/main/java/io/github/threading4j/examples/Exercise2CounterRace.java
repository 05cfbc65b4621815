package io.github.threading4j.examples;

import io.github.threading4j.Event;
import io.github.threading4j.Lock;
import io.github.threading4j.Threading;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 2, counter race (tutorial 003), which is also tutorial 001's "Lock - Mutual Exclusion" and 003's
 * {@code increment(n)}: ten threads increment a counter 100,000 times each. Without a lock the count comes
 * out below 1,000,000; with {@code with lock:} ({@code hold()}) it is exactly 1,000,000.
 *
 * <p>All ten threads wait on one {@link Event} before they start counting, so that they really run at the same
 * time and the race shows (a thread started late would otherwise finish its loop alone). The unsafe count is
 * printed, not promised: a race may, by chance, lose nothing.
 */
public final class Exercise2CounterRace {
    private Exercise2CounterRace() {}

    static final int THREADS = 10;
    static final int INCREMENTS = 100_000;

    public record Result(int withoutLock, int withLock, Transcript transcript) {}

    private static volatile int counter; // volatile: every ++ really reads and writes memory (see CounterRace)

    public static Result run(Pace pace, Transcript out) {
        counter = 0;
        runAll(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                counter++;
            }
        });
        int withoutLock = counter;
        out.println("Counter without a lock: " + withoutLock + " (expected " + THREADS * INCREMENTS + ", lost "
                + (THREADS * INCREMENTS - withoutLock) + ")");

        counter = 0;
        Lock lock = new Lock();
        runAll(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                try (var held = lock.hold()) { // automatic acquire/release
                    counter++;
                }
            }
        });
        int withLock = counter;
        out.println("Counter: " + withLock); // 1000000
        return new Result(withoutLock, withLock, out);
    }

    private static void runAll(Runnable body) {
        Event go = new Event();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread t = Threading.thread(() -> {
                go.await();
                body.run();
            });
            threads.add(t);
            t.start();
        }
        go.set();
        for (Thread t : threads) {
            Threading.join(t);
        }
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
