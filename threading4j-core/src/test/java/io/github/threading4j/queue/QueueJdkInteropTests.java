package io.github.threading4j.queue;

import io.github.threading4j.UncheckedInterruptedException;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the {@link java.util.concurrent.BlockingQueue} methods and the Python ones agree (mapping §3.2), null
 * items (§3.3), interrupts (§1.5), immediate shutdown returning its items, and {@code toString} (§1.8), for
 * {@link Queue}, {@link LifoQueue} and {@link PriorityQueue} on platform and virtual threads.
 */
class QueueJdkInteropTests {

    static Stream<Arguments> queues() {
        List<Arguments> args = new ArrayList<>();
        List<IntFunction<Queue<Integer>>> types = List.of(Queue::new, LifoQueue::new, PriorityQueue::new);
        List<String> names = List.of("Queue", "LifoQueue", "PriorityQueue");
        List<List<Integer>> orders = List.of(List.of(3, 1, 2), List.of(2, 1, 3), List.of(1, 2, 3));
        for (int i = 0; i < types.size(); i++) {
            for (ThreadKind kind : ThreadKind.values()) {
                args.add(Arguments.of(names.get(i), types.get(i), kind, orders.get(i)));
            }
        }
        return args.stream();
    }

    /** Puts 3, 1, 2; {@code order} is what get() then returns. */
    private static Queue<Integer> filled(IntFunction<Queue<Integer>> type, int maxsize) {
        Queue<Integer> q = type.apply(maxsize);
        q.put(3, true);
        q.put(1, true);
        q.put(2, true);
        return q;
    }

