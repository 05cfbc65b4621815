package io.github.threading4j.bench.workloads;

import io.github.threading4j.Event;

/**
 * Workload 7 on threading4j: signalling latency. Two threads ping-pong through two {@link Event}s; a
 * round trip is {@code ping.set()} → the other thread wakes, clears, {@code pong.set()} → the first
 * wakes and clears. 10,000 round trips a round, on two platform threads (threading4j) or two virtual
 * threads (threading4j-virtual). Figure: event_pingpong, round trips/s over whole rounds.
 */
public final class EventPingPong {
    static final int TRIPS = 10_000;

    private EventPingPong() {}

    static long round(boolean virtual) {
        Event ping = new Event();
        Event pong = new Event();
        int[] done = new int[1];
        Thread responder = Bench.start(virtual, () -> {
            for (int i = 0; i < TRIPS; i++) {
                ping.await();
                ping.clear();
                done[0]++;
                pong.set();
            }
        });
        Thread initiator = Bench.start(virtual, () -> {
            for (int i = 0; i < TRIPS; i++) {
                ping.set();
                pong.await();
                pong.clear();
            }
        });
        Bench.joinAll(java.util.List.of(initiator, responder));
        Bench.check(done[0] == TRIPS, done[0] + " round trips, expected " + TRIPS);
        return TRIPS;
    }

    public static void main(String[] args) throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Bench.Measured m = Bench.measure(() -> round(virtual));
            Bench.result("event_pingpong", Bench.impl(virtual), m.perSecond(), "trips/s", "rounds", m.rounds(),
                    "detail", "Event");
        }
    }
}
