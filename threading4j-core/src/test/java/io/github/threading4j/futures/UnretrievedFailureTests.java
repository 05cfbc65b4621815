package io.github.threading4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ChildJvm;
import io.github.threading4j.support.Threads;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** E2: a failure nobody retrieved is reported once when its future is collected; a retrieved one is not. */
class UnretrievedFailureTests {

    @AfterEach
    void restore() {
        Futures.setReportUnretrieved(true);
    }

    /** Fails a future in a method of its own, so nothing but the returned reference keeps it. */
    private static WeakReference<Future<Integer>> failedFuture(Throwable e, boolean retrieve) {
        Future<Integer> f = new Future<>();
        f.setException(e);
        if (retrieve) {
            f.exception();
        }
        return new WeakReference<>(f);
    }

    private static List<LogRecord> unretrievedReports(LogCapture log, Throwable e) {
        return log.records().stream()
                .filter(r -> "Future exception was never retrieved".equals(r.getMessage()) && r.getThrown() == e)
                .toList();
    }

    @Test
    void unretrievedFailureIsReportedOnceWhenCollected() {
        try (LogCapture log = new LogCapture()) {
            IllegalStateException lost = new IllegalStateException("lost");
            WeakReference<Future<Integer>> ref = failedFuture(lost, false);
            Threads.awaitCollected(ref, "the failed future");
            Threads.waitUntil(() -> !unretrievedReports(log, lost).isEmpty(), "the report");
            List<LogRecord> reports = unretrievedReports(log, lost);
            assertEquals(1, reports.size());
            assertSame(lost, reports.get(0).getThrown());
        }
    }

    @Test
    void retrievedFailureIsNotReported() {
        try (LogCapture log = new LogCapture()) {
            IllegalStateException seen = new IllegalStateException("seen");
            WeakReference<Future<Integer>> ref = failedFuture(seen, true);
            IllegalStateException lost = new IllegalStateException("lost");
            WeakReference<Future<Integer>> witness = failedFuture(lost, false);
            Threads.awaitCollected(ref, "the retrieved future");
            Threads.awaitCollected(witness, "the witness future");
            // the witness's report shows the Cleaner has run; the retrieved one never reports
            Threads.waitUntil(() -> !unretrievedReports(log, lost).isEmpty(), "the witness report");
            assertTrue(unretrievedReports(log, seen).isEmpty());
        }
    }

    @Test
    void reportingCanBeSwitchedOff() {
        Futures.setReportUnretrieved(false);
        try (LogCapture log = new LogCapture()) {
            IllegalStateException quiet = new IllegalStateException("quiet");
            WeakReference<Future<Integer>> ref = failedFuture(quiet, false);
            Futures.setReportUnretrieved(true);
            IllegalStateException lost = new IllegalStateException("lost");
            WeakReference<Future<Integer>> witness = failedFuture(lost, false);
            Threads.awaitCollected(ref, "the quiet future");
            Threads.awaitCollected(witness, "the witness future");
            Threads.waitUntil(() -> !unretrievedReports(log, lost).isEmpty(), "the witness report");
            assertTrue(unretrievedReports(log, quiet).isEmpty());
        }
    }

    /** The system property switches the report off for the whole JVM; on is the default. */
    @Test
    void systemPropertySwitchesReportingOff() {
        ChildJvm.Result off = ChildJvm.run(List.of("-Dthreading4j.futures.reportUnretrieved=false"), ReportSwitchChild.class);
        assertEquals("reportUnretrieved=false", off.stdout().strip(), off.toString());
        ChildJvm.Result on = ChildJvm.run(ReportSwitchChild.class);
        assertEquals("reportUnretrieved=true", on.stdout().strip(), on.toString());
    }

    /** A failing task nobody asks about is reported too; a successful one registers nothing. */
    @Test
    void executorTaskFailureIsReported() {
        try (LogCapture log = new LogCapture(); ThreadPoolExecutor executor = new ThreadPoolExecutor(1)) {
            IllegalStateException lost = new IllegalStateException("task");
            WeakReference<Future<Object>> ref = submitFailing(executor, lost);
            Threads.awaitCollected(ref, "the failed task's future");
            Threads.waitUntil(() -> !unretrievedReports(log, lost).isEmpty(), "the report");
        }
    }

    private static WeakReference<Future<Object>> submitFailing(Executor executor, RuntimeException e) {
        Future<Object> f = executor.submit(() -> {
            throw e;
        });
        Futures.wait(List.of(f)); // done, but the exception is never looked at
        return new WeakReference<>(f);
    }
}
