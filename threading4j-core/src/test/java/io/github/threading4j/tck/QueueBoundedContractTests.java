package io.github.threading4j.tck;

import java.util.List;
import java.util.concurrent.BlockingQueue;

/** {@link BlockingQueueContractTests} on a bounded {@code Queue}: FIFO. */
class QueueBoundedContractTests extends BlockingQueueContractTests {
    @Override
    BlockingQueue<Integer> newQueue(int capacity) {
        return new io.github.threading4j.queue.Queue<>(capacity);
    }

    @Override
    int capacity() {
        return SIZE;
    }

    @Override
    List<Integer> takeOrder(List<Integer> inserted) {
        return inserted;
    }

    @Override
    boolean iteratorIsSnapshot() {
        return true;
    }
}
