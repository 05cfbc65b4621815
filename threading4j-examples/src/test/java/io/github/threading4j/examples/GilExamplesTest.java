package io.github.threading4j.examples;

import static io.github.threading4j.examples.TestPace.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The GIL demonstration and exercise 4. */
class GilExamplesTest {

    /**
     * The two CPU-bound computations overlap in time (each began before the other ended): no lock serialises
     * them. Their sums equal the single-threaded one; all virtual threads finished their wait.
     */
    @Test
    void gilCpuPartRunsInParallel() {
        var r = GilDemonstration.run(FAST, Transcript.silent(), GilDemonstration.CPU_N / 2, 2_000);
        List<GilDemonstration.Run> runs = r.cpuRuns();
        assertNotNull(runs.get(0));
        assertNotNull(runs.get(1));
        long latestStart = Math.max(runs.get(0).startNanos(), runs.get(1).startNanos());
        long earliestEnd = Math.min(runs.get(0).endNanos(), runs.get(1).endNanos());
        assertTrue(latestStart < earliestEnd, "the two computations did not overlap: " + runs);
        assertEquals(List.of(r.expected(), r.expected()), r.cpuResults());
        assertEquals(2_000, r.virtualDone());
    }

    /** Every row computed the same CPU-bound total and finished every I/O-bound piece. */
    @Test
    void exercise4CpuVsIo() {
        var r = Exercise4CpuVsIo.run(FAST, Transcript.silent(), 2_000_000);
        assertEquals(List.of(1, 2, 4, 8), r.rows().stream().map(Exercise4CpuVsIo.Row::threads).toList());
        long expected = Exercise4CpuVsIo.PIECES * Exercise4CpuVsIo.crunch(2_000_000);
        assertTrue(r.rows().stream().allMatch(row -> row.cpuTotal() == expected), r.rows().toString());
        assertTrue(r.rows().stream().allMatch(row -> row.ioDone() == Exercise4CpuVsIo.PIECES));
    }
}
