package io.github.threading4j.tck;

import io.github.threading4j.futures.Executor;
import io.github.threading4j.futures.ThreadPoolExecutor;

/** {@link ExecutorServiceContractTests} on a {@link ThreadPoolExecutor} whose workers are of the tested thread kind. */
class ThreadPoolExecutorServiceContractTests extends ExecutorServiceContractTests {
    @Override
    Executor newExecutor(int workers) {
        return ThreadPoolExecutor.builder().maxWorkers(workers).threadFactory(kind.factory()).build();
    }
}
