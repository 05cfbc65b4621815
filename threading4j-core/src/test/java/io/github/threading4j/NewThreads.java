package io.github.threading4j;

import io.github.threading4j.support.ThreadKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Test helpers for the thread tests: threads made by {@link Threading} of a given kind, captured stderr. */
final class NewThreads {
    private NewThreads() {}

    /** An unstarted thread of {@code kind} made by threading4j ({@code Threading.thread}/{@code virtualThread}). */
    static Thread of(ThreadKind kind, Runnable target) {
        return kind == ThreadKind.PLATFORM ? Threading.thread(target) : Threading.virtualThread(target);
    }

    /** Started. */
    static Thread start(ThreadKind kind, Runnable target) {
        Thread t = of(kind, target);
        t.start();
        return t;
    }

    /** CPython's {@code support.captured_output("stderr")}: swaps {@code System.err} until closed. */
    static final class CapturedStderr implements AutoCloseable {
        private final PrintStream saved = System.err;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        CapturedStderr() {
            System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        }

        String text() {
            System.err.flush();
            return buffer.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            System.setErr(saved);
        }
    }
}
