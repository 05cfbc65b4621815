/**
 * Python's {@code concurrent.futures} on the JVM, with CPython's semantics, behind the JDK's interfaces.
 *
 * <p>{@link io.github.threading4j.futures.Future} (five states, done-callbacks, also a
 * {@link java.util.concurrent.Future} and convertible to a {@link java.util.concurrent.CompletableFuture});
 * {@link io.github.threading4j.futures.Executor} (an {@link java.util.concurrent.ExecutorService} with
 * Python's {@code submit}, lazy bounded {@code map} and {@code shutdown(wait, cancelFutures)});
 * {@link io.github.threading4j.futures.ThreadPoolExecutor} (CPython's pool: lazy threads, idle reuse,
 * initializer) and {@link io.github.threading4j.futures.VirtualThreadExecutor} (one virtual thread per
 * task, optionally bounded); {@link io.github.threading4j.futures.Futures#wait} and
 * {@link io.github.threading4j.futures.Futures#asCompleted}; the exceptions
 * {@link io.github.threading4j.futures.CancelledError}, {@link io.github.threading4j.futures.TimeoutError},
 * {@link io.github.threading4j.futures.InvalidStateError}, {@link io.github.threading4j.futures.BrokenExecutor}
 * and {@link io.github.threading4j.futures.BrokenThreadPool}.
 *
 * <p>Ordering: a task's effects happen-before anything that observes its completion; tasks start in
 * submission order; {@code map} yields in input order, {@code asCompleted} in completion order after the
 * futures already done. Deliberate differences from CPython (cancellation counts as completion at once,
 * strict {@code bufferSize}, exceptions wrapped in {@link java.util.concurrent.CompletionException}, logging
 * on the System.Logger {@code io.github.threading4j.futures}, daemon workers with one exit hook) are listed in
 * {@code docs/CONFORMANCE.md}.
 */
package io.github.threading4j.futures;
