package io.github.threading4j.queue;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Python's {@code queue.LifoQueue}: a {@link Queue} whose {@code get} returns the item put last (a stack).
 * Everything else — bounds, blocking, timeouts, {@code taskDone}/{@code join}, shutdown, the
 * {@link java.util.concurrent.BlockingQueue} methods — is {@link Queue}'s; iteration runs from the top.
 *
 * <pre>{@code
 * LifoQueue<Integer> stack = new LifoQueue<>();
 * stack.put(111, true); stack.put(333, true); stack.put(222, true);
 * stack.get();   // 222, then 333, then 111
 * }</pre>
 *
 * <p>Unlike the JDK's {@link java.util.concurrent.LinkedBlockingDeque} used as a stack, it can be bounded
 * and counts tasks. Storage is an array that grows by doubling; a put or get allocates nothing once it is
 * large enough.
 *
 * @param <E> the type of the items
 */
public class LifoQueue<E> extends Queue<E> {
    /** {@code size} items, the top at {@code stack[size - 1]}. Guarded by the queue's lock. */
    private Object[] stack;
    private int size;

    /** An unbounded stack. */
    public LifoQueue() {
        this(0);
    }

    /** A stack holding at most {@code maxsize} items; {@code maxsize <= 0} means unbounded. */
    public LifoQueue(int maxsize) {
        super(maxsize);
    }

    @Override
    protected int storageSize() {
        assert lock.isHeldByCurrentThread();
        return size;
    }

    @Override
    protected void storagePut(E item) {
        assert lock.isHeldByCurrentThread();
        Object[] stack = this.stack;
        if (stack == null) {
            int max = maxsize();
            stack = this.stack = new Object[max > 0 && max < 16 ? max : 16];
        } else if (size == stack.length) {
            stack = this.stack = Arrays.copyOf(stack, Storage.grownLength(stack.length));
        }
        stack[size++] = item;
    }

    @Override
    protected E storageGet() {
        assert lock.isHeldByCurrentThread();
        @SuppressWarnings("unchecked")
        E item = (E) stack[--size];
        stack[size] = null;  // removed items are not retained
        return item;
    }

    @Override
    E storagePeek() {
        if (size == 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        E item = (E) stack[size - 1];
        return item;
    }

    @Override
    Object[] storageSnapshot() {
        Object[] copy = new Object[size];
        for (int i = 0; i < size; i++) {
            copy[i] = stack[size - 1 - i];
        }
        return copy;
    }

    @Override
    int storageRemoveIf(Predicate<Object> filter, boolean firstOnly) {
        int n = size;
        Object[] stack = this.stack;
        // get() order runs from the top: mark i is about stack[n - 1 - i]. Nothing moves until all are asked.
        boolean[] remove = Storage.marks(n, i -> filter.test(stack[n - 1 - i]), firstOnly);
        if (remove == null) {
            return 0;
        }
        int kept = 0;
        for (int j = 0; j < n; j++) {
            if (!remove[n - 1 - j]) {
                stack[kept++] = stack[j];
            }
        }
        Arrays.fill(stack, kept, n, null);
        size = kept;
        return n - kept;
    }
}
