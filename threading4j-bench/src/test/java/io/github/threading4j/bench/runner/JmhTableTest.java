package io.github.threading4j.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JMH's CSV results paired with their JDK counterparts. */
class JmhTableTest {
    static final List<String> CSV = List.of(
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: type\"",
            "\"io.github.threading4j.bench.jmh.QueueBench.p1c1\",\"thrpt\",2,5,8.0,0.5,\"ops/us\",ArrayBlockingQueue",
            "\"io.github.threading4j.bench.jmh.QueueBench.p1c1:gc.alloc.rate.norm\",\"thrpt\",2,5,1.0,0.1,\"B/op\",ArrayBlockingQueue",
            "\"io.github.threading4j.bench.jmh.QueueBench.p1c1:p1c1Put\",\"thrpt\",2,5,4.0,0.2,\"ops/us\",ArrayBlockingQueue",
            "\"io.github.threading4j.bench.jmh.QueueBench.p1c1\",\"thrpt\",2,5,12.0,0.5,\"ops/us\",Queue",
            "\"io.github.threading4j.bench.jmh.QueueBench.p1c1:gc.alloc.rate.norm\",\"thrpt\",2,5,0.5,0.1,\"B/op\",Queue",
            "\"io.github.threading4j.bench.jmh.LockBench.jdkReentrantLock\",\"avgt\",1,5,6.0,0.2,\"ns/op\",",
            "\"io.github.threading4j.bench.jmh.LockBench.lockHold\",\"avgt\",1,5,12.0,NaN,\"ns/op\",",
            "\"io.github.threading4j.bench.jmh.LockBench.lockHold:gc.alloc.rate.norm\",\"avgt\",1,5,0.0,NaN,\"B/op\",");

    @Test
    void pairsEachOfOursWithTheJdkBenchmarkOfTheSameJob() {
        Map<String, JmhTable.Result> all = JmhTable.parse(CSV);
        assertEquals(List.of("QueueBench.p1c1[ArrayBlockingQueue]", "QueueBench.p1c1[Queue]", "LockBench.jdkReentrantLock",
                "LockBench.lockHold"), List.copyOf(all.keySet()), "secondary results are not rows");
        JmhTable.Result queue = all.get("QueueBench.p1c1[Queue]");
        assertEquals(0.5, queue.bytesPerOp());
        JmhTable.Result abq = JmhTable.counterpart(queue, all);
        assertEquals("QueueBench.p1c1[ArrayBlockingQueue]", abq.key());
        assertEquals(1.5, JmhTable.asFast(queue, abq), 1e-9, "throughput: ours / JDK");
        JmhTable.Result lock = all.get("LockBench.lockHold");
        assertEquals(0.5, JmhTable.asFast(lock, JmhTable.counterpart(lock, all)), 1e-9, "time: JDK / ours");
        assertNull(JmhTable.counterpart(abq, all), "a JDK benchmark has no counterpart");
    }

    @Test
    void markdownHasOneRowPerThreading4jResult() {
        Map<String, Map<String, JmhTable.Result>> runs = new LinkedHashMap<>();
        runs.put("virtual", JmhTable.parse(CSV));
        String md = JmhTable.markdown(runs);
        assertTrue(md.contains("| `QueueBench.p1c1[Queue]` | virtual | 12 ± 0.5 | ops/us | 0.5 | "
                + "`QueueBench.p1c1[ArrayBlockingQueue]` | 8 ± 0.5 | 1.0 | 1.50x |"), md);
        assertTrue(md.contains("| `LockBench.lockHold` | virtual | 12 | ns/op | 0.0 | `LockBench.jdkReentrantLock` |"), md);
        assertEquals(4, md.lines().filter(l -> l.startsWith("| `")).count() + 2, md);
    }
}
