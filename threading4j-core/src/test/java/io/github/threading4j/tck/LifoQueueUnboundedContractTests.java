package io.github.threading4j.tck;

import java.util.List;
import java.util.concurrent.BlockingQueue;

/** {@link BlockingQueueContractTests} on an unbounded {@code LifoQueue}: take() returns the newest item. */
class LifoQueueUnboundedContractTests extends BlockingQueueContractTests {
    @Override
    BlockingQueue<Integer> newQueue(int capacity) {
        return new io.github.threading4j.queue.LifoQueue<>(capacity);
    }

    @Override
    int capacity() {
        return 0;
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
