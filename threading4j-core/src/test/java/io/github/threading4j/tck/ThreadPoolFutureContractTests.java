package io.github.threading4j.tck;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.ThreadPoolExecutor;

/** {@link FutureContractTests} on futures of a one-worker {@link ThreadPoolExecutor} of the tested thread kind. */
class ThreadPoolFutureContractTests extends FutureContractTests {
    @Override
    Executor newSingleWorkerExecutor() {
        return ThreadPoolExecutor.builder().maxWorkers(1).threadFactory(kind.factory()).build();
    }
}
