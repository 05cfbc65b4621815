package io.github.threading4j.futures;

import org.junit.jupiter.api.Disabled;

/**
 * CPython's ExecutorShutdownTest on VirtualThreadExecutor() without a bound: its threads, termination and
 * shutdownNow are those of a JDK thread-per-task executor underneath, not the bounded path's own accounting.
 */
class UnboundedVirtualThreadShutdownTests extends ExecutorShutdownTests {

    @Override
    Executor newExecutor(int workers) {
        return new VirtualThreadExecutor();
    }

    @Override
    String childType() {
        return "VirtualThreadExecutorUnbounded";
    }

    private static final String NEEDS_A_QUEUE =
            "needs queued tasks: without a bound every task gets its thread at once (the bounded subclass runs it)";

    @Override
    @Disabled(NEEDS_A_QUEUE)
    void testCancelFutures() {}
}
