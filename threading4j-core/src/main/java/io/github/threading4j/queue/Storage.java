package io.github.threading4j.queue;

/** Array sizing shared by the queues' storage. */
final class Storage {
    /** The largest array length the JVM reliably allocates. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private Storage() {}

    /** Double {@code length}, up to {@link #MAX_LENGTH}; OutOfMemoryError beyond. */
    static int grownLength(int length) {
        if (length >= MAX_LENGTH) {
            throw new OutOfMemoryError("queue too large");
        }
        return length >= MAX_LENGTH / 2 ? MAX_LENGTH : length * 2;
    }
}
