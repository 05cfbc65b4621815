package io.github.threading4j.futures;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Python's {@code concurrent.futures.Executor}: runs tasks and hands back {@link Future}s; also a JDK
 * {@link ExecutorService}, so it drops into code written for the JDK.
 *
 * <pre>{@code
 * try (Executor executor = new ThreadPoolExecutor(8)) {          // with: ... shutdown(wait=True) on exit
 *     Future<Integer> one = executor.submit(() -> slowSquare(7));
 *     try (Results<Integer> squares = executor.map(x -> slowSquare(x), List.of(1, 2, 3))) {
 *         squares.forEach(System.out::println);                   // 1 4 9, in input order
 *     }
 *     System.out.println(one.result());                            // 49
 * }
 * }</pre>
 *
 * <p>What differs from a JDK executor: submitting after shutdown throws
 * {@link java.util.concurrent.RejectedExecutionException} "cannot schedule new futures after shutdown";
 * {@link #shutdown(boolean, boolean) shutdown(wait, cancelFutures)} can cancel the queued tasks, and
 * {@link #shutdownNow()} cancels them too (their futures end CANCELLED instead of never completing), besides
 * interrupting the running ones; {@link #map} is lazy and can bound how far it runs ahead; {@link #close()}
 * is Python's {@code with} exit.
 *
 * <p>Memory consistency: everything a thread did before {@code submit} happens-before the task starts;
 * everything the task did happens-before anything that sees its future done; after
 * {@code shutdown(true)} returns, every task's effects are visible.
 */
public interface Executor extends ExecutorService {

    /** Schedules {@code task} and returns its future. */
    @Override
    <T> Future<T> submit(Callable<T> task);

    /** Schedules {@code task}; its future's result is null. */
    @Override
    Future<?> submit(Runnable task);

    /** Schedules {@code task}; its future's result is {@code result}. */
    @Override
    <T> Future<T> submit(Runnable task, T result);

    // ---- map ---------------------------------------------------------------------------------------------

    /** {@code map(fn, items)}: every item is submitted now; results come lazily, in input order. */
    default <A, R> Results<R> map(Function<? super A, ? extends R> fn, Iterable<? extends A> items) {
        return MapResults.of(this, fn, items, null, MapResults.UNBOUNDED);
    }

    /** {@code map(fn, items, timeout=...)}: each result must be ready {@code timeout} after this call. */
    default <A, R> Results<R> map(Function<? super A, ? extends R> fn, Iterable<? extends A> items, Duration timeout) {
        return MapResults.of(this, fn, items, timeout, MapResults.UNBOUNDED);
    }

    /**
     * Python's {@code map(fn, items, timeout=..., buffersize=...)}: applies {@code fn} to each item on this
     * executor and yields the results in input order.
     *
     * <p>Submits the first {@code bufferSize} items now and one more each time a result is yielded, so at no
     * time are more than {@code bufferSize} tasks submitted and not yet yielded (stricter than CPython, D2);
     * the input may be infinite. The deadline counts from this call: a {@code next()} whose result is not
     * ready by then throws {@link TimeoutError} ({@code null}: no limit; zero or negative: the deadline has
     * already passed). A task's exception surfaces from {@code next()} as
     * {@link java.util.concurrent.CompletionException} with the exception as cause; a cancelled task as
     * {@link CancelledError}. On any exception, and on {@link Results#close()}, every task not yet yielded is
     * cancelled (running ones finish) and the iteration ends. {@code next()} wakes when the oldest task is done
     * or the deadline passes; an interrupt ends it with {@link io.github.threading4j.UncheckedInterruptedException}
     * (status kept). The executor is held weakly: if it is collected, no more items are submitted.
     *
     * @throws IllegalArgumentException "bufferSize must be &gt; 0"
     * @throws java.util.concurrent.RejectedExecutionException if the executor is shut down
     */
    default <A, R> Results<R> map(Function<? super A, ? extends R> fn, Iterable<? extends A> items, Duration timeout,
                                  int bufferSize) {
        MapResults.checkBufferSize(bufferSize);
        return MapResults.of(this, fn, items, timeout, bufferSize);
    }

    /** Two-input {@code map(fn, as, bs)}: pairs items in order, stopping at the shorter input. */
    default <A, B, R> Results<R> map(BiFunction<? super A, ? super B, ? extends R> fn, Iterable<? extends A> as,
                                     Iterable<? extends B> bs) {
        return MapResults.of(this, fn, as, bs, null, MapResults.UNBOUNDED);
    }

    /** Two-input map with a timeout. */
    default <A, B, R> Results<R> map(BiFunction<? super A, ? super B, ? extends R> fn, Iterable<? extends A> as,
                                     Iterable<? extends B> bs, Duration timeout) {
        return MapResults.of(this, fn, as, bs, timeout, MapResults.UNBOUNDED);
    }

    /** Two-input map with a timeout and a buffer size; see {@link #map(Function, Iterable, Duration, int)}. */
    default <A, B, R> Results<R> map(BiFunction<? super A, ? super B, ? extends R> fn, Iterable<? extends A> as,
                                     Iterable<? extends B> bs, Duration timeout, int bufferSize) {
        MapResults.checkBufferSize(bufferSize);
        return MapResults.of(this, fn, as, bs, timeout, bufferSize);
    }

    // ---- shutdown ----------------------------------------------------------------------------------------

    /**
     * {@code shutdown(wait)}: no new tasks are accepted; queued tasks still run. With {@code wait}, returns once
     * every task has finished and every worker has ended. See {@link #shutdown(boolean, boolean)}.
     */
    void shutdown(boolean wait);

    /**
     * Python's {@code shutdown(wait, cancel_futures)}. Marks the executor shut down (later submits throw
     * {@link java.util.concurrent.RejectedExecutionException}); with {@code cancelFutures}, cancels every
     * task that has not started; the rest still run. With {@code wait}, blocks until they have run and the
     * workers ended; woken by the last one ending. An interrupt while waiting stops the wait (the shutdown
     * stays in effect), keeps the status and throws
     * {@link io.github.threading4j.UncheckedInterruptedException}. Called again, it may still cancel or wait.
     *
     * @throws IllegalStateException "cannot join current thread" when a task waits for its own executor
     */
    void shutdown(boolean wait, boolean cancelFutures);

    /** The JDK's shutdown: {@code shutdown(false)} (does not wait). */
    @Override
    default void shutdown() {
        shutdown(false);
    }

    /**
     * {@code shutdown(false, true)}, and interrupts every running task (as {@code cancel(true)}); returns the
     * tasks that never started. Their futures are CANCELLED (the JDK leaves them forever incomplete).
     */
    @Override
    List<Runnable> shutdownNow();

    /**
     * Python's {@code with} exit: {@code shutdown(true)}. If interrupted while waiting, follows the JDK
     * {@code close()} contract: {@link #shutdownNow()}, keep waiting, then re-assert the interrupt.
     */
    @Override
    default void close() {
        shutdown(false);
        boolean interrupted = false;
        while (!isTerminated()) {
            try {
                awaitTermination(1L, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                if (!interrupted) {
                    shutdownNow();
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- JDK bulk operations -----------------------------------------------------------------------------

    /** The JDK's invokeAll, built on submit and {@link Futures#wait}. */
    @Override
    default <T> List<java.util.concurrent.Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
            throws InterruptedException {
        return ExecutorSupport.invokeAll(this, tasks, null);
    }

    /** The JDK's timed invokeAll; tasks unfinished at the deadline get {@code cancel(true)} (D9). */
    @Override
    default <T> List<java.util.concurrent.Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout,
                                                               TimeUnit unit) throws InterruptedException {
        return ExecutorSupport.invokeAll(this, tasks, Duration.ofNanos(unit.toNanos(timeout)));
    }

    /** The JDK's invokeAny: the first successful result; the other tasks get {@code cancel(true)}. */
    @Override
    default <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return ExecutorSupport.invokeAny(this, tasks, null);
        } catch (TimeoutException e) {
            throw new AssertionError(e); // no deadline
        }
    }

    /** The JDK's timed invokeAny. */
    @Override
    default <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return ExecutorSupport.invokeAny(this, tasks, Duration.ofNanos(unit.toNanos(timeout)));
    }
}
