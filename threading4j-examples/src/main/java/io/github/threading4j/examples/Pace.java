package io.github.threading4j.examples;

import io.github.threading4j.UncheckedInterruptedException;
import java.time.Duration;

/**
 * The one setting that scales every sleep and timeout of the examples.
 *
 * <p>The tutorials sleep to stand for work ({@code time.sleep(1)} is "a network call") and to make the
 * interleaving visible. An example says how long in the tutorial's seconds, {@code pace.sleep(1)}, and the pace
 * turns that into real time: {@link #TUTORIAL} (factor 1) is the tutorial's own pace, which
 * {@code threading4j demo} uses; the tests run the same code at a hundredth of it. Nothing else in an example
 * depends on wall time, so its outcome is the same at any pace. CPU-bound examples also shrink their work at a
 * faster pace ({@link #work(long)}).
 */
public final class Pace {
    /** The tutorials' own pace: one tutorial second is one second. */
    public static final Pace TUTORIAL = new Pace(1.0);

    private final double factor;

    private Pace(double factor) {
        this.factor = factor;
    }

    /** A pace where one tutorial second lasts {@code factor} seconds; {@code factor > 0}. */
    public static Pace of(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a positive number: " + factor);
        }
        return factor == 1.0 ? TUTORIAL : new Pace(factor);
    }

    /** The pace a {@code main} was given as its first argument (a factor), or {@link #TUTORIAL}. */
    public static Pace fromArgs(String[] args) {
        return args.length > 0 ? of(Double.parseDouble(args[0])) : TUTORIAL;
    }

    public double factor() {
        return factor;
    }

    /** The real duration of {@code seconds} tutorial seconds. */
    public Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * factor * 1e9));
    }

    /**
     * How much CPU-bound work to do where the tutorial does {@code n} steps: {@code n} at the tutorial's pace
     * (or slower), a tenth of it at any faster pace, so that a fast run stays fast while the work still takes
     * long enough to watch threads overlap.
     */
    public long work(long n) {
        return factor >= 1 ? n : Math.max(1, n / 10);
    }

    /**
     * Python's {@code time.sleep(seconds)}, scaled. An interrupt ends the sleep: the interrupt status is kept
     * and {@link UncheckedInterruptedException} is thrown (as every blocking call of threading4j does).
     */
    public void sleep(double seconds) {
        try {
            Thread.sleep(seconds(seconds));
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.restore(e);
        }
    }

    @Override
    public String toString() {
        return "<Pace factor=" + factor + ">";
    }
}
