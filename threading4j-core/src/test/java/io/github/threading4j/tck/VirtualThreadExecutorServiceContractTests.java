package io.github.threading4j.tck;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.VirtualThreadExecutor;

/**
 * {@link ExecutorServiceContractTests} on a bounded {@link VirtualThreadExecutor} (tasks on virtual threads; the
 * thread kind is that of the test's calling threads).
 */
class VirtualThreadExecutorServiceContractTests extends ExecutorServiceContractTests {
    @Override
    Executor newExecutor(int workers) {
        return new VirtualThreadExecutor(workers);
    }
}
