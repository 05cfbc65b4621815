package io.github.threading4j.examples;

import io.github.threading4j.Event;
import io.github.threading4j.Threading;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Daemon threads (tutorials 000, 002 and 003): a background loop that does not keep the program alive.
 *
 * <p>The JVM, like CPython, exits when its last non-daemon thread ends, and stops daemon threads wherever they
 * are: no {@code finally} block runs, nothing is flushed. That is right for a loop that polls or refreshes a
 * cache; it is wrong for work whose end matters. The tutorials' daemon threads announce "Daemon thread
 * finished" and "background work" that never completes. Ours keeps the background loop a daemon and does the
 * critical part (saving results) on a non-daemon thread, which the JVM waits for at exit even though
 * {@code main} never joins it.
 *
 * <p>Run {@link #main} to see it: {@code main} returns after three seconds, the saver finishes, and the JVM
 * exits with the daemon loop still running. {@code threading4j demo daemon} runs it as a child JVM, since
 * only a real exit shows what happens to a daemon thread.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** What {@link #run} leaves behind: the threads it started (the daemon never ends by itself). */
    public record Result(Thread daemon, Thread saver, Transcript transcript) {}

    /** The child JVM's run: its exit code and what it printed. */
    public record ChildRun(int exitCode, List<String> lines) {}

    public static Result run(Pace pace, Transcript out) {
        // Daemon thread: background work that may be cut off at any point when the program exits.
        Thread daemon = Threading.thread(() -> {
            out.println("Daemon thread starting");
            while (true) {
                out.println("Background work...");
                pace.sleep(1);
            }
            // Tutorial 002 prints "Daemon thread finished" here: it never would, so nothing goes here.
        });
        daemon.setDaemon(true); // Python's daemon=True
        daemon.start();

        // Critical work (saving results) on a non-daemon thread: the JVM waits for it before exiting. It saves
        // once main is leaving, so the output shows the JVM waiting for it after main has returned.
        Event mainExiting = new Event();
        Thread saver = Threading.thread(() -> {
            mainExiting.await();
            pace.sleep(0.5);
            out.println("Results saved");
        });
        saver.setDaemon(false);
        saver.start();

        pace.sleep(3);
        out.println("Main thread exiting (daemon will terminate)");
        mainExiting.set();
        return new Result(daemon, saver, out);
    }

    /** Runs the example; when {@code main} returns, the JVM waits for the saver, then exits, daemon or not. */
    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }

    /**
     * Runs {@link #main} in a child JVM (this JVM's {@code java}, its class path), relaying each line the child
     * prints to {@code out}, and returns once the child has exited.
     */
    public static ChildRun runInChildJvm(Pace pace, Transcript out) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"),
                DaemonThreads.class.getName(), Double.toString(pace.factor()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        child.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
                out.println("  [child JVM] " + line);
            }
        }
        int exit = child.waitFor();
        out.println("Child JVM exited with status " + exit + " while its daemon thread was still looping");
        return new ChildRun(exit, lines);
    }
}
