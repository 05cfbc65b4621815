package io.github.threading4j.futures;

import io.github.threading4j.support.ThreadKind;

/** {@link FutureTests} with the waiting threads on virtual threads. */
class VirtualFutureTests extends FutureTests {
    @Override
    ThreadKind kind() {
        return ThreadKind.VIRTUAL;
    }
}
