package io.github.threading4j.queue;

/** Python's {@code queue.Full}: a non-blocking or timed {@code put} found the queue full. */
public class Full extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public Full() {
        super();
    }

    public Full(String message) {
        super(message);
    }
}
