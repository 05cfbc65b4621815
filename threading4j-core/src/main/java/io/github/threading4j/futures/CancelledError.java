package io.github.threading4j.futures;

/** The future was cancelled (Python's {@code concurrent.futures.CancelledError}). */
public class CancelledError extends java.util.concurrent.CancellationException {
    private static final long serialVersionUID = 1L;

    /** With no message, as CPython raises it. */
    public CancelledError() {
        super();
    }

    /** With {@code message}. */
    public CancelledError(String message) {
        super(message);
    }
}
