package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;

import java.util.List;

/** CPython's {@code QueueTest}: {@link BaseQueueTests} against {@link Queue} on platform threads. */
class QueueOnPlatformTests extends BaseQueueTests {
    @Override
    <T> Queue<T> type2test(int maxsize) {
        return new Queue<>(maxsize);
    }

    @Override
    ThreadKind kind() {
        return ThreadKind.PLATFORM;
    }

    @Override
    List<Integer> targetOrder() {
        return List.of(111, 333, 222);
    }
}
