package io.github.threading4j.examples;

import io.github.threading4j.Threading;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Thread properties (tutorial 002), and {@code threading.enumerate()} from its best practices: a thread's name,
 * identity, whether it is alive, whether it is a daemon, and the list of live threads.
 *
 * <p>Python's attributes are the JDK's methods: {@code name} → {@code getName()}, {@code ident} →
 * {@code threadId()} (assigned at creation, never reused), {@code is_alive()} → {@code isAlive()},
 * {@code daemon} → {@code isDaemon()}.
 */
public final class ThreadProperties {
    private ThreadProperties() {}

    /**
     * @param seenInside   what the worker saw of itself: name, ident, alive
     * @param liveThreads  the names {@code Threading.enumerate()} listed while the worker ran
     * @param aliveAfterJoin whether the worker was alive after {@code join}
     */
    public record Result(Seen seenInside, long ident, List<String> liveThreads, boolean aliveAfterJoin,
            boolean daemon, Transcript transcript) {}

    /** What {@code info_worker} printed. */
    public record Seen(String name, long ident, boolean alive) {}

    public static Result run(Pace pace, Transcript out) {
        AtomicReference<Seen> seen = new AtomicReference<>();
        AtomicReference<List<String>> live = new AtomicReference<>();
        Thread thread = Threading.thread(() -> {
            Thread self = Threading.currentThread();
            out.println("Thread name: " + self.getName());
            out.println("Thread ID: " + self.threadId());
            out.println("Is alive: " + self.isAlive());
            seen.set(new Seen(self.getName(), self.threadId(), self.isAlive()));
            live.set(Threading.enumerate().stream().map(Thread::getName).toList());
            out.println("Live threads: " + live.get());
        });
        thread.setName("InfoWorker"); // Python's name="InfoWorker"; must come before start()
        thread.start();
        Threading.join(thread);
        out.println("Thread is daemon: " + thread.isDaemon());
        out.println("Is alive after join: " + thread.isAlive());
        return new Result(seen.get(), thread.threadId(), live.get(), thread.isAlive(), thread.isDaemon(), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
