package io.github.threading4j.examples;

import io.github.threading4j.Lock;
import io.github.threading4j.Threading;

/**
 * A race condition and its fix (tutorial 002): two threads add 100,000 each to a shared counter, first
 * without a lock, then with {@code acquire()}/{@code release()} in {@code try}/{@code finally}.
 *
 * <p>{@code counter++} is a read, an add and a write; two threads can read the same value and one update is
 * lost. The tutorial says the unsafe total is "Not 200000!": the race is real, but whether it shows in one
 * run depends on how the threads happen to overlap, so this example prints how many updates were lost this
 * time. With the lock the total is exactly 200,000, every run.
 *
 * <p>The shared field is {@code volatile} so that each increment really reads and writes memory (without it
 * the JIT may keep the counter in a register for the whole loop, which hides the race rather than fixing it).
 */
public final class CounterRace {
    private CounterRace() {}

    static final int THREADS = 2;
    static final int INCREMENTS = 100_000;

    /** @param unsafe the total without a lock (at most 200,000); @param safe the total with it */
    public record Result(int unsafe, int safe, Transcript transcript) {}

    private static volatile int sharedCounter; // guarded by counterLock in the safe part only

    public static Result run(Pace pace, Transcript out) {
        // === Race condition example (without lock) ===
        sharedCounter = 0;
        runTwice(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                sharedCounter++; // read, add, write: not atomic
            }
        });
        int unsafe = sharedCounter;
        int lost = THREADS * INCREMENTS - unsafe;
        out.println("Unsafe counter: " + unsafe
                + (lost > 0 ? "  (" + lost + " updates lost: race condition!)"
                        : "  (no update lost this run; the race is still there)"));

        // === Using Lock for safety ===
        sharedCounter = 0;
        Lock counterLock = new Lock();
        runTwice(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                counterLock.acquire();
                try {
                    sharedCounter++;
                } finally {
                    counterLock.release();
                }
            }
        });
        int safe = sharedCounter;
        out.println("Safe counter: " + safe + "  (200000 - correct!)");
        return new Result(unsafe, safe, out);
    }

    private static void runTwice(Runnable increment) {
        Thread t1 = Threading.thread(increment);
        Thread t2 = Threading.thread(increment);
        t1.start();
        t2.start();
        Threading.join(t1);
        Threading.join(t2);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
