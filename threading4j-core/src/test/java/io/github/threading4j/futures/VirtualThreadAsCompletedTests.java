package io.github.threading4j.futures;

/** CPython's AsCompletedTests on VirtualThreadExecutor(maxConcurrency = 5). */
class VirtualThreadAsCompletedTests extends AsCompletedTests {
    @Override
    Executor newExecutor(int workers) {
        return new VirtualThreadExecutor(workers);
    }
}
