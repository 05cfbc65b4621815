package io.github.threading4j.tck;

import java.util.List;
import java.util.concurrent.BlockingQueue;

/** {@link BlockingQueueContractTests} on a bounded {@code LifoQueue}: take() returns the newest item (TCK FIFO checks adapted to LIFO). */
class LifoQueueBoundedContractTests extends BlockingQueueContractTests {
    @Override
    BlockingQueue<Integer> newQueue(int capacity) {
        return new io.github.threading4j.queue.LifoQueue<>(capacity);
    }

    @Override
    int capacity() {
        return SIZE;
    }

    @Override
    List<Integer> takeOrder(List<Integer> inserted) {
        return reversed(inserted);
    }

    @Override
    boolean iteratorIsSnapshot() {
        return true;
    }
}
