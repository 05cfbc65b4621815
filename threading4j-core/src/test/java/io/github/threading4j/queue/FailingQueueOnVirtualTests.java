package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;

/** CPython's {@code FailingQueueTest} on virtual threads. */
class FailingQueueOnVirtualTests extends FailingQueueTests {
    @Override
    ThreadKind kind() {
        return ThreadKind.VIRTUAL;
    }
}
