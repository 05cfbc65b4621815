package io.github.threading4j.futures;

import java.io.IOException;

/**
 * CPython's pre-set futures (test_concurrent_futures/util.py), built through the public API rather than by
 * writing private state. Each call returns a fresh future, so a test may change it.
 */
final class FutureFixtures {
    private FutureFixtures() {}

    static Future<Integer> pending() {
        return new Future<>();
    }

    static Future<Integer> running() {
        Future<Integer> f = new Future<>();
        f.setRunningOrNotifyCancel();
        return f;
    }

    static Future<Integer> cancelled() {
        Future<Integer> f = new Future<>();
        f.cancel();
        return f;
    }

    static Future<Integer> cancelledAndNotified() {
        Future<Integer> f = new Future<>();
        f.cancel();
        f.setRunningOrNotifyCancel();
        return f;
    }

    /** Finished with an IOException, the JDK's counterpart of CPython's OSError fixture. */
    static Future<Integer> exception() {
        Future<Integer> f = new Future<>();
        f.setException(new IOException());
        f.exception(); // retrieved: a fixture is not a lost failure (E2)
        return f;
    }

    static Future<Integer> successful() {
        Future<Integer> f = new Future<>();
        f.setResult(42);
        return f;
    }
}
