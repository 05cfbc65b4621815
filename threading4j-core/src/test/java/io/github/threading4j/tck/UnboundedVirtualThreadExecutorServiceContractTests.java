package io.github.threading4j.tck;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.VirtualThreadExecutor;

import org.junit.jupiter.api.Disabled;

/** {@link ExecutorServiceContractTests} on a {@link VirtualThreadExecutor} without a bound (the default). */
class UnboundedVirtualThreadExecutorServiceContractTests extends ExecutorServiceContractTests {
    @Override
    Executor newExecutor(int workers) {
        return new VirtualThreadExecutor();
    }

    private static final String NEEDS_A_QUEUE =
            "needs queued tasks: without a bound every task gets its thread at once (the bounded subclass runs it)";

    @Override
    @Disabled(NEEDS_A_QUEUE)
    void timedInvokeAllCancelsWhatIsUnfinished() throws Exception {}

    @Override
    @Disabled(NEEDS_A_QUEUE)
    void timedInvokeAllNeverStartsQueuedTasksAfterReturning() throws Exception {}

    @Override
    @Disabled(NEEDS_A_QUEUE)
    void shutdownNowInterruptsRunningAndReturnsQueued() throws Exception {}
}
