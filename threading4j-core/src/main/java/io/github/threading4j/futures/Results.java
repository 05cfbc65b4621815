package io.github.threading4j.futures;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A one-shot, lazily computed sequence of results: what {@link Executor#map} and {@link Futures#asCompleted}
 * return (Python returns a generator).
 *
 * <p>{@link #iterator()} may be called once (a second call throws {@link IllegalStateException}, like
 * {@link java.nio.file.DirectoryStream}). {@code hasNext()} never waits on a future; {@code next()} waits and
 * may throw {@link TimeoutError}, {@link CancelledError}, {@link java.util.concurrent.CompletionException}
 * (map) or {@link io.github.threading4j.UncheckedInterruptedException}. After any exception the iteration is
 * over ({@code hasNext()} is false) and {@link #close()} has been done. One consumer thread at a time.
 *
 * <pre>{@code
 * try (Results<String> pages = executor.map(Fetch::get, urls)) {
 *     for (String page : pages) {
 *         System.out.println(page.length());
 *     }
 * } // closing cancels whatever has not started yet
 * }</pre>
 *
 * @param <T> the element type
 */
public interface Results<T> extends Iterable<T>, AutoCloseable {

    /** The iterator over the results; callable once. */
    @Override
    Iterator<T> iterator();

    /** A sequential, ordered stream over the results; closing the stream closes these results. */
    default Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /**
     * Ends the iteration: {@code map} results cancel every future not yet yielded (running ones continue);
     * {@code asCompleted} results stop listening to their futures. Idempotent.
     */
    @Override
    void close();
}
