package io.github.threading4j.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's table: RESULT lines in, medians and "times as fast" ratios out. */
class ReportTest {
    static final List<String> RAW = List.of(
            "# date: 2026-01-01T00:00Z",
            "RESULT workload=lock_uncontended impl=cpython value=120 unit=ns/op ops=1 rep=1 others=4",
            "RESULT workload=lock_uncontended impl=jdk value=10 unit=ns/op detail=ReentrantLock rep=1 others=6",
            "RESULT workload=lock_uncontended impl=threading4j value=8 unit=ns/op rep=1 others=8",
            "RESULT workload=lock_uncontended impl=threading4j value=12 unit=ns/op rep=2 others=10",
            "RESULT workload=lock_uncontended impl=threading4j value=10 unit=ns/op rep=3 others=60",
            "RESULT workload=queue_1p1c impl=cpython value=200000 unit=items/s rep=1 others=0",
            "RESULT workload=queue_1p1c impl=jdk value=2000000 unit=items/s rep=1 others=0",
            "RESULT workload=queue_1p1c impl=jdk-lbq value=1000000 unit=items/s rep=1 others=0",
            "RESULT workload=queue_1p1c impl=jdk-virtual value=500000 unit=items/s rep=1 others=0",
            "RESULT workload=queue_1p1c impl=threading4j value=1000000 unit=items/s rep=1 others=0",
            "RESULT workload=queue_1p1c impl=threading4j-virtual value=1000000 unit=items/s rep=1 others=0",
            "RESULT workload=cpu_speedup_1e9 impl=jdk value=1.9 unit=x t1_s=0.5 t2_s=0.26 pairs=3 rep=1 others=0",
            "RESULT workload=event_pingpong impl=c-futex value=6000 unit=trips/s rep=1 others=0",
            "ERROR threading4j/ThreadStart exit=1 rep=1 (see log.txt)");

    @Test
    void parsesEveryFieldOfAResultLine() {
        Report.Line line = Report.parse("RESULT workload=w impl=jdk value=1.5 unit=s ideal=0.1 rep=2 others=7");
        assertEquals("w", line.workload());
        assertEquals("jdk", line.impl());
        assertEquals(1.5, line.value());
        assertEquals("s", line.unit());
        assertEquals(7.0, line.others());
        assertEquals("0.1", line.fields().get("ideal"));
        assertNull(Report.parse("# date: today"));
        assertThrows(IllegalArgumentException.class, () -> Report.parse("RESULT workload=w impl=jdk unit=s"));
    }

    @Test
    void timesAreInvertedSoThatAboveOneMeansFaster() {
        Report r = new Report().add(RAW);
        // lock: lower is better; ours' median is 10 of {8, 12, 10}: as fast as the JDK, 12x CPython
        assertEquals(1.0, r.asFast("lock_uncontended", Report.OURS, Report.JDK), 1e-9);
        assertEquals(12.0, r.asFast("lock_uncontended", Report.OURS, Report.CPYTHON), 1e-9);
        // queues: higher is better
        assertEquals(0.5, r.asFast("queue_1p1c", Report.OURS, Report.JDK), 1e-9);
        assertEquals(2.0, r.asFast("queue_1p1c", Report.OURS_VIRTUAL, Report.JDK_VIRTUAL), 1e-9);
        assertTrue(Double.isNaN(r.asFast("cpu_speedup_1e9", Report.OURS, Report.JDK)));
    }

    @Test
    void rowsPairEachThreadKindWithItsJdkCounterpart() {
        List<Report.Row> rows = new Report().add(RAW).rows();
        Report.Row lock = rows.get(0);
        assertEquals(List.of("lock_uncontended", "ns/op (lower)", "platform", "120", "10", "10", "1.00x", "12x", "40%",
                "8%", "1"), lock.cells());
        Report.Row platform = rows.get(1);
        assertEquals(List.of("queue_1p1c", "platform", "200k", "2M", "1M", "0.50x", "5.00x"),
                List.of(platform.workload(), platform.threads(), platform.cpython(), platform.jdk(), platform.ours(),
                        platform.vsJdk(), platform.vsCpython()));
        Report.Row lbq = rows.get(2);
        assertEquals(List.of("platform (JDK: LinkedBlockingQueue)", "1M", "1.00x", "-"),
                List.of(lbq.threads(), lbq.jdk(), lbq.vsJdk(), lbq.vsCpython()));
        Report.Row virtual = rows.get(3);
        assertEquals(List.of("virtual", "200k", "500k", "1M", "2.00x", "5.00x"),
                List.of(virtual.threads(), virtual.cpython(), virtual.jdk(), virtual.ours(), virtual.vsJdk(),
                        virtual.vsCpython()));
        assertEquals("cpu_speedup_1e9", rows.get(4).workload());
        assertEquals(5, rows.size(), "floors are not rows");
    }

    @Test
    void leavesOutBusyFiguresAndListsErrorsAndFloors() {
        Report r = new Report().add(RAW, 50.0);
        assertEquals(10.0, r.get("lock_uncontended", Report.OURS).median(), 1e-9, "median of {8, 12}");
        String text = r.text();
        assertTrue(text.contains("left out: 1 figures"), text);
        assertTrue(text.contains("ERROR threading4j/ThreadStart exit=1"), text);
        assertTrue(text.contains("event_pingpong c-futex 6000 trips/s"), text);
        assertEquals("0.26", r.get("cpu_speedup_1e9", Report.JDK).field("t2_s"));
        String md = r.markdown();
        assertTrue(md.startsWith("| workload | unit | threads | CPython | JDK | threading4j |"), md);
        assertTrue(md.contains("| `queue_1p1c` | items/s | platform | 200k | 2M | 1M | 0.50x | 5.00x |"), md);
    }
}
