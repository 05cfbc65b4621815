package io.github.threading4j;

/** test_threading.py's {@code EventTests}: binds {@link EventTests} to {@link Event}. */
class ThreadingEventTests extends EventTests {
    @Override
    Event eventtype() {
        return new Event();
    }
}
