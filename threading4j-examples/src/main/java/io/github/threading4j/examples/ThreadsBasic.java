package io.github.threading4j.examples;

import io.github.threading4j.Threading;
import java.util.ArrayList;
import java.util.List;

/**
 * Basic thread creation (tutorials 000, 001 and 003): start a few threads running one function with
 * arguments, then join them all.
 *
 * <pre>{@code
 * def worker(name, duration):
 *     print(f"Thread {name} starting"); time.sleep(duration); print(f"Thread {name} done")
 * threads = [threading.Thread(target=worker, args=(i, 1)) for i in range(3)]
 * }</pre>
 *
 * <p>Java has no {@code args=}: the lambda captures the arguments. {@code Threading.thread} makes an unstarted
 * thread (named {@code Thread-N}, as CPython names them); {@code Threading.join} is Python's {@code join()}.
 */
public final class ThreadsBasic {
    private ThreadsBasic() {}

    /** @param threads the threads that ran, all joined */
    public record Result(List<Thread> threads, Transcript transcript) {}

    static void worker(int name, double duration, Pace pace, Transcript out) {
        out.println("Thread " + name + " starting");
        pace.sleep(duration);
        out.println("Thread " + name + " done");
    }

    public static Result run(Pace pace, Transcript out) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int name = i; // Python's args=(i, 1): the lambda captures the arguments
            Thread t = Threading.thread(() -> worker(name, 1, pace, out));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            Threading.join(t);
        }
        out.println("All threads complete");
        return new Result(threads, out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
