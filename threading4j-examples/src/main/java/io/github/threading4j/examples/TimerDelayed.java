package io.github.threading4j.examples;

import io.github.threading4j.Timer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Timer for delayed execution (tutorial 000): run a function after three seconds, and cancel another before it
 * runs (the tutorial leaves {@code timer.cancel()} as a comment; here both happen).
 *
 * <p>{@code cancel()} before the interval has passed means the function never runs; after it has started,
 * {@code cancel()} does nothing. {@code join()} waits for the timer's thread either way.
 */
public final class TimerDelayed {
    private TimerDelayed() {}

    public record Result(boolean firedRan, boolean cancelledRan, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        AtomicBoolean firedRan = new AtomicBoolean();
        AtomicBoolean cancelledRan = new AtomicBoolean();

        // Execute after 3 seconds
        Timer timer = new Timer(pace.seconds(3.0), () -> {
            firedRan.set(true);
            out.println("Task executed after delay");
        });
        timer.start();

        // Can cancel before execution
        Timer cancelled = new Timer(pace.seconds(3.0), () -> {
            cancelledRan.set(true);
            out.println("Cancelled task executed (it should not have)");
        });
        cancelled.start();
        cancelled.cancel();
        out.println("Second timer cancelled before its delay");

        timer.join();
        cancelled.join();
        out.println("First timer ran: " + firedRan.get() + "; cancelled timer ran: " + cancelledRan.get());
        return new Result(firedRan.get(), cancelledRan.get(), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
