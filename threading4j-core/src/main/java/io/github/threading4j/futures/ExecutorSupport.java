package io.github.threading4j.futures;

import io.github.threading4j.UncheckedInterruptedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The JDK's bulk operations, built on submit and {@link Futures#wait} (futures.md §10). */
final class ExecutorSupport {
    private ExecutorSupport() {}

    static <T> List<java.util.concurrent.Future<T>> invokeAll(Executor executor, Collection<? extends Callable<T>> tasks,
                                                              Duration timeout) throws InterruptedException {
        Objects.requireNonNull(tasks, "tasks");
        List<Future<T>> fs = new ArrayList<>(tasks.size());
        long deadline = timeout == null ? 0L : Deadline.deadline(timeout);
        try {
            for (Callable<T> c : tasks) {
                fs.add(executor.submit(Objects.requireNonNull(c, "task")));
            }
            DoneAndNotDone<Future<T>> r = timeout == null
                    ? Futures.wait(fs)
                    : Futures.wait(fs, remaining(deadline));
            for (Future<T> f : r.notDone()) {
                f.cancel(true);
            }
            return new ArrayList<>(fs);
        } catch (UncheckedInterruptedException e) {
            cancelAll(fs);
            Thread.interrupted(); // JDK contract: the checked exception clears the status
            throw e.getCause();
        } catch (RuntimeException | Error e) {
            cancelAll(fs);
            throw e;
        }
    }

    static <T> T invokeAny(Executor executor, Collection<? extends Callable<T>> tasks, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(tasks, "tasks");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks must not be empty");
        }
        List<Future<T>> fs = new ArrayList<>(tasks.size());
        long deadline = timeout == null ? 0L : Deadline.deadline(timeout);
        try {
            for (Callable<T> c : tasks) {
                fs.add(executor.submit(Objects.requireNonNull(c, "task")));
            }
            Set<Future<T>> pending = Futures.identitySet();
            pending.addAll(fs);
            Throwable lastFailure = null;
            while (!pending.isEmpty()) {
                DoneAndNotDone<Future<T>> r = timeout == null
                        ? Futures.wait(pending, ReturnWhen.FIRST_COMPLETED)
                        : Futures.wait(pending, remaining(deadline), ReturnWhen.FIRST_COMPLETED);
                if (r.done().isEmpty()) {
                    throw new TimeoutException();
                }
                for (Future<T> f : r.done()) {
                    pending.remove(f);
                    if (f.state() == java.util.concurrent.Future.State.SUCCESS) {
                        return f.resultNow();
                    }
                    if (f.failed()) {
                        lastFailure = f.exceptionNow();
                    }
                }
            }
            throw new ExecutionException("every task failed or was cancelled", lastFailure);
        } catch (UncheckedInterruptedException e) {
            Thread.interrupted();
            throw e.getCause();
        } finally {
            cancelAll(fs);
            for (Future<T> f : fs) {
                f.addDoneCallback(Future::markRetrieved); // the caller only asked for one result
            }
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0L, deadline - System.nanoTime()));
    }

    private static void cancelAll(List<? extends Future<?>> fs) {
        for (Future<?> f : fs) {
            f.cancel(true);
        }
    }
}
