package io.github.threading4j.tck;

import java.util.List;
import java.util.concurrent.BlockingQueue;

/** {@link BlockingQueueContractTests} on {@code SimpleQueue}: unbounded FIFO, weakly consistent iterator. */
class SimpleQueueContractTests extends BlockingQueueContractTests {
    @Override
    BlockingQueue<Integer> newQueue(int capacity) {
        return new io.github.threading4j.queue.SimpleQueue<>();
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
        return false;
    }
}
