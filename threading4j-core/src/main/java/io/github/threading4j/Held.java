package io.github.threading4j;

/**
 * What {@code hold()} returns: Python's {@code with lock:} as try-with-resources.
 *
 * <pre>{@code
 * try (var held = lock.hold()) {   // acquires like acquire(): blocking, interruptible
 *     counter++;
 * }                                // close() releases once
 * }</pre>
 *
 * <p>A lock is deliberately not {@link AutoCloseable} itself: {@code try (lock) {}} would compile and release
 * a lock it never acquired. With {@code hold()} the acquisition happens in the resource expression, so an
 * interrupted acquire throws before the body and nothing is released. A primitive may return one shared
 * {@code Held} (no allocation per use); closing it twice releases twice.
 */
@FunctionalInterface
public interface Held extends AutoCloseable {
    /** Releases what {@code hold()} acquired (one {@code release()}); no checked exception. */
    @Override
    void close();
}
