package io.github.threading4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ChildJvm;
import org.junit.jupiter.api.Test;

/** The daemon example, run as a real process. */
class DaemonThreadsTest {

    /**
     * The child JVM exits although its daemon thread loops forever, and only after the non-daemon saver has
     * finished (ChildJvm fails the test if the child does not exit).
     */
    @Test
    void daemonThreadDoesNotKeepTheJvmAlive() {
        ChildJvm.Result r = ChildJvm.run(DaemonThreads.class, "0.01");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Daemon thread starting"), r.toString());
        assertTrue(r.stdout().contains("Background work..."), r.toString());
        assertTrue(r.stdout().contains("Main thread exiting"), r.toString());
        assertTrue(r.stdout().contains("Results saved"), "the non-daemon saver finished before exit: " + r);
        assertTrue(r.stdout().indexOf("Main thread exiting") < r.stdout().indexOf("Results saved"),
                "main had returned before the saver finished: the JVM waited for it\n" + r);
        assertFalse(r.stdout().contains("Daemon thread finished"), r.toString());
    }
}
