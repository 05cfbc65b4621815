package io.github.threading4j;

/** test_threading.py's {@code CRLockTests}/{@code PyRLockTests}: binds {@link RLockTests} to {@link RLock}. */
class ThreadingRLockTests extends RLockTests {
    @Override
    LockLike locktype() {
        return LockLike.of(new RLock());
    }
}
