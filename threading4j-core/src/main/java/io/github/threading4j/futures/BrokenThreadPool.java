package io.github.threading4j.futures;

/** A worker's initializer failed, so the pool is unusable (Python's {@code concurrent.futures.thread.BrokenThreadPool}). */
public class BrokenThreadPool extends BrokenExecutor {
    private static final long serialVersionUID = 1L;

    /** With no message, as CPython raises it. */
    public BrokenThreadPool() {
        super();
    }

    /** With {@code message}. */
    public BrokenThreadPool(String message) {
        super(message);
    }
}
