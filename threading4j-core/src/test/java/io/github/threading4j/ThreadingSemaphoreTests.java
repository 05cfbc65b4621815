package io.github.threading4j;

/** test_threading.py's {@code SemaphoreTests}: binds {@link SemaphoreTests} to {@link Semaphore}. */
class ThreadingSemaphoreTests extends SemaphoreTests {
    @Override
    Semaphore semtype(int value) {
        return new Semaphore(value);
    }

    @Override
    Semaphore semtype() {
        return new Semaphore();
    }
}
