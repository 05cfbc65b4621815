package io.github.threading4j.queue;

import java.util.NoSuchElementException;

/** Python's {@code queue.Empty}: a non-blocking or timed {@code get} found the queue empty. */
public class Empty extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    public Empty() {
        super();
    }

    public Empty(String message) {
        super(message);
    }
}
