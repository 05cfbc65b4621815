package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;

import java.util.List;

/** CPython's {@code PriorityQueueTest}: {@link BaseQueueTests} against {@link PriorityQueue} on platform threads. */
class PriorityQueueOnPlatformTests extends BaseQueueTests {
    @Override
    <T> Queue<T> type2test(int maxsize) {
        return new PriorityQueue<>(maxsize);
    }

    @Override
    ThreadKind kind() {
        return ThreadKind.PLATFORM;
    }

    @Override
    List<Integer> targetOrder() {
        return List.of(111, 222, 333);
    }
}
