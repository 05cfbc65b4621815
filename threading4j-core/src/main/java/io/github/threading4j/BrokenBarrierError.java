package io.github.threading4j;

/** Python's {@code threading.BrokenBarrierError}: the {@link Barrier} is broken or was reset while waiting. */
public class BrokenBarrierError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the barrier. */
    public BrokenBarrierError(String message) {
        super(message);
    }
}
