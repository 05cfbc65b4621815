package io.github.threading4j;

import java.time.Duration;

/** test_threading.py's {@code BarrierTests}: binds {@link BarrierTests} to {@link Barrier}. */
class ThreadingBarrierTests extends BarrierTests {
    @Override
    Barrier barriertype(int parties, Runnable action, Duration timeout) {
        return new Barrier(parties, action, timeout);
    }
}
