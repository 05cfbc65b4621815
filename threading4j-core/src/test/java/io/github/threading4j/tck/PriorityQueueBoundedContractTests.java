package io.github.threading4j.tck;

import java.util.List;
import java.util.concurrent.BlockingQueue;

/** {@link BlockingQueueContractTests} on a bounded {@code PriorityQueue}: take() returns the smallest item. */
class PriorityQueueBoundedContractTests extends BlockingQueueContractTests {
    @Override
    BlockingQueue<Integer> newQueue(int capacity) {
        return new io.github.threading4j.queue.PriorityQueue<>(capacity);
    }

    @Override
    int capacity() {
        return SIZE;
    }

    @Override
    List<Integer> takeOrder(List<Integer> inserted) {
        return sortedCopy(inserted);
    }

    @Override
    boolean iteratorIsSnapshot() {
        return true;
    }

    @Override
    boolean iterationFollowsTakeOrder() {
        return false; // a heap iterates in storage order (documented: unspecified)
    }
}
