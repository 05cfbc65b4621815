package io.github.threading4j.examples;

import io.github.threading4j.Threading;

/**
 * Join with a timeout (tutorial 002): wait up to two seconds for a five-second task, then look.
 *
 * <p>{@code Threading.join(t, timeout)} returns nothing, as Python's {@code join} returns {@code None}: the
 * caller asks {@code isAlive()} to learn whether the thread ended. Python's program then waits at exit for the
 * non-daemon thread anyway; here the example joins it for good, so the demo leaves nothing running.
 */
public final class JoinTimeout {
    private JoinTimeout() {}

    /**
     * @param aliveAfterTimeout whether the thread was still running when the timed join returned
     * @param waitedNanos       how long the timed join waited
     * @param aliveAtEnd        whether it was alive after the final, untimed join
     */
    public record Result(boolean aliveAfterTimeout, long waitedNanos, boolean aliveAtEnd, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        Thread thread = Threading.thread(() -> {
            pace.sleep(5);
            out.println("Long task completed");
        });
        thread.start();

        long start = System.nanoTime();
        Threading.join(thread, pace.seconds(2)); // wait up to 2 seconds
        long waited = System.nanoTime() - start;
        boolean aliveAfterTimeout = thread.isAlive();
        if (aliveAfterTimeout) {
            out.println("Thread still running after timeout");
        } else {
            out.println("Thread completed");
        }
        Threading.join(thread); // Python waits for it at exit; we wait here
        return new Result(aliveAfterTimeout, waited, thread.isAlive(), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
