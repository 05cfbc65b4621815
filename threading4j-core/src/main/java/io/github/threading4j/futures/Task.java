package io.github.threading4j.futures;

import io.github.threading4j.Threading;

import java.util.concurrent.Callable;

/**
 * A submitted task and its future in one object (as {@link java.util.concurrent.FutureTask}), so a submit
 * allocates one object besides the queue node.
 */
final class Task<T> extends Future<T> implements Runnable {
    /** The work; dropped once run, so the task keeps no reference to what it captured (test_no_stale_references). */
    private Callable<? extends T> callable;
    /** execute(): a failure goes to Threading's excepthook instead of staying in the future. */
    private final boolean reportToExcepthook;
    /**
     * ThreadPoolExecutor's idle accounting (D8): the submit that queued this task claimed an idle worker.
     * Written before the task is queued, read after it is taken (the queue hand-off publishes it).
     */
    boolean claimed;

    Task(Callable<? extends T> callable, boolean reportToExcepthook) {
        this.callable = callable;
        this.reportToExcepthook = reportToExcepthook;
    }

    /** Runs the task in the calling thread, completing the future (skipped if it was cancelled). */
    @Override
    public void run() {
        if (setRunningOrNotifyCancel()) {
            Object value = null;
            Throwable failure = null;
            try {
                value = call();
            } catch (Throwable t) {
                failure = t;
            }
            finish(value, failure);
        }
    }

    /** Calls the work once and drops it. The caller has made the future RUNNING. */
    Object call() throws Exception {
        Callable<? extends T> c = callable;
        callable = null;
        return c.call();
    }

    /** Publishes the outcome computed by {@link #call()}. */
    void finish(Object value, Throwable failure) {
        if (failure == null) {
            complete(value, false);
        } else {
            if (reportToExcepthook) {
                Threading.invokeExcepthook(failure, Thread.currentThread());
            }
            complete(failure, true);
        }
        afterRun();
    }

    /** Drops the work of a task that will never run. */
    void discard() {
        callable = null;
    }

    @Override
    boolean reportsUnretrieved() {
        return !reportToExcepthook;
    }
}
