package io.github.threading4j.futures;

/** The executor can no longer run tasks (Python's {@code BrokenExecutor}). */
public class BrokenExecutor extends java.util.concurrent.RejectedExecutionException {
    private static final long serialVersionUID = 1L;

    /** With no message, as CPython raises it. */
    public BrokenExecutor() {
        super();
    }

    /** With {@code message}. */
    public BrokenExecutor(String message) {
        super(message);
    }
}
