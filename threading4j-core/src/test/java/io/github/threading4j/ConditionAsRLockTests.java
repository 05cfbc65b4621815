package io.github.threading4j;

/**
 * test_threading.py's {@code ConditionAsRLockTests}: binds {@link RLockTests} to {@code new Condition()}, whose
 * lock protocol goes to its own {@link RLock}; the "RLock only" rows are skipped.
 */
class ConditionAsRLockTests extends RLockTests {
    @Override
    LockLike locktype() {
        return LockLike.of(new Condition());
    }
}
