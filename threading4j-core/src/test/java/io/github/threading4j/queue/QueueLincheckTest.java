package io.github.threading4j.queue;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linearizability of {@link Queue}, {@link LifoQueue} and {@link PriorityQueue} (bounded, maxsize 2) under
 * concurrent {@code putNowait}/{@code getNowait}/{@code qsize}/timed {@code put}/{@code get}, checked by Lincheck
 * in model-checking mode (every interleaving at the switch points it explores) and in stress mode (real
 * threads), each result compared with a sequential run of the same operations.
 *
 * <p>The untimed blocking {@code put}/{@code get} run in fixed scenarios that always complete (as many gets as
 * puts, more puts than the queue holds), against a sequential specification whose {@code put} on a full and
 * {@code get} on an empty queue return {@link #BLOCKED} (a value no real call returns): Lincheck then accepts
 * only the orders in which each blocking call completes when it can, which is what linearizability means for
 * them. Random scenarios cannot contain them: a {@code get} with no matching {@code put} never ends.
 *
 * <p>Two controls keep the check honest: a deliberately racy queue, and a non-atomic move between two of our
 * queues, must both be rejected. Lincheck 3.4's own ASM 9.6 cannot read JDK 25 class files: every class loaded
 * before Lincheck attaches (our queues, the JDK's locks) then fails to transform, each call runs as one step,
 * and every check passes. The build pins ASM 9.8; should that ever regress, the second control fails.
 */
class QueueLincheckTest {
    /** What the sequential specification returns where a blocking call would wait for ever. */
    static final String BLOCKED = "BLOCKED";

    static final Duration TIMEOUT = Duration.ofMillis(1);

    /** The non-blocking operations, on the queue {@link #newQueue()} makes; items are small ints. */
    @Param(name = "item", gen = IntGen.class, conf = "1:3")
    public abstract static class NowaitOperations {
        final Queue<Integer> q = newQueue();

        abstract Queue<Integer> newQueue();

        @Operation
        public boolean putNowait(@Param(name = "item") int item) {
            try {
                q.putNowait(item);
                return true;
            } catch (Full e) {
                return false;
            }
        }

        @Operation
        public Integer getNowait() {
            try {
                return q.getNowait();
            } catch (Empty e) {
                return null;
            }
        }

        @Operation
        public int qsize() {
            return q.qsize();
        }
    }

    /**
     * Plus the timed put and get. Model checking freezes {@code System.nanoTime()}, so a timed wait never
     * times out there: these run in random scenarios only on real threads (stress mode), and in the fixed
     * scenarios of {@link BlockingOperations} in both modes.
     */
    public abstract static class TimedOperations extends NowaitOperations {
        @Operation(blocking = true)
        public boolean putTimed(@Param(name = "item") int item) {
            try {
                q.put(item, TIMEOUT);
                return true;
            } catch (Full e) {
                return false;
            }
        }

        @Operation(blocking = true)
        public Integer getTimed() {
            try {
                return q.get(TIMEOUT);
            } catch (Empty e) {
                return null;
            }
        }
    }

    /** Plus the untimed blocking put and get; used only in the fixed scenarios that always complete. */
    public abstract static class BlockingOperations extends TimedOperations {
        @Operation(blocking = true)
        public Object put(@Param(name = "item") int item) {
            q.put(item, true);
            return Boolean.TRUE;
        }

        @Operation(blocking = true)
        public Object get() {
            return q.get();
        }
    }

    public static class FifoNowait extends NowaitOperations {
        @Override
        Queue<Integer> newQueue() {
            return new Queue<>(2);
        }
    }

    public static class LifoNowait extends NowaitOperations {
        @Override
        Queue<Integer> newQueue() {
            return new LifoQueue<>(2);
        }
    }

    public static class PriorityNowait extends NowaitOperations {
        @Override
        Queue<Integer> newQueue() {
            return new PriorityQueue<>(2);
        }
    }

    public static class FifoTimed extends TimedOperations {
        @Override
        Queue<Integer> newQueue() {
            return new Queue<>(2);
        }
    }

    public static class LifoTimed extends TimedOperations {
        @Override
        Queue<Integer> newQueue() {
            return new LifoQueue<>(2);
        }
    }

    public static class PriorityTimed extends TimedOperations {
        @Override
        Queue<Integer> newQueue() {
            return new PriorityQueue<>(2);
        }
    }

    public static class FifoBlocking extends BlockingOperations {
        @Override
        Queue<Integer> newQueue() {
            return new Queue<>(2);
        }
    }

    public static class LifoBlocking extends BlockingOperations {
        @Override
        Queue<Integer> newQueue() {
            return new LifoQueue<>(2);
        }
    }

    public static class PriorityBlocking extends BlockingOperations {
        @Override
        Queue<Integer> newQueue() {
            return new PriorityQueue<>(2);
        }
    }

    /**
     * The sequential specification of {@link BlockingOperations}: a plain collection of at most 2 items in
     * which a call that would have to wait for ever returns {@link #BLOCKED} instead.
     */
    public abstract static class BlockingSpec {
        final java.util.Queue<Integer> items = newItems();

        abstract java.util.Queue<Integer> newItems();

        public boolean putNowait(int item) {
            return items.size() < 2 && items.add(item);
        }

        public Integer getNowait() {
            return items.poll();
        }

        public int qsize() {
            return items.size();
        }

        public boolean putTimed(int item) {
            return putNowait(item);  // a timed put that finds no room in time is a Full
        }

        public Integer getTimed() {
            return getNowait();
        }

        public Object put(int item) {
            return putNowait(item) ? Boolean.TRUE : BLOCKED;
        }

        public Object get() {
            Integer item = getNowait();
            return item != null ? item : BLOCKED;
        }
    }

    public static class FifoSpec extends BlockingSpec {
        @Override
        java.util.Queue<Integer> newItems() {
            return new java.util.ArrayDeque<>();
        }
    }

    public static class LifoSpec extends BlockingSpec {
        @Override
        java.util.Queue<Integer> newItems() {
            return java.util.Collections.asLifoQueue(new java.util.ArrayDeque<>());
        }
    }

    public static class PrioritySpec extends BlockingSpec {
        @Override
        java.util.Queue<Integer> newItems() {
            return new java.util.PriorityQueue<>();
        }
    }

    /** The control: a queue without any synchronization, which Lincheck must reject. */
    public static class RacyOperations {
        private final int[] items = new int[2];
        private int head;
        private int count;

        @Operation
        public boolean putNowait(@Param(gen = IntGen.class, conf = "1:3") int item) {
            if (count == items.length) {
                return false;
            }
            items[(head + count) % items.length] = item;
            count = count + 1;
            return true;
        }

        @Operation
        public Integer getNowait() {
            if (count == 0) {
                return null;
            }
            int item = items[head];
            head = (head + 1) % items.length;
            count = count - 1;
            return item;
        }

        @Operation
        public int qsize() {
            return count;
        }
    }

    /**
     * The second control, which needs our own classes instrumented: moving an item between two of our queues is
     * two calls, so a concurrent total can see it in neither or in both. Lincheck can only find that by switching
     * threads inside {@link Queue}'s methods (at its lock); had it failed to instrument {@code Queue} or the
     * JDK's locks (with ASM 9.6 on JDK 25, every class loaded before Lincheck attaches fails to transform), each
     * call would run as one step and this control would pass unnoticed.
     */
    public static class TornTransferOperations {
        private final Queue<Integer> a = new Queue<>(4);
        private final Queue<Integer> b = new Queue<>(4);

        public TornTransferOperations() {
            a.putNowait(1);
            a.putNowait(2);
        }

        @Operation
        public boolean moveToB() {
            Integer x = a.poll();
            return x != null && b.offer(x);
        }

        @Operation
        public boolean moveToA() {
            Integer x = b.poll();
            return x != null && a.offer(x);
        }

        @Operation
        public int total() {
            return a.qsize() + b.qsize();
        }
    }

    private static <O extends Options<O, ?>> O small(O options, int iterations, int invocations) {
        return options.iterations(iterations).invocationsPerIteration(invocations).threads(2).actorsPerThread(3)
                .actorsBefore(1).actorsAfter(1);
    }

    private static ModelCheckingOptions modelChecking() {
        return small(new ModelCheckingOptions(), 3, 50);
    }

    /**
     * For the fixed blocking scenarios: a timed wait spins on the frozen clock until Lincheck's hang detection
     * switches threads, so a lower threshold than the default keeps each invocation short.
     */
    private static ModelCheckingOptions blockingModelChecking() {
        return new ModelCheckingOptions().invocationsPerIteration(25).hangingDetectionThreshold(20);
    }

    private static StressOptions stress() {
        return small(new StressOptions(), 3, 30);
    }

    /**
     * Fixed scenarios with the blocking calls, each of which completes in every interleaving, whether or not
     * a timed call times out: (a) three blocking puts against three blocking gets on a queue of 2; (b) three
     * threads each putting then getting (a get cannot find the queue empty for ever, nor a put find it full
     * for ever); (c) a full queue, a blocking put racing a non-blocking and a blocking get; (d) a full queue,
     * a timed put racing two timed gets; (e) an empty queue, a timed get racing two timed puts.
     */
    private static <O extends Options<O, ?>> O withBlockingScenarios(O options, Class<?> ops) {
        Actor put1 = actor(ops, "put", 1);
        Actor put2 = actor(ops, "put", 2);
        Actor put3 = actor(ops, "put", 3);
        Actor get = actor(ops, "get");
        Actor putTimed1 = actor(ops, "putTimed", 1);
        Actor putTimed2 = actor(ops, "putTimed", 2);
        Actor putTimed3 = actor(ops, "putTimed", 3);
        Actor getTimed = actor(ops, "getTimed");
        Actor putNowait1 = actor(ops, "putNowait", 1);
        Actor putNowait2 = actor(ops, "putNowait", 2);
        Actor getNowait = actor(ops, "getNowait");
        Actor qsize = actor(ops, "qsize");
        return options.iterations(0)
                .addCustomScenario(scenario(List.of(), List.of(List.of(put3, put1, put2), List.of(get, get, get)), List.of(qsize)))
                .addCustomScenario(scenario(List.of(), List.of(List.of(put2, get), List.of(put3, get), List.of(put1, get)), List.of(qsize)))
                .addCustomScenario(scenario(List.of(putNowait2, putNowait1), List.of(List.of(put3, qsize), List.of(getNowait, get)), List.of(getNowait)))
                .addCustomScenario(scenario(List.of(putNowait2, putNowait1), List.of(List.of(putTimed3), List.of(getTimed, getTimed)), List.of(qsize)))
                .addCustomScenario(scenario(List.of(), List.of(List.of(getTimed, qsize), List.of(putTimed1, putTimed2)), List.of(getNowait)));
    }

    private static Actor actor(Class<?> ops, String name, Object... args) {
        for (Method m : ops.getMethods()) {
            if (m.getName().equals(name)) {
                return new Actor(m, List.of(args));
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static ExecutionScenario scenario(List<Actor> initial, List<List<Actor>> parallel, List<Actor> post) {
        List<List<Actor>> threads = new ArrayList<>();
        parallel.forEach(t -> threads.add(new ArrayList<>(t)));
        return new ExecutionScenario(new ArrayList<>(initial), threads, new ArrayList<>(post), null);
    }

    /** Queue: non-blocking calls linearizable in every interleaving the model checker explores. */
    @Test
    void queueModelChecking() {
        modelChecking().check(FifoNowait.class);
    }

    /** LifoQueue likewise. */
    @Test
    void lifoQueueModelChecking() {
        modelChecking().check(LifoNowait.class);
    }

    /** PriorityQueue likewise. */
    @Test
    void priorityQueueModelChecking() {
        modelChecking().check(PriorityNowait.class);
    }

    /** Queue: blocking and timed calls linearizable in the fixed scenarios, every explored interleaving. */
    @Test
    void queueBlockingModelChecking() {
        withBlockingScenarios(blockingModelChecking(), FifoBlocking.class)
                .sequentialSpecification(FifoSpec.class).check(FifoBlocking.class);
    }

    /** LifoQueue likewise. */
    @Test
    void lifoQueueBlockingModelChecking() {
        withBlockingScenarios(blockingModelChecking(), LifoBlocking.class)
                .sequentialSpecification(LifoSpec.class).check(LifoBlocking.class);
    }

    /** PriorityQueue likewise. */
    @Test
    void priorityQueueBlockingModelChecking() {
        withBlockingScenarios(blockingModelChecking(), PriorityBlocking.class)
                .sequentialSpecification(PrioritySpec.class).check(PriorityBlocking.class);
    }

    /** Queue: non-blocking and timed calls linearizable on real threads, then the blocking scenarios. */
    @Test
    void queueStress() {
        stress().check(FifoTimed.class);
        withBlockingScenarios(new StressOptions().invocationsPerIteration(20), FifoBlocking.class)
                .sequentialSpecification(FifoSpec.class).check(FifoBlocking.class);
    }

    /** LifoQueue likewise. */
    @Test
    void lifoQueueStress() {
        stress().check(LifoTimed.class);
        withBlockingScenarios(new StressOptions().invocationsPerIteration(20), LifoBlocking.class)
                .sequentialSpecification(LifoSpec.class).check(LifoBlocking.class);
    }

    /** PriorityQueue likewise. */
    @Test
    void priorityQueueStress() {
        stress().check(PriorityTimed.class);
        withBlockingScenarios(new StressOptions().invocationsPerIteration(20), PriorityBlocking.class)
                .sequentialSpecification(PrioritySpec.class).check(PriorityBlocking.class);
    }

    /** The control: model checking rejects the racy queue, so the checks above are not blind. */
    @Test
    void modelCheckingRejectsARacyQueue() {
        LincheckAssertionError e = assertThrows(LincheckAssertionError.class,
                () -> small(new ModelCheckingOptions(), 5, 100).minimizeFailedScenario(false)
                        .check(RacyOperations.class));
        assertTrue(e.getMessage().contains("Invalid execution results"), e.getMessage());
    }

    /** The control on our own classes: model checking splits the two-queue move, so Queue is instrumented. */
    @Test
    void modelCheckingSeesInsideQueue() {
        LincheckAssertionError e = assertThrows(LincheckAssertionError.class,
                () -> small(new ModelCheckingOptions(), 5, 100).minimizeFailedScenario(false)
                        .check(TornTransferOperations.class));
        assertTrue(e.getMessage().contains("Invalid execution results"), e.getMessage());
    }
}