    /** Every insertion method refuses null with "item must not be null" and changes nothing. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void nullItemsRefused(String name, IntFunction<Queue<Integer>> type, ThreadKind kind, List<Integer> order) {
        Queue<Integer> q = type.apply(2);
        List<Runnable> inserts = List.of(
                () -> q.put(null, true), () -> q.put(null, false), () -> q.put(null, Duration.ZERO),
                () -> q.putNowait(null), () -> q.offer(null), () -> q.add(null),
                () -> { try { q.put(null); } catch (InterruptedException e) { throw new AssertionError(e); } },
                () -> { try { q.offer(null, 1, TimeUnit.SECONDS); } catch (InterruptedException e) { throw new AssertionError(e); } });
        for (Runnable insert : inserts) {
            NullPointerException e = assertThrows(NullPointerException.class, insert::run);
            assertEquals("item must not be null", e.getMessage());
        }
        assertEquals(0, q.qsize());
        assertEquals(0, q.unfinishedTasks());
    }

    /** Insertions by any method count a task; handing-out removals do not; poll/peek/iteration follow get() order. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void insertionsCountTasksAndHandingOutRemovalsDoNot(String name, IntFunction<Queue<Integer>> type,
                                                        ThreadKind kind, List<Integer> order) throws Exception {
        Queue<Integer> q = type.apply(0);
        q.offer(3);
        q.add(1);
        q.put(2);
        assertEquals(3, q.unfinishedTasks());
        if (name.equals("PriorityQueue")) {
            assertEquals(order, new ArrayList<>(q).stream().sorted().toList(), "iteration: heap order");
        } else {
            assertEquals(order, new ArrayList<>(q), "iteration in get() order");
        }
        assertEquals(order.get(0), q.peek());
        assertEquals(order.get(0), q.element());
        assertEquals(order.get(0), q.poll());
        assertEquals(order.get(1), q.take());
        List<Integer> drained = new ArrayList<>();
        assertEquals(1, q.drainTo(drained));
        assertEquals(List.of(order.get(2)), drained);
        assertEquals(3, q.unfinishedTasks(), "handing out does not finish tasks");
        q.addAll(List.of(5, 6));
        assertEquals(5, q.unfinishedTasks());
        assertEquals(2, q.size());
        assertFalse(q.isEmpty());
        assertEquals(Integer.MAX_VALUE, q.remainingCapacity());
    }

    /** Full and empty follow the JDK contracts: offer false, add Full, poll/peek null, remove/element Empty. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void fullAndEmptyFollowTheJdkContracts(String name, IntFunction<Queue<Integer>> type, ThreadKind kind,
                                           List<Integer> order) throws Exception {
        Queue<Integer> q = type.apply(3);
        assertNull(q.poll());
        assertNull(q.peek());
        assertNull(q.poll(0, TimeUnit.SECONDS));
        assertThrows(Empty.class, q::remove);
        assertThrows(Empty.class, q::element);
        assertEquals(3, q.remainingCapacity());
        q.put(3, true);
        q.put(1, true);
        q.put(2, true);
        assertEquals(0, q.remainingCapacity());
        assertFalse(q.offer(4));
        assertFalse(q.offer(4, 1, TimeUnit.MILLISECONDS));
        assertThrows(Full.class, () -> q.add(4));
        assertEquals(3, q.unfinishedTasks(), "a refused insertion counts nothing");
        assertEquals(order, List.of(q.remove(), q.remove(), q.remove()));
    }

    /** Discarding removals finish their tasks, wake join() at zero and wake a blocked putter. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void discardingRemovalsFinishTasksAndWakeJoinAndPutters(String name, IntFunction<Queue<Integer>> type,
                                                            ThreadKind kind, List<Integer> order) {
        Queue<Integer> q = filled(type, 4);
        q.put(7, true);
        assertTrue(q.remove((Object) 7));
        assertFalse(q.remove((Object) 7));
        assertEquals(3, q.unfinishedTasks());
        assertTrue(q.removeIf(x -> x == 1));
        assertEquals(2, q.unfinishedTasks());
        Iterator<Integer> it = q.iterator();
        it.next();
        it.remove();
        assertEquals(1, q.unfinishedTasks());
        assertEquals(1, q.qsize());
        q.put(8, true);
        q.put(9, true);
        q.put(10, true);  // full: 4 items
        Thread putter = kind.start(() -> q.put(11, true));
        BlockingTests.waitParked(putter);
        assertTrue(q.removeIf(x -> x == 9));  // room for the putter
        Threads.join(putter);
        assertEquals(4, q.qsize());
        assertEquals(4, q.unfinishedTasks());
        Thread joiner = kind.start(q::join);
        BlockingTests.waitParked(joiner);
        assertTrue(q.retainAll(List.of(8)));
        assertEquals(1, q.unfinishedTasks());
        assertTrue(joiner.isAlive(), "join() returned with a task unfinished");
        q.clear();  // the last task finished: join() returns
        Threads.join(joiner);
        assertEquals(0, q.unfinishedTasks());
    }

    /** A removeIf predicate that throws part way leaves the queue as it was. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void throwingPredicateLeavesTheQueueUnchanged(String name, IntFunction<Queue<Integer>> type, ThreadKind kind,
                                                  List<Integer> order) {
        Queue<Integer> q = filled(type, 0);
        int[] calls = {0};
        assertThrows(IllegalStateException.class, () -> q.removeIf(x -> switch (++calls[0]) {
            case 1 -> true;
            case 2 -> false;
            default -> throw new IllegalStateException("predicate fails on the third item");
        }));
        assertEquals(3, q.unfinishedTasks());
        assertEquals(order, List.of(q.get(), q.get(), q.get()));
    }

    /** drainTo() makes room: a putter blocked on a full queue wakes. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void drainToWakesBlockedPutters(String name, IntFunction<Queue<Integer>> type, ThreadKind kind,
                                    List<Integer> order) {
        Queue<Integer> q = filled(type, 3);
        Thread p1 = kind.start(() -> q.put(4, true));
        Thread p2 = kind.start(() -> q.put(5, true));
        BlockingTests.waitParked(p1);
        BlockingTests.waitParked(p2);
        List<Integer> drained = new ArrayList<>();
        assertEquals(3, q.drainTo(drained, 5));
        assertEquals(order, drained);
        Threads.join(p1);
        Threads.join(p2);
        assertEquals(2, q.qsize());
        assertEquals(5, q.unfinishedTasks());
        assertThrows(IllegalArgumentException.class, () -> q.drainTo(q));
    }

    /** shutdown(true) returns the removed items in get() order; shutdown() returns nothing. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void immediateShutdownReturnsTheItemsInGetOrder(String name, IntFunction<Queue<Integer>> type,
                                                    ThreadKind kind, List<Integer> order) {
        Queue<Integer> q = filled(type, 0);
        assertEquals(List.of(), q.shutdown(false));
        q.get();  // handed out: still unfinished
        assertEquals(order.subList(1, 3), q.shutdown(true));
        assertEquals(1, q.unfinishedTasks());
        q.taskDone();
        q.join();
        assertEquals(List.of(), q.shutdown(true));
    }

    /** After shutdown the JDK methods: offer false, add/put ShutDown, poll/peek null, remove Empty, take ShutDown. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void shutDownQueueFollowsTheJdkContracts(String name, IntFunction<Queue<Integer>> type, ThreadKind kind,
                                             List<Integer> order) throws Exception {
        Queue<Integer> q = type.apply(2);
        q.put(1, true);
        q.shutdown();
        assertFalse(q.offer(2));
        assertFalse(q.offer(2, 1, TimeUnit.SECONDS));
        assertThrows(ShutDown.class, () -> q.add(2));
        assertThrows(ShutDown.class, () -> q.put(2));
        assertEquals(1, q.take(), "stored items are still handed out");
        assertNull(q.poll());
        assertNull(q.peek());
        assertNull(q.poll(1, TimeUnit.HOURS), "no wait on a shut-down empty queue");
        assertThrows(Empty.class, q::remove);
        assertThrows(Empty.class, q::element);
        assertThrows(ShutDown.class, q::take);
        assertThrows(ShutDown.class, q::get);
    }

    /** Threads blocked in the JDK methods wake on shutdown: offer false, poll null, take ShutDown. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void shutdownWakesThreadsBlockedInJdkMethods(String name, IntFunction<Queue<Integer>> type, ThreadKind kind,
                                                 List<Integer> order) {
        Queue<Integer> full = filled(type, 3);
        Queue<Integer> empty = type.apply(3);
        CompletableFuture<Object> offer = new CompletableFuture<>();
        CompletableFuture<Object> poll = new CompletableFuture<>();
        CompletableFuture<Object> take = new CompletableFuture<>();
        List<Thread> threads = List.of(
                kind.start(() -> complete(offer, () -> full.offer(4, 1, TimeUnit.HOURS))),
                kind.start(() -> complete(poll, () -> empty.poll(1, TimeUnit.HOURS))),
                kind.start(() -> complete(take, empty::take)));
        threads.forEach(BlockingTests::waitParked);
        full.shutdown();
        empty.shutdown();
        threads.forEach(Threads::join);
        assertEquals(false, offer.join());
        assertNull(poll.join());
        assertInstanceOf(ShutDown.class, take.join());
    }

    private interface Call {
        Object call() throws Exception;
    }

    private static void complete(CompletableFuture<Object> f, Call call) {
        try {
            f.complete(call.call());
        } catch (Throwable e) {
            f.complete(e);
        }
    }

    /** Python-named blocking calls: an interrupt while waiting keeps the status, changes nothing, throws unchecked. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void pythonNamedCallsKeepTheInterruptStatus(String name, IntFunction<Queue<Integer>> type, ThreadKind kind,
                                                List<Integer> order) {
        Queue<Integer> full = filled(type, 3);
        Queue<Integer> empty = type.apply(3);
        List<Runnable> waits = List.of(
                () -> full.put(4, true), () -> full.put(4, Duration.ofHours(1)), empty::get,
                () -> empty.get(Duration.ofHours(1)), full::join);
        for (Runnable wait : waits) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread t = kind.start(() -> {
                try {
                    wait.run();
                    outcome.complete("returned");
                } catch (Throwable e) {
                    outcome.complete(List.of(e, Thread.currentThread().isInterrupted()));
                }
            });
            BlockingTests.waitParked(t);
            t.interrupt();
            Threads.join(t);
            List<?> result = (List<?>) outcome.join();
            UncheckedInterruptedException e = assertInstanceOf(UncheckedInterruptedException.class, result.get(0));
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertEquals(true, result.get(1), "interrupt status kept");
        }
        assertEquals(3, full.qsize());
        assertEquals(3, full.unfinishedTasks());
        assertEquals(0, empty.qsize());
        // status set on entry: a call that may wait throws at once, one that cannot wait ignores it
        Thread.currentThread().interrupt();
        try {
            assertThrows(UncheckedInterruptedException.class, empty::get);
            assertTrue(Thread.interrupted());
            Thread.currentThread().interrupt();
            assertThrows(Empty.class, () -> empty.get(false));
            assertThrows(Empty.class, () -> empty.get(Duration.ZERO));
            assertThrows(Full.class, () -> full.putNowait(4));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    /** The JDK methods throw the checked InterruptedException and clear the status, changing nothing. */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void jdkMethodsThrowCheckedInterruptedException(String name, IntFunction<Queue<Integer>> type, ThreadKind kind,
                                                    List<Integer> order) {
        Queue<Integer> full = filled(type, 3);
        Queue<Integer> empty = type.apply(3);
        List<Call> waits = List.of(
                () -> { full.put(4); return null; }, () -> full.offer(4, 1, TimeUnit.HOURS), empty::take,
                () -> empty.poll(1, TimeUnit.HOURS));
        for (Call wait : waits) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread t = kind.start(() -> {
                try {
                    wait.call();
                    outcome.complete("returned");
                } catch (Throwable e) {
                    outcome.complete(List.of(e, Thread.currentThread().isInterrupted()));
                }
            });
            BlockingTests.waitParked(t);
            t.interrupt();
            Threads.join(t);
            List<?> result = (List<?>) outcome.join();
            assertInstanceOf(InterruptedException.class, result.get(0));
            assertEquals(false, result.get(1), "interrupt status cleared, as the JDK's queues do");
        }
        assertEquals(3, full.qsize());
        assertEquals(0, empty.qsize());
    }

    /** The queue keeps no reference to an item once it has been got (queue §6). */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void removedItemsAreNotRetained(String name, IntFunction<Queue<Integer>> type, ThreadKind kind,
                                    List<Integer> order) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Queue<String> q = (Queue) type.apply(0);
        for (int i = 0; i < 5; i++) {
            q.put(new String("item " + i), true);
        }
        for (int i = 0; i < 5; i++) {
            WeakReference<String> wr = new WeakReference<>(q.get());
            Threads.awaitCollected(wr, "item " + i);
        }
    }

    /** toString shows the type, qsize, maxsize, unfinished tasks and shutdown (mapping §1.8). */
    @ParameterizedTest(name = "{0} on {2} threads")
    @MethodSource("queues")
    void toStringShowsTheState(String name, IntFunction<Queue<Integer>> type, ThreadKind kind, List<Integer> order) {
        Queue<Integer> q = filled(type, 5);
        assertTrue(q.toString().matches("<" + name + " at 0x[0-9a-f]+: qsize=3 maxsize=5 unfinished=3>"), q.toString());
        q.get();
        q.shutdown();
        assertTrue(q.toString().matches("<" + name + " at 0x[0-9a-f]+: qsize=2 maxsize=5 unfinished=3 shutdown>"),
                q.toString());
    }
}
