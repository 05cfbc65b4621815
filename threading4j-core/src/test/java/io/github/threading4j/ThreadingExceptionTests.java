package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ChildJvm;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Port of CPython's {@code test_threading.ThreadingExceptionTests}. */
class ThreadingExceptionTests {

    /** Starting a thread twice throws the JDK's IllegalThreadStateException (Python's RuntimeError). */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testStartThreadAgain(ThreadKind kind) {
        Thread thread = NewThreads.start(kind, () -> {});
        assertThrows(IllegalThreadStateException.class, thread::start);
        Threading.join(thread);
        assertThrows(IllegalThreadStateException.class, thread::start, "also after it ended");
    }

    /** Joining the current thread: IllegalStateException("cannot join current thread"). */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testJoiningCurrentThread(ThreadKind kind) {
        Thread t = NewThreads.start(kind, () -> {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Threading.join(Threading.currentThread()));
            assertEquals("cannot join current thread", e.getMessage());
        });
        Threads.join(t);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Threading.join(Threading.currentThread(), java.time.Duration.ZERO));
        assertEquals("cannot join current thread", e.getMessage());
    }

    /** Joining a thread that was never started: IllegalStateException("cannot join thread before it is started"). */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testJoiningInactiveThread(ThreadKind kind) {
        Thread thread = NewThreads.of(kind, () -> {});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Threading.join(thread));
        assertEquals("cannot join thread before it is started", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Threading.join(thread, java.time.Duration.ofSeconds(1)));
    }

    /** Setting daemon status of an active thread: the JDK's IllegalThreadStateException. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testDaemonizeActiveThread(ThreadKind kind) {
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = NewThreads.start(kind, () -> Threads.await(release, "release"));
        try {
            assertThrows(IllegalThreadStateException.class, () -> thread.setDaemon(true));
        } finally {
            release.countDown();
            Threading.join(thread);
        }
    }

    /** Releasing an unacquired Lock throws IllegalMonitorStateException (Python's RuntimeError). */
    @Test
    void testReleasingUnacquiredLock() {
        Lock lock = new Lock();
        assertThrows(IllegalMonitorStateException.class, lock::release);
    }

    /** The default excepthook prints "Exception in thread NAME:" and the stack trace on System.err. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testPrintException(ThreadKind kind) {
        Thread t;
        String err;
        try (var captured = new NewThreads.CapturedStderr()) {
            t = NewThreads.start(kind, () -> {
                int zero = 0;
                System.out.print(1 / zero);
            });
            Threading.join(t);
            err = captured.text();
        }
        assertTrue(err.startsWith("Exception in thread " + t.getName() + ":" + System.lineSeparator()), err);
        assertTrue(err.contains("java.lang.ArithmeticException: / by zero"), err);
        assertTrue(err.contains("\tat io.github.threading4j.ThreadingExceptionTests"), err);
        // The JVM's own report ("Exception in thread \"Thread-1\" ...") must not appear: the hook handled it.
        assertFalse(err.contains("Exception in thread \""), err);
    }

    /** System.err set to null after the thread was created: the hook prints on the stream saved at creation. */
    @Test
    void testPrintExceptionStderrIsNone1() {
        ChildJvm.Result r = ChildJvm.run(PrintExceptionStderrIsNoneMain.class, "after-creation");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("joined" + System.lineSeparator(), r.stdout(), r::toString);
        assertTrue(r.stderr().startsWith("Exception in thread Thread-1:"), r::toString);
        assertTrue(r.stderr().contains("java.lang.ArithmeticException: / by zero"), r::toString);
        assertTrue(r.stderr().contains("\tat "), r::toString);
        assertFalse(r.stderr().contains("Exception in thread \""), r::toString);
    }

    /** System.err set to null before the thread was created: nothing is printed, and nothing fails. */
    @Test
    void testPrintExceptionStderrIsNone2() {
        ChildJvm.Result r = ChildJvm.run(PrintExceptionStderrIsNoneMain.class, "before-creation");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("joined" + System.lineSeparator(), r.stdout(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    /** Child: a thread divides by zero once told to; System.err becomes null before or after its creation. */
    static final class PrintExceptionStderrIsNoneMain {
        public static void main(String[] args) throws InterruptedException {
            boolean before = args[0].equals("before-creation");
            if (before) {
                System.setErr(null);
            }
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            Thread t = Threading.thread(() -> {
                running.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                int zero = 0;
                System.out.print(1 / zero);
            });
            t.start();
            running.await();
            if (!before) {
                System.setErr(null);
            }
            go.countDown();
            Threading.join(t);
            System.out.println("joined");
        }
    }
}
