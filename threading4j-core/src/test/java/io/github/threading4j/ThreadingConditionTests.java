package io.github.threading4j;

/** test_threading.py's {@code ConditionTests}: binds {@link ConditionTests} to {@link Condition}. */
class ThreadingConditionTests extends ConditionTests {
    @Override
    Condition condtype() {
        return new Condition();
    }

    @Override
    Condition condtype(Lock lock) {
        return new Condition(lock);
    }

    @Override
    Condition condtype(RLock lock) {
        return new Condition(lock);
    }
}
