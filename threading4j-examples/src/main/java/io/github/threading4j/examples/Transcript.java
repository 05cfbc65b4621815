package io.github.threading4j.examples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Where an example prints: Python's {@code print}, which also keeps every line, in the order the threads
 * printed them, so that a test can check what happened and in which order.
 *
 * <p>Safe to use from many threads: one line is printed and recorded under one lock, so the recorded order is
 * the printed order.
 */
public final class Transcript {
    private final Consumer<String> sink; // prints one line
    // Guards lines and the order of writes to sink. A ReentrantLock, not synchronized: writing to a full pipe
    // blocks, and virtual threads print here too (they must not pin their carrier).
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> lines = new ArrayList<>();

    public Transcript(PrintStream sink) {
        this.sink = sink::println;
    }

    /** A transcript printing to {@code sink}, flushing after every line. */
    public Transcript(PrintWriter sink) {
        this.sink = line -> {
            sink.println(line);
            sink.flush();
        };
    }

    /** A transcript that prints to standard output. */
    public static Transcript toStdout() {
        return new Transcript(System.out);
    }

    /** A transcript that only records (for tests). */
    public static Transcript silent() {
        return new Transcript(new PrintStream(OutputStream.nullOutputStream()));
    }

    /** Python's {@code print(line)}. */
    public void println(String line) {
        lock.lock();
        try {
            lines.add(line);
            sink.accept(line);
        } finally {
            lock.unlock();
        }
    }

    /** Python's {@code print()}: an empty line. */
    public void println() {
        println("");
    }

    /** Every line printed so far, in order (a snapshot). */
    public List<String> lines() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    /** The position of the first line equal to {@code line}, or -1. */
    public int indexOf(String line) {
        return lines().indexOf(line);
    }

    /** Whether some line equals {@code line}. */
    public boolean printed(String line) {
        return indexOf(line) >= 0;
    }
}
