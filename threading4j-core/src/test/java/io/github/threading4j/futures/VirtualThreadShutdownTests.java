package io.github.threading4j.futures;

/** CPython's ExecutorShutdownTest on VirtualThreadExecutor(maxConcurrency = 5). */
class VirtualThreadShutdownTests extends ExecutorShutdownTests {

    @Override
    Executor newExecutor(int workers) {
        return new VirtualThreadExecutor(workers);
    }

    @Override
    String childType() {
        return "VirtualThreadExecutor";
    }
}
