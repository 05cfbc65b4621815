package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;

/** CPython's {@code CSimpleQueueTest}: {@link BaseSimpleQueueTests} against {@link SimpleQueue} on platform threads. */
class SimpleQueueOnPlatformTests extends BaseSimpleQueueTests {
    @Override
    ThreadKind kind() {
        return ThreadKind.PLATFORM;
    }
}
