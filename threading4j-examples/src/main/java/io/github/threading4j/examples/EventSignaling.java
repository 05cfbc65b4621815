package io.github.threading4j.examples;

import io.github.threading4j.Event;
import io.github.threading4j.Threading;
import java.util.List;

/**
 * Event for signaling (tutorials 000, 001 and 002): two waiters block on {@code event.await()} (Python's
 * {@code event.wait()}) until a signaler, two seconds later, calls {@code set()}; then both proceed.
 *
 * <p>An event stays set: a waiter that arrives after {@code set()} does not wait at all, so, unlike a bare
 * condition variable, no signal can be missed.
 */
public final class EventSignaling {
    private EventSignaling() {}

    public record Result(boolean setAtEnd, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        Event event = new Event();
        List<Thread> threads = List.of(
                Threading.thread(() -> waiter("A", event, out)),
                Threading.thread(() -> waiter("B", event, out)),
                Threading.thread(() -> {
                    pace.sleep(2);
                    out.println("Sending signal");
                    event.set();
                }));
        threads.forEach(Thread::start);
        threads.forEach(Threading::join);
        return new Result(event.isSet(), out);
    }

    static void waiter(String name, Event event, Transcript out) {
        out.println(name + " waiting for signal...");
        event.await(); // block until set
        out.println(name + " proceeding!");
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}
