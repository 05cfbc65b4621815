package io.github.threading4j.examples;

/** The pace the tests run the examples at: a hundredth of the tutorials' (a one-second sleep takes 10 ms). */
final class TestPace {
    private TestPace() {}

    static final Pace FAST = Pace.of(0.01);
}
