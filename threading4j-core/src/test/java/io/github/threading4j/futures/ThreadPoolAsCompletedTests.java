package io.github.threading4j.futures;

/** CPython's ThreadPoolAsCompletedTest. */
class ThreadPoolAsCompletedTests extends AsCompletedTests {
    @Override
    Executor newExecutor(int workers) {
        return new ThreadPoolExecutor(workers);
    }
}
