package io.github.threading4j.futures;

/** CPython's WaitTests on VirtualThreadExecutor(maxConcurrency = 5). */
class VirtualThreadWaitTests extends WaitTests {

    @Override
    Executor newExecutor(int workers) {
        return new VirtualThreadExecutor(workers);
    }
}
