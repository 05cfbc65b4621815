package io.github.threading4j;

/**
 * Python's {@code threading.excepthook}: handles an exception that escaped a thread's target, a {@link Timer}
 * function or an executor's {@code execute} task. Install with {@link Threading#setExcepthook(ExceptHook)}.
 */
@FunctionalInterface
public interface ExceptHook {
    /** Handles one uncaught exception. */
    void handle(ExceptHookArgs args);
}
