package io.github.threading4j.examples;

import io.github.threading4j.Semaphore;
import io.github.threading4j.Threading;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Semaphore, limited access (tutorials 000, 001 and 002): ten threads want a resource that at most three may
 * use at once; {@code with semaphore:} ({@code hold()}) takes one of three permits and gives it back.
 *
 * <p>Tutorial 000 calls this "rate limiting". It is a <em>concurrency cap</em>: it bounds how many tasks are
 * inside at the same moment, not how many start per second (ten one-millisecond tasks would all start within a
 * few milliseconds). For a rate, use a token bucket: {@link ApiClient} puts
 * {@code io.github.threading4j.ratelimit.RateLimiter} next to a cap.
 */
public final class SemaphoreLimitedResource {
    private SemaphoreLimitedResource() {}

    static final int PERMITS = 3;

    /** @param maxInside the most threads ever inside at once; @param completed how many got in and out */
    public record Result(int maxInside, int completed, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        Semaphore semaphore = new Semaphore(PERMITS); // max 3 threads
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int threadId = i;
            threads.add(Threading.thread(() -> {
                out.println("Thread " + threadId + " waiting for access");
                try (var held = semaphore.hold()) {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    out.println("Thread " + threadId + " accessing resource");
                    pace.sleep(1);
                    out.println("Thread " + threadId + " releasing resource");
                    inside.decrementAndGet(); // before the permit goes back
                }
                completed.incrementAndGet();
            }));
        }
        threads.forEach(Thread::start);
        threads.forEach(Threading::join);
        out.println("At most " + maxInside.get() + " threads held the semaphore at once");
        return new Result(maxInside.get(), completed.get(), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
