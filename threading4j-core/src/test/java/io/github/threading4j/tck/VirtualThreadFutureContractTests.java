package io.github.threading4j.tck;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.VirtualThreadExecutor;

/**
 * {@link FutureContractTests} on futures of a {@link VirtualThreadExecutor} running one task at a time (its
 * tasks always run on virtual threads; the thread kind is that of the test's waiting threads).
 */
class VirtualThreadFutureContractTests extends FutureContractTests {
    @Override
    Executor newSingleWorkerExecutor() {
        return new VirtualThreadExecutor(1);
    }
}
