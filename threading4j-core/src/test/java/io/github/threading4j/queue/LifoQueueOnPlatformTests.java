package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;

import java.util.List;

/** CPython's {@code LifoQueueTest}: {@link BaseQueueTests} against {@link LifoQueue} on platform threads. */
class LifoQueueOnPlatformTests extends BaseQueueTests {
    @Override
    <T> Queue<T> type2test(int maxsize) {
        return new LifoQueue<>(maxsize);
    }

    @Override
    ThreadKind kind() {
        return ThreadKind.PLATFORM;
    }

    @Override
    List<Integer> targetOrder() {
        return List.of(222, 333, 111);
    }
}
