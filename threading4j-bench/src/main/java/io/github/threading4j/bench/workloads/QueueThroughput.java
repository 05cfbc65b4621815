package io.github.threading4j.bench.workloads;

import io.github.threading4j.queue.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload 3 on threading4j: {@link Queue}(maxsize=100) hand-off between threads, through the
 * Python-named calls ({@code put(item, true)}, {@code get()}).
 *
 * <ul>
 *   <li>queue_1p1c: 1 producer, 1 consumer, 100,000 items a round</li>
 *   <li>queue_4p4c: 4 producers, 4 consumers, 4 x 25,000 items a round</li>
 *   <li>queue_put_get_1t: one thread, put then get, the queue never full (ns per pair)</li>
 * </ul>
 * Consumers stop on a sentinel (one per consumer, put by the main thread after the producers are
 * joined); after each round every item must have arrived exactly once. Items/s over whole rounds.
 */
public final class QueueThroughput {
    static final int MAXSIZE = 100;
    static final int ITEMS = 100_000;
    static final Integer SENTINEL = -1;
    static final int BATCH = 1_000_000;
    static final boolean BLOCK = true;

    private QueueThroughput() {}

    static long round(int producers, int consumers, boolean virtual) {
        int perProducer = ITEMS / producers;
        int total = perProducer * producers;
        Queue<Integer> q = new Queue<>(MAXSIZE);
        int[][] received = new int[consumers][total];
        int[] counts = new int[consumers];
        List<Thread> cs = new ArrayList<>();
        List<Thread> ps = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            int me = c;
            cs.add(Bench.start(virtual, () -> {
                int[] got = received[me];
                int n = 0;
                while (true) {
                    Integer item = q.get();
                    if (item.equals(SENTINEL)) {
                        break;
                    }
                    got[n++] = item;
                }
                counts[me] = n;
            }));
        }
        for (int p = 0; p < producers; p++) {
            int lo = p * perProducer;
            ps.add(Bench.start(virtual, () -> {
                for (int item = lo; item < lo + perProducer; item++) {
                    q.put(item, BLOCK);
                }
            }));
        }
        Bench.joinAll(ps);
        for (int c = 0; c < consumers; c++) {
            q.put(SENTINEL, BLOCK);
        }
        Bench.joinAll(cs); // join gives happens-before for received[] and counts[]
        byte[] seen = new byte[total];
        long count = 0;
        for (int c = 0; c < consumers; c++) {
            for (int i = 0; i < counts[c]; i++) {
                int item = received[c][i];
                Bench.check(seen[item] == 0, "item " + item + " delivered twice");
                seen[item] = 1;
            }
            count += counts[c];
        }
        Bench.check(count == total, count + " items delivered, expected " + total);
        return total;
    }

    static long putGetRound(Queue<Integer> q) {
        long total = 0;
        for (int i = 0; i < BATCH; i++) {
            q.put(i, BLOCK);
            total += q.get();
        }
        Bench.check(total == (long) BATCH * (BATCH - 1) / 2, "wrong items");
        return BATCH;
    }

    public static void main(String[] args) throws Exception {
        for (int[] pc : new int[][] {{1, 1}, {4, 4}}) {
            String workload = "queue_" + pc[0] + "p" + pc[1] + "c";
            for (boolean virtual : new boolean[] {false, true}) {
                Bench.Measured m = Bench.measure(() -> round(pc[0], pc[1], virtual));
                Bench.result(workload, Bench.impl(virtual), m.perSecond(), "items/s", "rounds", m.rounds(),
                        "check", "exactly_once", "detail", "Queue");
            }
        }
        Queue<Integer> q = new Queue<>(MAXSIZE);
        Bench.Measured m = Bench.measure(() -> putGetRound(q));
        Bench.result("queue_put_get_1t", Bench.OURS, m.nanosPerOp(), "ns/op", "ops", m.ops(), "detail", "Queue");
    }
}
