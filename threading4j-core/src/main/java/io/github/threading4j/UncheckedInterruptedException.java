package io.github.threading4j;

import java.util.Objects;

/**
 * Thrown by threading4j's own blocking methods when the waiting thread is interrupted.
 *
 * <p>Python has no thread interrupts; {@link Thread#interrupt()} stands for a signal arriving during a wait
 * (CPython's {@code KeyboardInterrupt}). The Python-named blocking calls ({@code acquire}, {@code hold()},
 * {@code await(Duration)}, {@code get}, {@code result}, ...) stop waiting, change nothing, <em>leave the
 * interrupt status set</em> and throw this unchecked exception, so that lambdas stay free of checked
 * exceptions while the interrupt is never swallowed. Methods declared by a JDK interface keep the JDK's
 * contract and throw the checked {@link InterruptedException} instead.
 *
 * <p>Named after {@link java.io.UncheckedIOException}: {@link #getCause()} returns the
 * {@link InterruptedException}.
 */
public class UncheckedInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Wraps {@code cause}; the caller has already restored the thread's interrupt status. */
    public UncheckedInterruptedException(InterruptedException cause) {
        super(Objects.requireNonNull(cause, "cause"));
    }

    /** Wraps {@code cause} with a message naming what was being waited for. */
    public UncheckedInterruptedException(String message, InterruptedException cause) {
        super(message, Objects.requireNonNull(cause, "cause"));
    }

    /**
     * Restores the calling thread's interrupt status and returns a new exception wrapping {@code cause}:
     * {@code catch (InterruptedException e) { throw UncheckedInterruptedException.restore(e); }}.
     */
    public static UncheckedInterruptedException restore(InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new UncheckedInterruptedException(cause);
    }

    /**
     * For a thread found interrupted by a park loop: keeps the status set and returns the exception to throw.
     */
    public static UncheckedInterruptedException interrupted() {
        Thread.currentThread().interrupt();
        return new UncheckedInterruptedException(new InterruptedException());
    }

    @Override
    public synchronized InterruptedException getCause() {
        return (InterruptedException) super.getCause();
    }
}
