package io.github.threading4j.tck;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BlockingQueueContractTests} on an unbounded {@code Queue}: FIFO. */
class QueueUnboundedContractTests extends BlockingQueueContractTests {
    @Override
    BlockingQueue<Integer> newQueue(int capacity) {
        return new io.github.threading4j.queue.Queue<>(capacity);
    }

    @Override
    int capacity() {
        return 0;
    }

    @Override
    List<Integer> takeOrder(List<Integer> inserted) {
        return inserted;
    }

    @Override
    boolean iteratorIsSnapshot() {
        return true;
    }

    /** Deliberate difference from LinkedBlockingQueue(capacity ≤ 0) → IllegalArgumentException: Python's maxsize ≤ 0 means unbounded. */
    @Test
    void nonPositiveCapacityMeansUnbounded() {
        for (int capacity : new int[] {0, -1, Integer.MIN_VALUE}) {
            BlockingQueue<Integer> q = newQueue(capacity);
            assertEquals(Integer.MAX_VALUE, q.remainingCapacity());
            for (int i = 0; i < 3 * SIZE; i++) {
                assertTrue(q.offer(i));
            }
        }
    }
}
