package io.github.threading4j;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Python's {@code threading} module functions: the excepthook, {@code TIMEOUT_MAX}, thread identity.
 *
 * <p>Threads are {@link java.lang.Thread}s, platform or virtual; threading4j never wraps them.
 */
public final class Threading {

    /** Python's {@code TIMEOUT_MAX}: the largest timeout a blocking call accepts (2^63-1 ns, about 292 years). */
    public static final Duration TIMEOUT_MAX = Duration.ofNanos(Long.MAX_VALUE);

    /**
     * Python's {@code threading.__excepthook__}: prints {@code Exception in thread <name>:} and the stack trace on
     * {@code System.err}.
     */
    public static final ExceptHook DEFAULT_EXCEPTHOOK = Threading::printException;

    private static volatile ExceptHook excepthook = DEFAULT_EXCEPTHOOK;

    private Threading() {}

    // ---- excepthook ---------------------------------------------------------------------------------------

    /** Python's {@code threading.excepthook} (read). */
    public static ExceptHook getExcepthook() {
        return excepthook;
    }

    /** Python's {@code threading.excepthook = hook}; {@code null} restores {@link #DEFAULT_EXCEPTHOOK}. */
    public static void setExcepthook(ExceptHook hook) {
        excepthook = hook == null ? DEFAULT_EXCEPTHOOK : hook;
    }

    /**
     * Hands an uncaught exception to the current excepthook, as CPython's thread bootstrap does. If the hook
     * itself throws, prints {@code Exception in threading.excepthook:} and passes the hook's exception to the
     * JVM's default uncaught-exception handler.
     */
    public static void invokeExcepthook(Throwable exc, Thread thread) {
        try {
            excepthook.handle(new ExceptHookArgs(exc, thread));
        } catch (Throwable hookFailure) {
            PrintStream err = System.err;
            if (err != null) {
                err.println("Exception in threading.excepthook:");
            }
            Thread current = Thread.currentThread();
            Thread.UncaughtExceptionHandler fallback = Thread.getDefaultUncaughtExceptionHandler();
            if (fallback != null) {
                fallback.uncaughtException(current, hookFailure);
            } else if (err != null) {
                hookFailure.printStackTrace(err);
            }
        }
    }

    private static void printException(ExceptHookArgs args) {
        PrintStream err = System.err;
        if (err == null) {
            return;
        }
        Thread t = args.thread();
        String name = t != null ? t.getName() : Long.toString(getIdent());
        synchronized (err) { // PrintStream's own lock: one report is not interleaved with another
            err.println("Exception in thread " + name + ":");
            args.excValue().printStackTrace(err);
        }
    }

    // ---- identity ------------------------------------------------------------------------------------------

    /** Python's {@code get_ident()}: the calling thread's {@link Thread#threadId()}, positive, never reused. */
    public static long getIdent() {
        return Thread.currentThread().threadId();
    }

    /** Python's {@code current_thread()}. */
    public static Thread currentThread() {
        return Thread.currentThread();
    }
}
