package io.github.threading4j.futures;

/** A wait on futures ran out of time (Python's builtin {@code TimeoutError} as {@code concurrent.futures} raises it). */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With no message, as CPython raises it. */
    public TimeoutError() {
        super();
    }

    /** With {@code message}. */
    public TimeoutError(String message) {
        super(message);
    }
}
