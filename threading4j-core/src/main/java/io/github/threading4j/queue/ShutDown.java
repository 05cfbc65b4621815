package io.github.threading4j.queue;

/**
 * Python's {@code queue.ShutDown} (3.13+): {@code put} on a shut-down queue, or {@code get} on a shut-down
 * queue that is empty.
 */
public class ShutDown extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ShutDown() {
        super();
    }

    public ShutDown(String message) {
        super(message);
    }
}
