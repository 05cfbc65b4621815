package io.github.threading4j.examples;

import io.github.threading4j.Threading;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A thread as a class (tutorials 001 and 002): subclass {@link Thread} and override {@code run()}.
 *
 * <p>As in Python, {@code start()} runs {@code run()} in the new thread; calling {@code run()} yourself runs
 * it in the calling thread, like any method — the tutorial's warning, shown here by recording which thread
 * executed each {@code run()}. A subclass keeps Java's own constructor: the name goes to {@code super(name)},
 * as Python's {@code self.name = name} renames the thread.
 */
public final class ThreadSubclass {
    private ThreadSubclass() {}

    /** @param executedBy for each call of {@code run()}: the worker's name and the thread that executed it */
    public record Result(List<String> executedBy, Transcript transcript) {}

    /** Python's {@code class WorkerThread(threading.Thread)}. */
    static final class WorkerThread extends Thread {
        private final double duration;
        private final Pace pace;
        private final Transcript out;
        private final List<String> executedBy;

        WorkerThread(String name, double duration, Pace pace, Transcript out, List<String> executedBy) {
            super(name);
            this.duration = duration;
            this.pace = pace;
            this.out = out;
            this.executedBy = executedBy;
        }

        @Override
        public void run() {
            executedBy.add(getName() + " ran in " + Thread.currentThread().getName());
            out.println(getName() + " starting");
            pace.sleep(duration);
            out.println(getName() + " finished");
        }
    }

    public static Result run(Pace pace, Transcript out) {
        List<String> executedBy = new CopyOnWriteArrayList<>();
        // Tutorial 001: one WorkerThread("Worker-1"), two seconds of work.
        WorkerThread single = new WorkerThread("Worker-1", 2, pace, out, executedBy);
        single.start();
        Threading.join(single);

        // Tutorial 002: two custom threads with their own durations.
        WorkerThread t1 = new WorkerThread("Task-1", 1, pace, out, executedBy);
        WorkerThread t2 = new WorkerThread("Task-2", 2, pace, out, executedBy);
        t1.start();
        t2.start();
        Threading.join(t1);
        Threading.join(t2);

        // The mistake the tutorial warns about: run() is an ordinary call, executed by the caller.
        WorkerThread notStarted = new WorkerThread("Task-3", 0.1, pace, out, executedBy);
        notStarted.run();
        out.println("Task-3's run() executed in " + Thread.currentThread().getName() + ", not in a new thread");
        return new Result(List.copyOf(executedBy), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
