package io.github.threading4j.futures;

/** A result or exception was set on a future that is already done (Python's {@code InvalidStateError}). */
public class InvalidStateError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** With no message, as CPython raises it. */
    public InvalidStateError() {
        super();
    }

    /** With {@code message}. */
    public InvalidStateError(String message) {
        super(message);
    }
}
