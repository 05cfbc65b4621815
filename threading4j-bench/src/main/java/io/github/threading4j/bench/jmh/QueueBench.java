package io.github.threading4j.bench.jmh;

import io.github.threading4j.queue.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * Every queue type through the {@link BlockingQueue} interface they all implement, bounded to 100
 * (PriorityBlockingQueue and SimpleQueue cannot be bounded): {@code type} names the class, the JDK's
 * (ArrayBlockingQueue, LinkedBlockingQueue, PriorityBlockingQueue) or threading4j's (Queue,
 * LifoQueue, PriorityQueue, SimpleQueue).
 *
 * <ul>
 *   <li>{@code putTake1t}: one thread, put then take, the queue never full (ns per pair);
 *       {@code putGet1tPython}: the same through threading4j's Python-named {@code put(item, true)} and
 *       {@code get()}.</li>
 *   <li>{@code p1c1}, {@code p4c4}: 1 producer and 1 consumer, 4 and 4, on one queue; operations per
 *       microsecond, a put and a take each counting one (items per microsecond = score / 2).</li>
 * </ul>
 * The producers and consumers use timed {@code offer}/{@code poll} (10 ms) and give up once
 * {@link Control#stopMeasurement} is set: with blocking put/take one side is left blocked at the end
 * of an iteration and JMH waits ten minutes for it. They never busy-wait: on two shared CPUs that is
 * a hundred times slower.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QueueBench {
    static final int CAPACITY = 100;
    static final Integer ITEM = 42;

    @State(Scope.Thread)
    public static class OneThread {
        @Param({"ArrayBlockingQueue", "LinkedBlockingQueue", "PriorityBlockingQueue", "Queue", "LifoQueue",
            "PriorityQueue", "SimpleQueue"})
        public String type;
        BlockingQueue<Integer> queue;

        @Setup(Level.Trial)
        public void create() {
            queue = Queues.create(type, CAPACITY);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Integer putTake1t(OneThread s) throws InterruptedException {
        s.queue.put(ITEM);
        return s.queue.take();
    }

    @State(Scope.Thread)
    public static class PythonNamed {
        @Param({"Queue", "LifoQueue", "PriorityQueue"})
        public String type;
        Queue<Integer> queue;

        @Setup(Level.Trial)
        public void create() {
            queue = (Queue<Integer>) Queues.create(type, CAPACITY);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Integer putGet1tPython(PythonNamed s) {
        s.queue.put(ITEM, true);
        return s.queue.get();
    }

    @State(Scope.Group)
    public static class Shared {
        @Param({"ArrayBlockingQueue", "LinkedBlockingQueue", "PriorityBlockingQueue", "Queue", "LifoQueue",
            "PriorityQueue", "SimpleQueue"})
        public String type;
        BlockingQueue<Integer> queue;

        @Setup(Level.Trial)
        public void checkThreadKind() {
            ThreadKindCheck.onBenchmarkThread();
        }

        @Setup(Level.Iteration)
        public void create() {
            queue = Queues.create(type, CAPACITY); // no item left over from the last iteration
        }
    }

    static boolean put(Shared s, Control control) throws InterruptedException {
        while (!s.queue.offer(ITEM, 10, TimeUnit.MILLISECONDS)) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        return true;
    }

    static Integer take(Shared s, Control control) throws InterruptedException {
        Integer item;
        while ((item = s.queue.poll(10, TimeUnit.MILLISECONDS)) == null) {
            if (control.stopMeasurement) {
                return null;
            }
        }
        return item;
    }

    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public boolean p1c1Put(Shared s, Control control) throws InterruptedException {
        return put(s, control);
    }

    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public Integer p1c1Take(Shared s, Control control) throws InterruptedException {
        return take(s, control);
    }

    @Benchmark
    @Group("p4c4")
    @GroupThreads(4)
    public boolean p4c4Put(Shared s, Control control) throws InterruptedException {
        return put(s, control);
    }

    @Benchmark
    @Group("p4c4")
    @GroupThreads(4)
    public Integer p4c4Take(Shared s, Control control) throws InterruptedException {
        return take(s, control);
    }
}
