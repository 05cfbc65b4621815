package io.github.threading4j.futures;

import java.util.Set;

/**
 * What {@link Futures#wait} returns: Python's {@code DoneAndNotDoneFutures(done, not_done)}. Both sets compare
 * futures by identity, as futures themselves do.
 *
 * @param done the futures that were done (finished or cancelled) when {@code wait} returned
 * @param notDone the others
 * @param <F> the future type passed in
 */
public record DoneAndNotDone<F>(Set<F> done, Set<F> notDone) {}
