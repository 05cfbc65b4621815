package io.github.threading4j.examples;

/**
 * One entry of {@code threading4j demo}: its name, a one-line description, and how to run it.
 *
 * @param name        what {@code threading4j demo NAME} takes
 * @param description one line, shown by {@code threading4j demo}
 * @param runner      runs the example at a pace, printing to a transcript, and returns its result
 */
public record Example(String name, String description, Runner runner) {

    /** Runs an example; returns the example's own result object (what its test checks). */
    @FunctionalInterface
    public interface Runner {
        Object run(Pace pace, Transcript out) throws Exception;
    }

    public Object run(Pace pace, Transcript out) throws Exception {
        return runner.run(pace, out);
    }
}
