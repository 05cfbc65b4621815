/**
 * Every example and exercise of the four Python threading tutorials the project grew from, as a small Java
 * program on threading4j. {@code docs/EXAMPLES.md} maps each tutorial section to its class here.
 *
 * <p>Each example is a class with a {@code run(Pace, Transcript)} method that prints what the tutorial prints
 * and returns a result record (what happened: the counts, the orders, the timings), which its test checks, and
 * a {@code main} that runs it at the tutorial's pace. {@link io.github.threading4j.examples.Examples#ALL} lists
 * them for {@code threading4j demo}.
 *
 * <ul>
 *   <li>{@link io.github.threading4j.examples.Pace}: the one setting that scales every sleep (the tests run at
 *       a hundredth of the tutorials' pace);
 *   <li>{@link io.github.threading4j.examples.Transcript}: Python's {@code print}, keeping the lines in order;
 *   <li>{@link io.github.threading4j.examples.Http}: one GET with the JDK's client; network examples fetch only
 *       from the embedded {@link io.github.threading4j.examples.server.DelayServer} on 127.0.0.1.
 * </ul>
 *
 * <p>Where a tutorial's example is wrong (a condition waited on without a predicate, a semaphore called a rate
 * limit, a sentinel never marked done, critical work on a daemon thread, a transfer that can deadlock), the
 * example here is right, and its class comment says what the tutorial's does and why it fails.
 */
package io.github.threading4j.examples;
