package io.github.threading4j.futures;

/** When {@link Futures#wait(Iterable, java.time.Duration, ReturnWhen)} returns (Python's {@code return_when}). */
public enum ReturnWhen {
    /** As soon as any future finishes or is cancelled. */
    FIRST_COMPLETED,
    /** As soon as any future finishes by raising an exception; if none does, when all are done. */
    FIRST_EXCEPTION,
    /** When every future is done. */
    ALL_COMPLETED
}
