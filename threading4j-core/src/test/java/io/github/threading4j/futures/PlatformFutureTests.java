package io.github.threading4j.futures;

import io.github.threading4j.support.ThreadKind;

/** {@link FutureTests} with the waiting threads on platform threads. */
class PlatformFutureTests extends FutureTests {
    @Override
    ThreadKind kind() {
        return ThreadKind.PLATFORM;
    }
}
