package io.github.threading4j.examples;

import io.github.threading4j.Barrier;
import io.github.threading4j.Threading;
import java.util.ArrayList;
import java.util.List;

/**
 * Barrier for synchronization points (tutorials 000 and 002): three workers do phase 1 for different times,
 * wait at the barrier, and start phase 2 only when all three have arrived.
 *
 * <p>{@code barrier.await()} (Python's {@code barrier.wait()}) returns each thread's arrival index, 0 to
 * parties-1, as Python's does: the first to arrive gets 0, the last parties-1 (the JDK's
 * {@code CyclicBarrier} counts the other way).
 * Phase-1 durations follow tutorial 002 ({@code sleep(worker_id)}), so that the arrivals are spread out.
 */
public final class BarrierPhases {
    private BarrierPhases() {}

    /** @param events "1:i" when worker i finished phase 1, "2:i" when it started phase 2, in order */
    public record Result(List<String> events, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        Barrier barrier = new Barrier(3);
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int workerId = i;
            threads.add(Threading.thread(() -> {
                // Phase 1: independent work
                out.println("Worker " + workerId + " doing initial work");
                pace.sleep(workerId); // different durations
                events.add("1:" + workerId);
                out.println("Worker " + workerId + " finished phase 1, waiting at barrier");
                int arrival = barrier.await(); // all threads must reach here
                // Phase 2: continue together
                events.add("2:" + workerId);
                out.println("Worker " + workerId + " starting phase 2 (arrival index " + arrival + ")");
            }));
        }
        threads.forEach(Thread::start);
        threads.forEach(Threading::join);
        return new Result(List.copyOf(events), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
