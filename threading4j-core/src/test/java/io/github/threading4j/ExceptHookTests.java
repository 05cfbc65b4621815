package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ThreadKind;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Port of CPython's {@code test_threading.ExceptHookTests}. */
class ExceptHookTests {

    private static final String NL = System.lineSeparator();

    /** CPython's ThreadRunFail: a thread whose body raises ValueError("run failed"). */
    private static Thread runFail(ThreadKind kind) {
        return NewThreads.of(kind, () -> {
            throw new IllegalArgumentException("run failed");
        });
    }

    @BeforeEach
    @AfterEach
    void restoreDefaultExcepthook() {
        Threading.setExcepthook(null);
    }

    /** The default hook prints the thread's name, then the exception's stack trace. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testExcepthook(ThreadKind kind) {
        String stderr;
        Thread thread;
        try (var captured = new NewThreads.CapturedStderr()) {
            thread = runFail(kind);
            thread.setName("excepthook thread");
            thread.start();
            Threading.join(thread);
            stderr = captured.text();
        }
        assertTrue(stderr.contains("Exception in thread excepthook thread:" + NL), stderr);
        assertTrue(stderr.contains("java.lang.IllegalArgumentException: run failed" + NL), stderr);
        assertTrue(stderr.contains("\tat io.github.threading4j.ExceptHookTests.lambda$runFail"), stderr);
    }

    /** Called with thread == null, the default hook names the calling thread by getIdent(). */
    @Test
    void testExcepthookThreadNone() {
        String stderr;
        try (var captured = new NewThreads.CapturedStderr()) {
            try {
                throw new IllegalArgumentException("bug");
            } catch (IllegalArgumentException exc) {
                Threading.getExcepthook().handle(new ExceptHookArgs(exc, null));
            }
            stderr = captured.text();
        }
        assertTrue(stderr.contains("Exception in thread " + Threading.getIdent() + ":" + NL), stderr);
        assertTrue(stderr.contains("java.lang.IllegalArgumentException: bug" + NL), stderr);
        assertTrue(stderr.contains("\tat io.github.threading4j.ExceptHookTests.testExcepthookThreadNone"), stderr);
    }

    /** A custom hook receives the exception, its type and the thread. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testCustomExcepthook(ThreadKind kind) {
        AtomicReference<ExceptHookArgs> args = new AtomicReference<>();
        Threading.setExcepthook(args::set);
        Thread thread = runFail(kind);
        thread.start();
        Threading.join(thread);
        ExceptHookArgs a = args.get();
        assertEquals(IllegalArgumentException.class, a.excType());
        assertEquals("run failed", a.excValue().getMessage());
        assertSame(thread, a.thread());
    }

    /** A failing hook: "Exception in threading.excepthook:" on System.err, then the JVM's default handler. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testCustomExcepthookFail(ThreadKind kind) {
        Threading.setExcepthook(args -> {
            throw new IllegalArgumentException("threading_hook failed");
        });
        AtomicReference<Throwable> errStr = new AtomicReference<>();
        Thread.UncaughtExceptionHandler saved = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> errStr.set(e));
        String stderr;
        try (var captured = new NewThreads.CapturedStderr()) {
            Thread thread = runFail(kind);
            thread.start();
            Threading.join(thread);
            stderr = captured.text();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(saved);
        }
        assertEquals("Exception in threading.excepthook:" + NL, stderr);
        assertEquals("threading_hook failed", errStr.get().getMessage());
    }

    /** DEFAULT_EXCEPTHOOK (Python's __excepthook__) restores the original output. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testOriginalExcepthook(ThreadKind kind) {
        String defaultOutput = runThread(kind);
        Threading.setExcepthook(args -> System.err.println("Running a thread failed"));
        String customHookOutput = runThread(kind);
        Threading.setExcepthook(Threading.DEFAULT_EXCEPTHOOK);
        String recoveredOutput = runThread(kind);

        assertEquals(normalize(defaultOutput), normalize(recoveredOutput));
        assertNotEquals(defaultOutput, customHookOutput);
        assertEquals("Running a thread failed" + NL, customHookOutput);
    }

    private static String runThread(ThreadKind kind) {
        try (var captured = new NewThreads.CapturedStderr()) {
            Thread thread = runFail(kind);
            thread.setName("excepthook thread");
            thread.start();
            Threading.join(thread);
            return captured.text();
        }
    }

    /** Stack traces of two runs differ only in the generated names of the lambda frames. */
    private static String normalize(String trace) {
        return trace.replaceAll("\\$\\$Lambda[^.(]*", "\\$\\$Lambda");
    }
}
