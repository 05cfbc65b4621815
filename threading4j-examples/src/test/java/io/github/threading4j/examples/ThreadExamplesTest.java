package io.github.threading4j.examples;

import static io.github.threading4j.examples.TestPace.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The thread-creation examples: every thread ran its target and was joined before the program went on. */
class ThreadExamplesTest {

    /** Each worker starts before it finishes, and "All threads complete" comes after every worker is done. */
    @Test
    void threadsBasic() {
        var r = ThreadsBasic.run(FAST, Transcript.silent());
        Transcript t = r.transcript();
        for (int i = 0; i < 3; i++) {
            assertTrue(t.indexOf("Thread " + i + " starting") < t.indexOf("Thread " + i + " done"), t.lines().toString());
            assertTrue(t.indexOf("Thread " + i + " done") < t.indexOf("All threads complete"));
        }
        assertTrue(r.threads().stream().noneMatch(Thread::isAlive));
        assertTrue(r.threads().stream().allMatch(th -> th.getName().startsWith("Thread-")));
    }

    /** Every target ran with its arguments; the join points order the program's own lines. */
    @Test
    void threadArguments() {
        var r = ThreadArguments.run(FAST, Transcript.silent());
        Transcript t = r.transcript();
        for (int i = 0; i < 5; i++) {
            assertTrue(t.indexOf("Number: " + i) < t.indexOf("Thread finished"));
            assertTrue(t.indexOf("Worker " + i + " finished") < t.indexOf("All workers completed"));
        }
        for (String name : List.of("Alice", "Bob")) {
            assertTrue(t.indexOf("Hello, " + name + "! (1)") < t.indexOf("Hello, " + name + "! (2)"));
            assertTrue(t.indexOf("Hello, " + name + "! (3)") < t.indexOf("Both threads completed"));
        }
        assertTrue(t.printed("Processing dataset1"), "verbose=true was passed");
        assertEquals("Processed: dataset1", r.processed());
    }

    /** start() runs run() in the new thread; calling run() runs it in the caller. */
    @Test
    void threadSubclass() {
        var r = ThreadSubclass.run(FAST, Transcript.silent());
        assertTrue(r.executedBy().contains("Worker-1 ran in Worker-1"), r.executedBy().toString());
        assertTrue(r.executedBy().contains("Task-1 ran in Task-1"));
        assertTrue(r.executedBy().contains("Task-2 ran in Task-2"));
        assertTrue(r.executedBy().contains("Task-3 ran in " + Thread.currentThread().getName()));
        assertEquals(4, r.executedBy().size());
    }

    /** The worker sees its own name and ident and is alive; enumerate() lists it; after join it is dead. */
    @Test
    void threadProperties() {
        var r = ThreadProperties.run(FAST, Transcript.silent());
        assertEquals(new ThreadProperties.Seen("InfoWorker", r.ident(), true), r.seenInside());
        assertTrue(r.liveThreads().contains("InfoWorker"), r.liveThreads().toString());
        assertFalse(r.aliveAfterJoin());
        assertFalse(r.daemon(), "a thread made by a non-daemon thread is not a daemon");
    }

    /** A timed join returns after its timeout with the thread still running; the final join sees it end. */
    @Test
    void joinTimeout() {
        // A tenth of the tutorial's pace: the task (0.5 s) outlives the timed join (0.2 s) by 0.3 s.
        Pace pace = Pace.of(0.1);
        var r = JoinTimeout.run(pace, Transcript.silent());
        assertTrue(r.aliveAfterTimeout(), r.transcript().lines().toString());
        assertTrue(r.waitedNanos() >= 0.6 * pace.seconds(2).toNanos(), "waited " + r.waitedNanos() + " ns");
        assertTrue(r.transcript().printed("Thread still running after timeout"));
        assertTrue(r.transcript().printed("Long task completed"));
        assertFalse(r.aliveAtEnd());
    }
}
