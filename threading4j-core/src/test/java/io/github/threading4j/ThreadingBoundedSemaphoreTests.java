package io.github.threading4j;

/** test_threading.py's {@code BoundedSemaphoreTests}: binds {@link BoundedSemaphoreTests} to {@link BoundedSemaphore}. */
class ThreadingBoundedSemaphoreTests extends BoundedSemaphoreTests {
    @Override
    Semaphore semtype(int value) {
        return new BoundedSemaphore(value);
    }

    @Override
    Semaphore semtype() {
        return new BoundedSemaphore();
    }
}
