package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;

/** CPython's {@code CSimpleQueueTest}: {@link BaseSimpleQueueTests} against {@link SimpleQueue} on virtual threads. */
class SimpleQueueOnVirtualTests extends BaseSimpleQueueTests {
    @Override
    ThreadKind kind() {
        return ThreadKind.VIRTUAL;
    }
}
