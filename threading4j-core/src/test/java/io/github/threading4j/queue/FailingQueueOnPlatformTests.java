package io.github.threading4j.queue;

import io.github.threading4j.support.ThreadKind;

/** CPython's {@code FailingQueueTest} on platform threads. */
class FailingQueueOnPlatformTests extends FailingQueueTests {
    @Override
    ThreadKind kind() {
        return ThreadKind.PLATFORM;
    }
}
