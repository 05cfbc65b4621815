package io.github.threading4j.queue;

import java.util.function.IntPredicate;

/** Array sizing and bulk-removal marks shared by the queues' storage. */
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

    /**
     * Which of {@code n} items to remove, asking {@code test} about item {@code i} (in get() order) once each,
     * stopping at the first match when {@code firstOnly}; null when none matches. Nothing is changed here, so
     * a throwing predicate leaves the storage as it was.
     */
    static boolean[] marks(int n, IntPredicate test, boolean firstOnly) {
        boolean[] marks = null;
        for (int i = 0; i < n; i++) {
            if (test.test(i)) {
                if (marks == null) {
                    marks = new boolean[n];
                }
                marks[i] = true;
                if (firstOnly) {
                    break;
                }
            }
        }
        return marks;
    }
}
