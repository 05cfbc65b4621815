package io.github.threading4j.futures;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

/** What the package's executors share: submit and execute on top of {@link #enqueue}. */
abstract class AbstractExecutor implements Executor {

    static final boolean REPORT_TO_EXCEPTHOOK = true;
    static final boolean KEEP_IN_FUTURE = false;

    /** Queues or starts the task, or throws RejectedExecutionException (or BrokenExecutor). */
    abstract void enqueue(Task<?> task);

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "fn");
        Task<T> t = new Task<>(task, KEEP_IN_FUTURE);
        enqueue(t);
        return t;
    }

    @Override
    public Future<?> submit(Runnable task) {
        return submit(task, null);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        Objects.requireNonNull(task, "fn");
        Task<T> t = new Task<>(() -> {
            task.run();
            return result;
        }, KEEP_IN_FUTURE);
        enqueue(t);
        return t;
    }

    /**
     * Runs {@code command} like {@link #submit(Runnable)}; as no future is returned, a failure goes to
     * {@link io.github.threading4j.Threading#invokeExcepthook} with the thread that ran it.
     */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        enqueue(new Task<>(() -> {
            command.run();
            return null;
        }, REPORT_TO_EXCEPTHOOK));
    }

    static RejectedExecutionException rejected() {
        return new RejectedExecutionException(ExitHook.interpreterShutdown
                ? "cannot schedule new futures after interpreter shutdown"
                : "cannot schedule new futures after shutdown");
    }
}
