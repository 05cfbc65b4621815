package io.github.threading4j;

import java.util.Objects;

/**
 * Python's {@code threading.ExceptHookArgs}: the exception and the thread it escaped from.
 *
 * @param excValue the exception (never {@code null})
 * @param thread   the thread it escaped from, or {@code null} when unknown (the default hook then prints
 *                 {@link Threading#getIdent()})
 */
public record ExceptHookArgs(Throwable excValue, Thread thread) {
    public ExceptHookArgs {
        Objects.requireNonNull(excValue, "excValue");
    }

    /** Python's {@code exc_type}. */
    public Class<? extends Throwable> excType() {
        return excValue.getClass();
    }
}
