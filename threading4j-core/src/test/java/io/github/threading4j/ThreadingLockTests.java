package io.github.threading4j;

/** test_threading.py's {@code LockTests}: binds {@link LockTests} to {@link Lock}. */
class ThreadingLockTests extends LockTests {
    @Override
    LockLike locktype() {
        return LockLike.of(new Lock());
    }
}
